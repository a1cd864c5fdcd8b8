from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from huisbezoek.vault import RecoveryKeyTypoError, decode_recovery_key, encode_recovery_key
from huisbezoek.vault.recoverykey import ALPHABET, KEY_CHARS, normalise

keys = st.binary(min_size=20, max_size=20)


@given(keys)
def test_roundtrip_and_shape(raw):
    text = encode_recovery_key(raw)
    groups = text.split("-")
    assert len(groups) == 9 and all(len(g) == 4 for g in groups)
    assert decode_recovery_key(text) == raw


@given(keys, st.data())
def test_sloppy_typing_is_forgiven(raw, data):
    text = encode_recovery_key(raw)
    sloppy = []
    for original in text.replace("-", ""):
        choice = data.draw(st.sampled_from(["same", "lower", "space", "confuse"]))
        typed = original
        if choice == "lower":
            typed = original.lower()
        elif choice == "space":
            typed = original + " "
        elif choice == "confuse":
            one = data.draw(st.sampled_from(["I", "l", "L", "i"]))
            typed = {"0": "O", "1": one}.get(original, original)
        sloppy.append(typed)
    assert decode_recovery_key("".join(sloppy)) == raw


@given(keys, st.integers(min_value=0, max_value=35), st.integers(min_value=1, max_value=31))
def test_every_single_substitution_is_detected(raw, position, shift):
    clean = normalise(encode_recovery_key(raw))
    wrong = ALPHABET[(ALPHABET.index(clean[position]) + shift) % 32]
    typo = clean[:position] + wrong + clean[position + 1 :]
    with pytest.raises(RecoveryKeyTypoError):
        decode_recovery_key(typo)


@given(keys, st.integers(min_value=0, max_value=KEY_CHARS - 2))
def test_every_neighbour_swap_in_the_key_is_detected(raw, position):
    clean = normalise(encode_recovery_key(raw))
    a, b = clean[position], clean[position + 1]
    if a == b:
        return
    swapped = clean[:position] + b + a + clean[position + 2 :]
    with pytest.raises(RecoveryKeyTypoError):
        decode_recovery_key(swapped)


@given(keys, st.integers(min_value=0, max_value=35))
def test_missing_or_extra_character_is_detected(raw, position):
    clean = normalise(encode_recovery_key(raw))
    with pytest.raises(RecoveryKeyTypoError):
        decode_recovery_key(clean[:position] + clean[position + 1 :])
    with pytest.raises(RecoveryKeyTypoError):
        decode_recovery_key(clean[:position] + "7" + clean[position:])


@pytest.mark.parametrize("bad", ["", "U" * 36, "hallo", "!" * 36])
def test_garbage_is_a_typo(bad):
    with pytest.raises(RecoveryKeyTypoError):
        decode_recovery_key(bad)
