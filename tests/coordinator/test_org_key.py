"""The organisation's age secret key on a shared PostgreSQL store: sealed under the
organisation passphrase, never in plain text, and an old plaintext key sealed on first use."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from huisbezoek.cli import main
from huisbezoek.coordinator import importer, organisation
from huisbezoek.coordinator.store import orgkey
from huisbezoek.coordinator.store.backend import CoordinatorStore, init_organisation_in
from huisbezoek.exchange.keys import OrgIdentity, VolunteerKeys
from huisbezoek.vault.keyslots import KdfParams

from .helpers import batch_file

ORG_PASSPHRASE = "de zin van de organisatie"


def test_a_sealed_key_opens_only_with_its_passphrase_and_recipient() -> None:
    identity = OrgIdentity.generate()
    stored = orgkey.seal(identity.secret, identity.recipient, ORG_PASSPHRASE, KdfParams.FLOOR)
    assert orgkey.is_sealed(stored) and identity.secret not in stored
    assert orgkey.open_sealed(stored, identity.recipient, ORG_PASSPHRASE) == identity.secret
    with pytest.raises(orgkey.WrongOrgPassphraseError):
        orgkey.open_sealed(stored, identity.recipient, "een andere zin van tien")
    other = OrgIdentity.generate()  # a seal moved to another key's row does not open
    with pytest.raises(orgkey.WrongOrgPassphraseError):
        orgkey.open_sealed(stored, other.recipient, ORG_PASSPHRASE)
    weakened = stored.replace('"iterations":3', '"iterations":1')
    with pytest.raises(orgkey.DamagedOrgKeyError):
        orgkey.open_sealed(weakened, identity.recipient, ORG_PASSPHRASE)
    with pytest.raises(orgkey.DamagedOrgKeyError):
        orgkey.open_sealed(orgkey.PREFIX + "{niet", identity.recipient, ORG_PASSPHRASE)


def _stored_secret(store: CoordinatorStore) -> str:
    with store.engine.connect() as conn:
        return str(conn.execute(text("SELECT secret FROM org_keys")).scalar_one())


@pytest.mark.postgres
def test_postgresql_keeps_the_key_sealed_and_imports_only_when_unlocked(
    pg_server, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.new_database()
    store = CoordinatorStore.open_url(url)
    try:
        config = init_organisation_in(store, "Welzijn Teststad", ORG_PASSPHRASE,
                                      kdf=KdfParams.FLOOR)  # fmt: skip
        assert _stored_secret(store).startswith(orgkey.PREFIX)
        keys = VolunteerKeys.generate()
        (tmp_path / "a.json").write_bytes(keys.enrolment("Vera").to_bytes())
        row = organisation.enrol_volunteer(store, tmp_path / "a.json")  # type: ignore[arg-type]
        organisation.approve_volunteer(store, row.key_id)  # type: ignore[arg-type]
    finally:
        store.close()
    path = batch_file(tmp_path, keys, config)

    store = CoordinatorStore.open_url(url)  # another coordinator, another day
    try:
        assert store.needs_org_passphrase()
        with pytest.raises(orgkey.OrgKeyLockedError):
            importer.import_batches(store, [path])  # type: ignore[arg-type]
        with pytest.raises(orgkey.WrongOrgPassphraseError):
            store.unlock_org_key("dit is niet de zin")
        assert store.needs_org_passphrase()
        store.unlock_org_key(ORG_PASSPHRASE)
        report = importer.import_batches(store, [path])  # type: ignore[arg-type]
        assert (report.new, report.rejected) == (2, 0)
    finally:
        store.close()


@pytest.mark.postgres
def test_a_plaintext_key_from_an_older_version_is_sealed_on_first_use(pg_server) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.new_database()
    identity = OrgIdentity.generate()
    store = CoordinatorStore.open_url(url)
    try:
        init_organisation_in(store, "Welzijn Teststad", ORG_PASSPHRASE, kdf=KdfParams.FLOOR)
        with store.engine.begin() as conn:  # as an older version stored it
            conn.execute(
                text("UPDATE org_keys SET recipient = :r, secret = :s"),
                {"r": identity.recipient, "s": identity.secret},
            )
    finally:
        store.close()
    store = CoordinatorStore.open_url(url)
    try:
        store.unlock_org_key(ORG_PASSPHRASE, kdf=KdfParams.FLOOR)
        stored = _stored_secret(store)
        assert stored.startswith(orgkey.PREFIX) and identity.secret not in stored
        with store.session() as s:
            assert [i.secret for i in organisation.identities(s)] == [identity.secret]
        assert "org_key_sealed" in [e.event for e in store.audit_events()]
    finally:
        store.close()
    store = CoordinatorStore.open_url(url)  # from now on the passphrase is needed
    try:
        with pytest.raises(orgkey.WrongOrgPassphraseError):
            store.unlock_org_key("een andere zin van tien")
        store.unlock_org_key(ORG_PASSPHRASE)
        assert organisation.export_org_identity(store).count(identity.secret) == 1  # type: ignore[arg-type]
    finally:
        store.close()


NEW_PASSPHRASE = "een nieuwe zin voor alle coordinatoren"


def _secret_line(identity_file: str) -> str:
    (line,) = [x for x in identity_file.splitlines() if x.startswith("AGE-SECRET-KEY-")]
    return line


@pytest.mark.postgres
def test_the_organisation_passphrase_is_changed_by_command(
    pg_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.new_database()
    store = CoordinatorStore.open_url(url)
    try:
        config = init_organisation_in(store, "Welzijn Teststad", ORG_PASSPHRASE,
                                      kdf=KdfParams.FLOOR)  # fmt: skip
        keys = VolunteerKeys.generate()
        (tmp_path / "a.json").write_bytes(keys.enrolment("Vera").to_bytes())
        row = organisation.enrol_volunteer(store, tmp_path / "a.json")  # type: ignore[arg-type]
        organisation.approve_volunteer(store, row.key_id)  # type: ignore[arg-type]
        secret = _secret_line(organisation.export_org_identity(store))  # type: ignore[arg-type]
        before = _stored_secret(store)
    finally:
        store.close()
    argv = ["org", "passphrase", "--url", url, "--passphrase-stdin", "--kdf-floor"]

    def run(*lines: str) -> int:
        monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{line}\n" for line in lines)))
        return main(argv)

    # A wrong current passphrase: told in Dutch, and nothing changes.
    assert run("een verkeerde zin van tien", NEW_PASSPHRASE, NEW_PASSPHRASE) == 2
    err = capsys.readouterr().err
    assert "huidige wachtwoordzin" in err and "niet veranderd" in err
    # Two different new ones, or the same as now: refused too.
    assert run(ORG_PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE + "!") == 2
    assert "niet gelijk" in capsys.readouterr().err
    assert run(ORG_PASSPHRASE, ORG_PASSPHRASE, ORG_PASSPHRASE) == 2
    assert "gelijk aan de huidige" in capsys.readouterr().err
    store = CoordinatorStore.open_url(url)
    try:
        assert _stored_secret(store) == before
    finally:
        store.close()

    assert run(ORG_PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE) == 0
    out = capsys.readouterr()
    assert "is gewijzigd" in out.out
    assert ORG_PASSPHRASE not in out.out + out.err and NEW_PASSPHRASE not in out.out + out.err

    store = CoordinatorStore.open_url(url)
    try:
        stored = _stored_secret(store)
        assert stored.startswith(orgkey.PREFIX) and stored != before
        assert secret not in stored  # the age secret itself never in the column
        with pytest.raises(orgkey.WrongOrgPassphraseError):
            store.unlock_org_key(ORG_PASSPHRASE)  # the old one no longer opens it
        store.unlock_org_key(NEW_PASSPHRASE)
        # the same key: volunteers keep their configuration, their batches still open
        assert _secret_line(organisation.export_org_identity(store)) == secret  # type: ignore[arg-type]
        report = importer.import_batches(store, [batch_file(tmp_path, keys, config)])  # type: ignore[arg-type]
        assert (report.new, report.rejected) == (2, 0)
        events = [e.event for e in store.audit_events()]
        assert events.count("org_passphrase_changed") == 1
    finally:
        store.close()

    # A coordinator vault on a laptop has no organisation passphrase: said before asking any.
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.delenv("HUISBEZOEK_STORE_URL", raising=False)
    assert main(["org", "passphrase", "--dir", str(tmp_path / "laptop")]) == 2
    assert "PostgreSQL" in capsys.readouterr().err
