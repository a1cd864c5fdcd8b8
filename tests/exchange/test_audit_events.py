"""The coordinator store records its exchange events as members of the vault's AuditEvent."""

from huisbezoek.coordinator import importer, organisation
from huisbezoek.services import exchange as svc
from huisbezoek.vault import AuditEvent


def test_enrol_approve_import_revoke_key_export_are_audited(linked, tmp_path):
    volunteer, coordinator = linked
    result = svc.export_signals(volunteer, tmp_path / "uit")
    importer.import_batches(coordinator, [result.path])
    [row] = organisation.list_volunteers(coordinator)
    organisation.revoke_volunteer(coordinator, row.key_id)
    organisation.revoke_volunteer(coordinator, row.key_id)  # a second revoke records nothing new
    organisation.export_org_identity(coordinator)
    events = [e for e in reversed(coordinator.audit_events()) if e.event != AuditEvent.UNLOCK]
    names = [AuditEvent(e.event) for e in events]
    assert names == [
        AuditEvent.CREATE,
        AuditEvent.ORG_INIT,
        AuditEvent.ENROL,
        AuditEvent.APPROVE,
        AuditEvent.IMPORT,
        AuditEvent.REVOKE,
        AuditEvent.ORG_KEY_EXPORT,
    ]
    by_event = {e.event: e.detail for e in events}
    assert by_event[AuditEvent.REVOKE] == {"key_id": row.key_id}
    assert by_event[AuditEvent.IMPORT]["new"] == 0
    assert coordinator.verify_audit_chain().ok
