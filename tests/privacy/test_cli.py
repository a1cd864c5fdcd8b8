"""``huisbezoek vault retention``: the same preview on the command line, and the purge."""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime

from huisbezoek.cli import main
from huisbezoek.domain import ContactMethod, ContactOutcome, DeclineReason
from huisbezoek.services import residents as res
from huisbezoek.vault.models import ContactAttempt, Resident

from .conftest import PASSPHRASE


def run(monkeypatch, capsys, *argv):
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{PASSPHRASE}\n"))
    code = main(["vault", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_retention_preview_then_run(vault, monkeypatch, capsys):
    old = res.add_resident(vault, res.ResidentInput(name="Oude Afwijzing"))
    res.add_resident(vault, res.ResidentInput(name="Nieuwe Bewoner"))
    long_ago = datetime(2025, 1, 1, tzinfo=UTC)
    res.log_contact(
        vault, old, method=ContactMethod.PHONE, outcome=ContactOutcome.DECLINED,
        decline_reason=DeclineReason.TOO_BUSY, at=long_ago,
    )  # fmt: skip
    with vault.session() as s:
        s.execute(
            Resident.__table__.update()
            .where(Resident.id == old)
            .values(created_at=long_ago, updated_at=long_ago)
        )
    folder = str(vault.folder)
    vault.close()
    common = ["--dir", folder, "--passphrase-stdin"]
    code, out, _ = run(monkeypatch, capsys, "retention", *common)
    assert code == 0
    assert "Bewaartermijn 6 maanden" in out
    assert "- Oude Afwijzing: wilde geen bezoek, laatst 01-01-2025" in out
    assert "1 contactpoging" in out and "Nieuwe Bewoner" not in out
    assert "Met --run" in out
    code, out, _ = run(monkeypatch, capsys, "retention", "--run", *common)
    assert code == 0 and "Weggehaald: 1 bewoners." in out
    code, out, _ = run(monkeypatch, capsys, "retention", *common)
    assert "Er hoeft nu niets weg." in out
    from huisbezoek.vault.core import Vault

    with Vault.open(folder, PASSPHRASE) as again, again.session() as s:
        assert [r.name for r in s.query(Resident)] == ["Nieuwe Bewoner"]
        assert s.query(ContactAttempt).count() == 0
