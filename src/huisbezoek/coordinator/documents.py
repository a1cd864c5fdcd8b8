"""Coordinator documents as bytes: the municipality report (PDF and CSV), a referral letter and
the right-of-access overview of one resident. The caller decides where the bytes go."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from huisbezoek.coordinator import report
from huisbezoek.coordinator.figures import Period, since_start
from huisbezoek.coordinator.followup import (
    FollowUpNotFoundError,
    ReferralServiceMismatchError,
    check_referral_allowed,
    get_item,
    update_followup,
)
from huisbezoek.coordinator.retention import ResidentRef, resident_dossier
from huisbezoek.coordinator.sociale_kaart import find_service
from huisbezoek.coordinator.store.models import FollowUpEvent, ImportedSignal
from huisbezoek.domain import ConsentMethod
from huisbezoek.printing.builder import Organisation
from huisbezoek.printing.coordinator_reports import (
    DossierSection,
    ReferralLetter,
    ReportRow,
    ReportSection,
    render_municipality_report,
    render_referral_letter,
    render_resident_dossier,
)
from huisbezoek.vault.audit import AuditEvent, append_event


def _audit_export(session: Session, what: str, **counts: int) -> None:
    """Personal data leaving the store as a document is recorded (kind and counts only)."""
    from huisbezoek.coordinator.store.schema import COORDINATOR_SCHEMA

    append_event(
        session.connection(), COORDINATOR_SCHEMA.audit_table, AuditEvent.EXPORT,
        {"document": what, **counts},
    )  # fmt: skip


FIELD_LABELS = {
    "status": "Status",
    "dienst": "Dienst",
    "toegewezen_aan": "Toegewezen aan",
    "termijn": "Termijn",
    "notitie": "Notitie",
    "verwijsbrief": "Verwijsbrief gemaakt",
}


def print_organisation(session: Session, phone: str = "") -> Organisation:
    """The sender as letters print it; the phone number from the settings unless given."""
    from huisbezoek.coordinator.settings import load_settings

    settings = load_settings(session)
    name = settings.organisation_name or "Coördinatie huisbezoeken"
    return Organisation(name=name, phone=phone or settings.phone or "-")


def municipality_report_pdf(
    session: Session, made_on: date, *, period: Period | None = None, phone: str = ""
) -> bytes:
    made = report.municipal_report(session, period or since_start(made_on), made_on)
    tables = [
        ReportSection(
            title=table.title,
            headings=[*table.columns, *([report.RATE_LABEL] if table.rates is not None else [])],
            rows=[
                ReportRow(
                    name,
                    [table.cell_text(r, c) for c in range(len(table.columns))]
                    + ([table.rate_text(r)] if table.rates is not None else []),
                )
                for r, name in enumerate(table.rows)
            ],
        )
        for table in made.tables
    ]
    return render_municipality_report(
        print_organisation(session, phone),
        made_on=made_on,
        period=made.period.label,
        band=made.band,
        sections=tables,
        hidden_mark=report.HIDDEN,
        threshold=report.THRESHOLD,
        rounding=report.ROUNDING,
    )


def municipality_report_csv(
    session: Session, made_on: date, *, period: Period | None = None
) -> bytes:
    return report.to_csv(report.municipal_report(session, period or since_start(made_on), made_on))


def referral_letter_pdf(
    session: Session, signal_id: str, *, coordinator: str, made_on: date, phone: str = ""
) -> bytes:
    """Only with consent to refer and to share identity; the letter is noted in the history."""
    item = get_item(session, signal_id)
    check_referral_allowed(item)
    signal = session.get(ImportedSignal, signal_id)
    if signal is None:
        raise FollowUpNotFoundError(f"no signal {signal_id}")
    agreed_service = find_service(item.referral_service_id)
    if agreed_service is not None and item.service and item.service != agreed_service.name:
        raise ReferralServiceMismatchError(
            f"letter for another service than consented ({item.referral_service_id})"
        )
    service = item.service or (agreed_service.name if agreed_service else "") or "de dienst"
    letter = ReferralLetter(
        service=service,
        resident_name=item.resident,
        resident_address=" ".join(
            p
            for p in (signal.resident_address, signal.resident_postcode, signal.resident_place)
            if p
        ),
        resident_phone=signal.resident_phone or "",
        theme=item.theme.label_nl,
        concern=item.text,
        agreed=item.agreed,
        consent_given_on=signal.consent_given_on,
        consent_method="mondeling"
        if signal.consent_method is ConsentMethod.ORAL
        else "schriftelijk",
        coordinator=coordinator,
    )
    pdf = render_referral_letter(print_organisation(session, phone), letter, made_on=made_on)
    _audit_export(session, "referral_letter")
    update_followup(
        session, signal_id, by=coordinator, note=f"Verwijsbrief gemaakt voor {service}."
    )
    # a history event of its own, so a later withdrawal knows a service has the letter
    session.add(
        FollowUpEvent(
            signal_id=signal_id, by=coordinator.strip(), field="verwijsbrief", new_value=service
        )
    )
    session.flush()
    return pdf


def resident_dossier_pdf(
    session: Session, ref: ResidentRef, *, made_on: date, phone: str = ""
) -> bytes:
    dossier = resident_dossier(session, ref)
    sections: list[DossierSection] = []
    for entry in dossier.address_list:
        sections.append(DossierSection("Op de adreslijst van de gemeente", list(entry.items())))
    for number, signal in enumerate(dossier.signals, start=1):
        lines = [
            ("Ontvangen op", signal.received.strftime("%d-%m-%Y")),
            ("Onderwerp", signal.theme.label_nl),
            ("Hoe dringend", signal.severity.label_nl),
            ("Wat de vrijwilliger opschreef", signal.text),
            ("Afgesproken", signal.agreed),
            ("Adres", signal.address),
            ("Telefoon", signal.phone),
            ("Toestemming", signal.consent),
            ("Stand van zaken", signal.status),
            ("Notities", signal.notes),
        ]
        lines += [
            (
                f"{h.at.strftime('%d-%m-%Y')} door {h.by}",
                f"{FIELD_LABELS.get(h.field, h.field)}: {h.new_value}",
            )
            for h in signal.history
        ]
        sections.append(DossierSection(f"Signaal {number}", lines))
    pdf = render_resident_dossier(
        print_organisation(session, phone), dossier.name, sections, made_on=made_on
    )
    _audit_export(
        session, "subject_access", address_list=len(dossier.address_list),
        signals=len(dossier.signals),
    )  # fmt: skip
    return pdf
