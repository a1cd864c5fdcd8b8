"""Retention benchmark: what the purge at unlock adds to opening the vault.

Fills a vault with 1,000 fictional residents (a busy volunteer holds hundreds): 400 who
declined, each with two contact attempts, and 600 with a finished visit of 80 answers and two
signals, half of them in a batch the coordinator confirmed received. Then prints, in one run:

- opening the vault without key derivation (``Vault.open``'s own work: the floor);
- ``retention_preview`` when nothing is due (every unlock pays this);
- ``run_retention`` purging about 700 residents (``secure_delete`` and the WAL checkpoint
  included), and the preview after it.

Everything is fictional data in a temporary folder. Run:
``PYTHONPATH=src .venv/bin/python benchmarks/bench_retention.py``
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from huisbezoek.services import privacy
from huisbezoek.vault import KdfParams, Vault

DECLINED = 400
VISITED = 600
ANSWERS = 80
PASSPHRASE = "benchmark wachtwoordzin"
HASH = "c" * 64
BATCH = "00000000-0000-4000-8000-000000000001"


def stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def fill(vault: Vault, base: datetime) -> None:
    total = DECLINED + VISITED
    s = stamp(base)
    with vault.connection() as conn:
        run = conn.exec_driver_sql
        run(
            "INSERT INTO form_definitions (sha256, form_id, version, source, stored_at) "
            "VALUES (?, 'gesprek', '1', 'id: gesprek', ?)",
            (HASH, s),
        )
        run(
            "INSERT INTO export_batches (id, sequence, created_at, file_sha256, item_count, "
            "received_at) VALUES (?, 1, ?, '', 0, ?)",
            (BATCH, stamp(base + timedelta(days=2)), stamp(base + timedelta(days=3))),
        )
        run(
            "INSERT INTO residents (id, name, address, postcode, neighbourhood, notes, "
            "created_at, updated_at) VALUES (?, ?, ?, '1234AB', 'Noord', 'notitie', ?, ?)",
            [(i, f"Verzonnen Bewoner {i}", f"Nepstraat {i}", s, s) for i in range(1, total + 1)],
        )
        run(
            "INSERT INTO contact_attempts (resident_id, at, method, outcome, decline_reason, "
            "note) VALUES (?, ?, 'telefoon', ?, ?, 'belnotitie')",
            [
                (i, s, *(("afgezien", "geen_tijd") if i <= DECLINED else ("wil_bezoek", None)))
                for i in range(1, total + 1)
                for _ in range(2)
            ],
        )
        visited = range(DECLINED + 1, total + 1)
        run(
            "INSERT INTO visits (id, resident_id, form_id, form_version, definition_hash, "
            "status, started_at, updated_at, finalised_at, reopened_count) "
            "VALUES (?, ?, 'gesprek', '1', ?, 'afgerond', ?, ?, ?, 0)",
            [(i, i, HASH, s, s, stamp(base + timedelta(hours=1))) for i in visited],
        )
        run(
            "INSERT INTO answers (visit_id, question_id, value_json, updated_at) "
            "VALUES (?, ?, ?, ?)",
            [(v, f"vraag_{q:02d}", '"een verzonnen antwoord"', s) for v in visited
             for q in range(ANSWERS)],
        )  # fmt: skip
        # Two signals per visit; the even visits' signals went out in the received batch.
        run(
            "INSERT INTO signals (uid, visit_id, theme, severity, source_rule, text, note, "
            "agreed_action, revision, exported_revision, exported_batch, updated_at) "
            "VALUES (?, ?, 'vallen', 2, NULL, 'tekst', 'notitie', '', 1, ?, ?, ?)",
            [
                (f"{v:08d}-0000-4000-8000-{n:012d}", v, *((1, BATCH) if v % 2 == 0 else
                                                          (1, "nooit-ontvangen")), s)
                for v in visited
                for n in range(2)
            ],
        )  # fmt: skip


def best(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:7.1f} ms (min {min(samples) * 1000:.1f})"


def main() -> int:
    base = datetime(2025, 1, 1, tzinfo=UTC)
    with tempfile.TemporaryDirectory(prefix="bench-retention-") as tmp:
        folder = Path(tmp) / "vault"
        vault, _ = Vault.create(folder, PASSPHRASE, kdf=KdfParams.FLOOR)
        fill(vault, base)
        vault.close()
        opens, previews = [], []
        for _ in range(5):
            opened = Vault.open(folder, PASSPHRASE)
            opens.append(opened.timings.open_seconds)
            t0 = time.perf_counter()
            nothing = privacy.retention_preview(opened, date(2025, 2, 1))  # nothing due yet
            previews.append(time.perf_counter() - t0)
            assert nothing.items == []
            opened.close()
        vault = Vault.open(folder, PASSPHRASE)
        today = date(2026, 1, 1)
        t0 = time.perf_counter()
        preview = privacy.retention_preview(vault, today)
        due_preview = time.perf_counter() - t0
        t0 = time.perf_counter()
        done = privacy.run_retention(vault, today, only=preview.resident_ids)
        purge = time.perf_counter() - t0
        t0 = time.perf_counter()
        after = privacy.retention_preview(vault, today)
        after_preview = time.perf_counter() - t0
        vault.close()
    expected = DECLINED + VISITED // 2
    print(f"{DECLINED + VISITED} residents ({VISITED} with a finished visit of {ANSWERS} answers)")
    print(f"open the vault, no key derivation (floor):  {best(opens)}")
    print(f"retention preview, nothing due:            {best(previews)}")
    print(f"retention preview, {len(preview.items)} due:              {due_preview * 1000:7.1f} ms")
    print(f"purge of {done.residents} residents (expected {expected}):  {purge * 1000:7.1f} ms")
    print(f"preview afterwards ({len(after.items)} due):            {after_preview * 1000:7.1f} ms")
    ratio = statistics.median(previews) / statistics.median(opens)
    print(f"preview at unlock / open floor: {ratio:.1f}x")
    return 0 if done.residents == expected else 1


if __name__ == "__main__":
    raise SystemExit(main())
