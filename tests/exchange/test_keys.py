import json
import uuid

import pytest

from huisbezoek.exchange import minisign
from huisbezoek.exchange.errors import InvalidKeyFileError
from huisbezoek.exchange.keys import Enrolment, OrgConfig, OrgIdentity, VolunteerKeys

from .helpers import make_org


def test_org_config_round_trip_and_fingerprint_shape():
    identity, config = make_org()
    backup = OrgIdentity.generate()
    config = OrgConfig.create(config.org_id, config.name, [identity.recipient, backup.recipient])
    again = OrgConfig.from_bytes(config.to_bytes())
    assert again == config
    groups = config.fingerprint.split(" ")
    assert len(groups) == 6 and all(len(g) == 5 and g.isdigit() for g in groups)


def test_org_config_fingerprint_changes_with_any_recipient():
    _identity, config = make_org()
    other = OrgConfig.create(config.org_id, config.name, [OrgIdentity.generate().recipient])
    assert other.fingerprint != config.fingerprint


def test_tampered_org_config_is_refused():
    _identity, config = make_org()
    obj = json.loads(config.to_bytes())
    obj["recipients"] = [OrgIdentity.generate().recipient]  # attacker swaps in their key
    with pytest.raises(InvalidKeyFileError):
        OrgConfig.from_bytes(json.dumps(obj).encode())
    with pytest.raises(InvalidKeyFileError):
        OrgConfig.from_bytes(b"\xff not json")


def test_identity_file_reads_back_and_hides_secret_in_repr():
    identity = OrgIdentity.generate()
    text = identity.identity_file()
    assert text.splitlines()[1] == f"# public key: {identity.recipient}"
    assert OrgIdentity.from_str(text) == identity
    assert identity.secret not in repr(identity)


def test_volunteer_keys_serialize_and_enrol():
    keys = VolunteerKeys.generate()
    again = VolunteerKeys.deserialize(keys.serialize())
    assert again.public_key == keys.public_key and again.age_recipient == keys.age_recipient
    enrolment = Enrolment.from_bytes(keys.enrolment("Anna de Vries").to_bytes())
    assert enrolment.public_key_raw == keys.public_key
    assert enrolment.key_id == keys.key_id_hex
    assert enrolment.fingerprint == keys.fingerprint
    assert "AGE-SECRET" not in keys.enrolment("x").to_bytes().decode()


def test_enrolment_with_swapped_key_is_refused():
    keys, intruder = VolunteerKeys.generate(), VolunteerKeys.generate()
    obj = json.loads(keys.enrolment("Anna").to_bytes())
    obj["public_key"] = intruder.minisign_public_key
    with pytest.raises(InvalidKeyFileError):
        Enrolment.from_bytes(json.dumps(obj).encode())


def test_minisign_public_key_encoding():
    keys = VolunteerKeys.generate()
    assert minisign.decode_public_key(keys.minisign_public_key) == keys.public_key
    assert minisign.key_id_from_hex(keys.key_id_hex) == keys.key_id
    with pytest.raises(InvalidKeyFileError):
        minisign.decode_public_key(keys.minisign_public_key[:-2] + "AA")


def test_org_id_is_a_uuid():
    _, config = make_org()
    assert isinstance(config.org_id, uuid.UUID)
