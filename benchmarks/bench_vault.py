"""Vault benchmark: autosave latency against raw commits of the same SQL, unlock and KDF cost.

Fills a vault with 10,000 fictional residents, each with a finished visit of 80 answers, then
prints in one run:

- autosave of one answer through ``services.visit_answers.save_answer`` (the GUI's path), p50 / p95;
- the same unit of work (touch the visit, upsert one answer, commit) as a raw ``sqlite3``
  commit on an unencrypted copy, and as a raw ``sqlcipher3`` commit on the encrypted file,
  each with WAL and ``synchronous=FULL``;
- unlock time without key derivation, and key derivation at the calibrated parameters.

Target: autosave p50 within 2x of the raw SQLCipher commit. Everything is fictional data in a
temporary folder. Run: ``.venv/bin/python benchmarks/bench_vault.py`` (or ``dev.py bench``).
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlcipher3

from huisbezoek.services import visit_answers
from huisbezoek.vault import KdfParams, Vault

RESIDENTS = 10_000
ANSWERS_PER_VISIT = 80
SAVES = 600
PASSPHRASE = "benchmark wachtwoordzin"
HASH = "b" * 64

TOUCH = "UPDATE visits SET updated_at = ? WHERE id = ? AND status = 'concept'"
UPSERT = (
    "INSERT INTO answers (visit_id, question_id, value_json, updated_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (visit_id, question_id) DO UPDATE SET "
    "value_json = excluded.value_json, updated_at = excluded.updated_at"
)


def stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def fill(vault: Vault) -> int:
    """Bulk-insert the fictional data; returns the id of one extra draft visit to autosave."""
    base = datetime(2026, 1, 1, tzinfo=UTC)
    with vault.connection() as conn:
        conn.exec_driver_sql(
            "INSERT INTO form_definitions (sha256, form_id, version, source, stored_at) "
            "VALUES (?, 'gesprek', '1', 'id: gesprek', ?)",
            (HASH, stamp(base)),
        )
        conn.exec_driver_sql(
            "INSERT INTO residents (id, name, address, postcode, neighbourhood, notes, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', ?, ?)",
            [
                (
                    i,
                    f"Verzonnen Bewoner {i}",
                    f"Nepstraat {i}",
                    f"{1000 + i % 8000}AB",
                    f"Wijk {i % 40}",
                    stamp(base),
                    stamp(base),
                )
                for i in range(1, RESIDENTS + 1)
            ],
        )
        conn.exec_driver_sql(
            "INSERT INTO visits (id, resident_id, form_id, form_version, definition_hash, "
            "status, started_at, updated_at, finalised_at, reopened_count) "
            "VALUES (?, ?, 'gesprek', '1', ?, 'afgerond', ?, ?, ?, 0)",
            [
                (i, i, HASH, stamp(base), stamp(base), stamp(base + timedelta(hours=1)))
                for i in range(1, RESIDENTS + 1)
            ],
        )
        for start in range(1, RESIDENTS + 1, 1000):
            conn.exec_driver_sql(
                "INSERT INTO answers (visit_id, question_id, value_json, updated_at) "
                "VALUES (?, ?, ?, ?)",
                [
                    (v, f"vraag_{q:02d}", '{"s":"een verzonnen antwoord"}', stamp(base))
                    for v in range(start, min(start + 1000, RESIDENTS + 1))
                    for q in range(ANSWERS_PER_VISIT)
                ],
            )
    return visit_answers.start_visit(vault, 1, "gesprek", 1, HASH, "id: gesprek")


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return p50 * 1000, p95 * 1000


def timed(n: int, action: Callable[[int], object]) -> list[float]:
    for i in range(20):  # warm up
        action(i)
    samples = []
    for i in range(n):
        t0 = time.perf_counter()
        action(i)
        samples.append(time.perf_counter() - t0)
    return samples


def raw_commit(conn: object, visit_id: int) -> Callable[[int], object]:
    def action(i: int) -> None:
        now = stamp(datetime.now(UTC))
        conn.execute("BEGIN")  # type: ignore[attr-defined]
        conn.execute(TOUCH, (now, visit_id))  # type: ignore[attr-defined]
        conn.execute(UPSERT, (visit_id, f"q{i % 80}", f'{{"n":{i}}}', now))  # type: ignore[attr-defined]
        conn.execute("COMMIT")  # type: ignore[attr-defined]

    return action


def set_pragmas(conn: object) -> None:
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "temp_store = MEMORY"):
        conn.execute(f"PRAGMA {pragma}")  # type: ignore[attr-defined]
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # type: ignore[attr-defined]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # type: ignore[attr-defined]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-vault-") as tmp:
        folder = Path(tmp) / "vault"
        t0 = time.perf_counter()
        vault, _ = Vault.create(folder, PASSPHRASE, kdf=KdfParams.FLOOR)
        draft = fill(vault)
        fill_s = time.perf_counter() - t0
        size_mb = (folder / "vault.db").stat().st_size / 1e6
        print(
            f"filled {RESIDENTS} residents x {ANSWERS_PER_VISIT} answers in {fill_s:.1f} s "
            f"(vault.db {size_mb:.0f} MB + WAL)"
        )

        key = vault._require_key()
        # An unencrypted copy of the fictional data for the plain sqlite3 floor.
        plain_path = Path(tmp) / "plain.db"
        with vault.engine.connect() as conn:
            raw = conn.connection.driver_connection
            conn.rollback()
            raw.execute(f"ATTACH DATABASE '{plain_path}' AS plain KEY ''")
            raw.execute("SELECT sqlcipher_export('plain')").fetchall()
            raw.execute("DETACH DATABASE plain")

        plain = sqlite3.connect(plain_path, isolation_level=None)
        set_pragmas(plain)
        # The raw SQLCipher floor works on the same vault file, beside the open vault.
        cipher = sqlcipher3.connect(str(folder / "vault.db"), isolation_level=None)
        cipher.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        set_pragmas(cipher)
        plain_visit = draft
        cipher_visit = visit_answers.start_visit(vault, 2, "gesprek", 1, HASH, "id: gesprek")

        # Interleave blocks of the three so a busy machine affects them alike.
        autosave: list[float] = []
        sqlite_floor: list[float] = []
        cipher_floor: list[float] = []
        block = SAVES // 6
        for _ in range(6):
            autosave += timed(
                block,
                lambda i: visit_answers.save_answer(vault, draft, f"q{i % 80}", f"antwoord {i}"),
            )
            sqlite_floor += timed(block, raw_commit(plain, plain_visit))
            cipher_floor += timed(block, raw_commit(cipher, cipher_visit))
        plain.close()
        cipher.close()
        vault.close()

        opens = []
        for _ in range(5):
            opened = Vault.open(folder, PASSPHRASE)
            opens.append(opened.timings.open_seconds)
            opened.close()

        params = KdfParams.calibrate()
        kdf_times = []
        for _ in range(3):
            t0 = time.perf_counter()
            params.derive(b"benchmark passphrase", b"\0" * 16)
            kdf_times.append(time.perf_counter() - t0)

    rows = [
        ("autosave (services.visit_answers.save_answer)", autosave),
        ("raw sqlite3 commit, unencrypted copy", sqlite_floor),
        ("raw sqlcipher3 commit, same vault", cipher_floor),
    ]
    print(f"\none answer saved and committed, {SAVES} saves each (WAL, synchronous=FULL):")
    for label, samples in rows:
        p50, p95 = percentiles(samples)
        print(f"  {label:42s} p50 {p50:7.3f} ms   p95 {p95:7.3f} ms")
    auto_p50 = percentiles(autosave)[0]
    floor_p50 = percentiles(cipher_floor)[0]
    ratio = auto_p50 / floor_p50
    verdict = "OK" if ratio <= 2.0 else "ABOVE TARGET"
    print(f"  autosave / raw SQLCipher p50 = {ratio:.2f}x (target <= 2x): {verdict}")
    print(
        f"\nunlock without key derivation: median {statistics.median(opens) * 1000:.1f} ms "
        f"(min {min(opens) * 1000:.1f}, max {max(opens) * 1000:.1f})"
    )
    print(
        f"key derivation at calibrated params (Argon2id m={params.memory_kib // 1024} MiB, "
        f"t={params.iterations}, p={params.lanes}): median "
        f"{statistics.median(kdf_times) * 1000:.0f} ms"
    )
    return 0 if ratio <= 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
