"""KDF ceiling benchmark: what one unlock attempt costs when a slot is planted at the ceiling.

Makes a vault at the floor parameters, then rewrites its passphrase slot (with a valid
checksum, as an attacker or a damaged copy could) to ``KdfParams.CEILING`` and times a wrong
passphrase attempt, the full price before "the passphrase is wrong". Prints, in the same run,
the floor attempt as the reference, and the ratio. Memory is the slot's ``memory_kib``.

Target: a ceiling attempt under about 3 s on a volunteer's laptop. Everything happens in a
temporary folder. Run: ``PYTHONPATH=src .venv/bin/python benchmarks/bench_kdf_ceiling.py``.
"""

from __future__ import annotations

import contextlib
import resource
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from huisbezoek.vault import KdfParams, Vault
from huisbezoek.vault.errors import WrongPassphraseError
from huisbezoek.vault.keyslots import read_key_file

PASSPHRASE = "benchmark wachtwoordzin"


def _attempt(folder: Path) -> float:
    started = time.perf_counter()
    with contextlib.suppress(WrongPassphraseError):
        Vault.open(folder, "een verkeerde wachtwoordzin").close()
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "vault"
        Vault.create(folder, PASSPHRASE, kdf=KdfParams.FLOOR)[0].close()
        floor = statistics.median(_attempt(folder) for _ in range(3))
        keys = folder / "vault.keys"
        key_file = read_key_file(keys)
        planted = replace(key_file.passphrase, kdf=KdfParams.CEILING)
        keys.write_bytes(replace(key_file, passphrase=planted).to_bytes())
        ceiling = statistics.median(_attempt(folder) for _ in range(3))
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    c, f = KdfParams.CEILING, KdfParams.FLOOR
    print(f"floor   {f.memory_kib // 1024} MiB t={f.iterations} p={f.lanes}: {floor:.2f} s")
    print(f"ceiling {c.memory_kib // 1024} MiB t={c.iterations} p={c.lanes}: {ceiling:.2f} s")
    print(
        f"ceiling / floor: {ceiling / floor:.1f}x; peak memory of this process {peak_mib:.0f} MiB"
    )


if __name__ == "__main__":
    main()
