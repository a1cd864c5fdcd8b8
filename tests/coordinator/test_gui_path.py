"""The coordinator's path through the screens: enrol, import batches, work a signal to
"afgerond", see it on the dashboard, produce the anonymous report (suppression), run retention
(what is gone, what stays). And coordinator screens never open on a volunteer's vault."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from huisbezoek.coordinator import followup as fu
from huisbezoek.coordinator import organisation
from huisbezoek.coordinator.store.backend import WrongStoreKindError
from huisbezoek.coordinator.store.models import FollowUp, ImportedSignal
from huisbezoek.domain import Severity
from huisbezoek.exchange.keys import VolunteerKeys
from huisbezoek.gui import operations
from huisbezoek.services import exchange
from huisbezoek.vault.core import Vault
from huisbezoek.vault.errors import ForeignFileError
from huisbezoek.vault.keyslots import KdfParams

from .helpers import address_csv, batch_file, resident_row

PASS = "fiets kopje regen zeven"  # test data


@pytest.fixture
def coordinator(tmp_path: Path) -> Iterator[organisation.CreatedOrganisation]:
    created = organisation.init_organisation(
        tmp_path / "coord", PASS, "Welzijn Teststad", kdf=KdfParams.FLOOR
    )
    yield created
    operations.worker().flush(10)
    created.store.close()


def test_coordinator_path(qtbot, qtmodeltester, tmp_path: Path, coordinator) -> None:  # type: ignore[no-untyped-def]
    from huisbezoek.gui.coordinator.window import CoordinatorWindow

    vault = coordinator.store
    keys = VolunteerKeys.generate()
    enrolment = tmp_path / "aanmelding.json"
    enrolment.write_bytes(keys.enrolment("Vera Vrijwilliger").to_bytes())
    window = CoordinatorWindow(vault, user="Carla")
    qtbot.addWidget(window)
    window.show()
    # the municipality's address list: a wrong row refuses the whole list, then the good one
    places = window.assignments
    bad, good = tmp_path / "fout.csv", tmp_path / "lijst.csv"
    bad.write_bytes(address_csv([resident_row(1), resident_row(2, postcode="99")]))
    good.write_bytes(address_csv([resident_row(n, "Noord", born=_born()) for n in range(1, 41)]))
    places.import_list(bad)
    qtbot.waitUntil(lambda: "Regel 3: postcode '99'" in places.message.text(), timeout=10_000)
    places.import_list(good)
    qtbot.waitUntil(lambda: "40 nieuw" in places.message.text(), timeout=10_000)

    # enrol: the fingerprint shows for comparing by phone, then approve
    panel = window.volunteers
    panel.enrol_file(enrolment)
    qtbot.waitUntil(lambda: keys.fingerprint in panel.fingerprint.text(), timeout=10_000)
    assert panel.approve_button.isEnabled()
    qtbot.mouseClick(panel.approve_button, qtbot_left())
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1 and
                    panel.table.item(0, 1).text() == "goedgekeurd", timeout=10_000)  # fmt: skip

    # assign Noord to Vera and save her package (encrypted to her)
    qtbot.waitUntil(lambda: places.volunteer.count() == 1 and places.table.rowCount() == 1,
                    timeout=10_000)  # fmt: skip
    places.table.selectRow(0)
    places.assign_selected()
    qtbot.waitUntil(lambda: "40 bewoners in Noord" in places.message.text(), timeout=10_000)
    package = tmp_path / "toewijzing.hbp"
    places.save_assignment(package)
    qtbot.waitUntil(lambda: "Pakket met 40 bewoners" in places.message.text(), timeout=10_000)
    assert b"Bewoner 1" not in package.read_bytes()

    # import: progress, report, queue filled ("direct" first)
    window.importer.import_files([batch_file(tmp_path, keys, coordinator.config)])
    qtbot.waitUntil(
        lambda: "Totaal: 2 nieuw" in window.importer.report.toPlainText(), timeout=10_000
    )
    queue = window.queue
    qtbot.waitUntil(lambda: queue.model.rowCount() == 2, timeout=10_000)
    qtmodeltester.check(queue.model)
    first = queue.model.items[0]
    assert (first.severity, first.resident, first.neighbourhood) == (
        Severity.DIRECT, "Mevrouw Visser", "Noord",
    )  # fmt: skip

    # work the direct signal to "afgerond"
    queue.select(first.signal_id)
    qtbot.waitUntil(lambda: queue.current is not None, timeout=5_000)
    assert queue.letter_button.isEnabled()  # consent to refer and to share the name
    queue.status.setCurrentIndex(list(fu.FollowUpStatus).index(fu.FollowUpStatus.DONE))
    qtbot.keyClicks(queue.note, "Gebeld; dochter helpt.")
    qtbot.mouseClick(queue.save_button, qtbot_left())
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=10_000)
    with window.store.session() as session:
        assert fu.get_item(session, first.signal_id).status is fu.FollowUpStatus.DONE
        assert [h.by for h in fu.history(session, first.signal_id)] == ["Carla", "Carla"]

    # dashboard: the neighbourhood's figures and signals per theme
    dash = window.dashboard
    qtbot.waitUntil(lambda: dash.table.rowCount() == 2, timeout=10_000)
    values = [dash.table.item(0, c).text() for c in range(11)]
    # residents, from the volunteer's counts: 21 invited, 19 answered, 7 said yes and were
    # visited, 12 declined, 2 not reached, nobody moved; 7 of 19 = 37% response
    assert values == ["Noord", "40", "21", "19", "7", "7", "12", "2", "0", "37%", "7"]
    assert dash.table.item(1, 0).text() == "Totaal"
    assert "Vallen: 1" in dash.themes.text() and "Eenzaamheid en contacten: 6" in dash.themes.text()
    assert "uitgenodigd" in dash.summary.text()
    assert "Uitgenodigd 52%" in dash.timeline.accessibleDescription()  # 21 of 40
    assert dash.timeline.grab().width() > 0 and dash.chart.grab().width() > 0  # they paint

    # anonymous report: small cells hidden in the CSV
    report = window.report
    out = tmp_path / "rapport"
    out.mkdir()
    report.save_report(out)
    qtbot.waitUntil(lambda: "Opgeslagen" in report.report_message.text(), timeout=15_000)
    csv_file = next(out.glob("*.csv"))
    lines = [line.split(";") for line in csv_file.read_text("utf-8-sig").splitlines()]
    header, noord, total = lines[3], lines[4], lines[5]
    assert (noord[0], total[0]) == ("Noord", "Totaal")
    assert noord[header.index("Niet bereikt")] == "x"  # 2 < 5
    assert noord[header.index("Mensen met signaal vallen")] == "x"  # 1 < 5
    assert noord[header.index("Afgezien: heeft al hulp")] == "x"  # 3 < 5
    assert noord[header.index("Bewoners 75-80 jaar")] == "40"
    assert noord[header.index("Afgezien: wantrouwen")] == "0"  # zeros point at nobody
    # 7 visited, published rounded to 5
    assert noord[header.index("Bezocht")] == "5" and total[header.index("Bezocht")] == "5"
    assert "Visser" not in csv_file.read_text("utf-8-sig")

    # retention: pretend the follow-up closed two years ago, preview, confirm, erase
    with window.store.session() as session:
        session.execute(
            update(FollowUp)
            .where(FollowUp.signal_id == first.signal_id)
            .values(closed_at=datetime.now(UTC) - timedelta(days=730))
        )
    report.months.setValue(12)
    qtbot.mouseClick(report.preview_button, qtbot_left())
    qtbot.waitUntil(lambda: "Van 1 afgeronde" in report.preview.text(), timeout=10_000)
    assert not report.erase_button.isEnabled()
    report.confirm.setChecked(True)
    assert report.erase_button.isEnabled()
    qtbot.mouseClick(report.erase_button, qtbot_left())
    qtbot.waitUntil(lambda: "Gewist: 1" in report.preview.text(), timeout=10_000)
    with window.store.session() as session:
        erased = session.get(ImportedSignal, first.signal_id)
        assert erased is not None and erased.resident_name is None and erased.text == ""
        assert fu.get_item(session, first.signal_id).notes == ""
        kept = fu.get_item(session, queue.model.items[0].signal_id)
        assert kept.text == "Voelt zich eenzaam."
    window.dashboard.refresh()
    qtbot.waitUntil(lambda: "Vallen: 1" in dash.themes.text(), timeout=10_000)
    assert [e.event for e in vault.audit_events()].count("erase") == 1
    operations.worker().flush(10)


def _born() -> str:
    today = date.today()
    return f"01-01-{today.year - 77}"


def qtbot_left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_coordinator_screens_never_open_on_a_volunteer_vault(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from huisbezoek.gui.coordinator.window import CoordinatorWindow

    volunteer, _ = Vault.create(tmp_path / "vrijwilliger", PASS, kdf=KdfParams.FLOOR)
    try:
        with pytest.raises(WrongStoreKindError) as caught:
            CoordinatorWindow(volunteer, user="Carla")
        assert "vrijwilliger" in caught.value.message_nl
    finally:
        volunteer.close()


def test_volunteer_app_does_not_open_a_coordinator_store(coordinator, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from huisbezoek.services import startup

    coordinator.store.close()
    with pytest.raises(ForeignFileError):
        startup.unlock(PASS, folder=tmp_path / "coord")


def test_unlock_dialog_opens_the_coordinator_window(qtbot, tmp_path: Path, coordinator) -> None:  # type: ignore[no-untyped-def]
    from huisbezoek.gui.coordinator.launch import unlock_dialog

    coordinator.store.close()
    dialog = unlock_dialog(None, tmp_path / "coord")
    qtbot.addWidget(dialog)
    dialog.try_open()
    assert "naam" in dialog.message.text()
    qtbot.keyClicks(dialog.name, "Carla")
    qtbot.keyClicks(dialog.passphrase, "verkeerde wachtwoordzin")
    dialog.try_open()
    qtbot.waitUntil(dialog.open_button.isEnabled, timeout=10_000)
    assert dialog.message.text()  # the vault's Dutch message, no traceback
    dialog.passphrase.setText(PASS)
    with qtbot.waitSignal(dialog.opened, timeout=10_000) as opened:
        dialog.try_open()
    window = opened.args[0]
    qtbot.addWidget(window)
    assert window.queue.user == "Carla"
    operations.worker().flush(10)
    window.vault.close()


def test_volunteer_reads_packages_in_the_app(qtbot, tmp_path: Path, coordinator) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from huisbezoek.coordinator import packages
    from huisbezoek.coordinator.addresses import assign_neighbourhood, import_address_list
    from huisbezoek.coordinator.store.backend import CoordinatorStore
    from huisbezoek.gui.package_import import import_package

    volunteer, _ = Vault.create(tmp_path / "vrijwilliger", PASS, kdf=KdfParams.FLOOR)
    try:
        (tmp_path / "org.json").write_bytes(coordinator.config.to_bytes())
        exchange.import_org_config(volunteer, tmp_path / "org.json")
        summary = exchange.write_enrolment(volunteer, tmp_path / "aanmelding.json")
        key_id = organisation.enrol_volunteer(coordinator.store, summary.path).key_id
        organisation.approve_volunteer(coordinator.store, key_id)
        with CoordinatorStore.from_vault(coordinator.store).session() as session:
            import_address_list(session, address_csv([resident_row(1), resident_row(2)]),
                                today=date.today())  # fmt: skip
            assign_neighbourhood(session, "Noord", key_id)
            data, _count = packages.export_assignment(session, key_id)
        good, bad = tmp_path / "toewijzing.hbp", tmp_path / "kapot.hbp"
        good.write_bytes(data)
        bad.write_bytes(data.replace(b'"revision": 0', b'"revision": 1'))
        assert bad.read_bytes() != data
        parent = QWidget()
        qtbot.addWidget(parent)
        shown: list = []
        import_package(parent, volunteer, good, on_done=shown.append)
        qtbot.waitUntil(lambda: len(shown) == 1, timeout=10_000)
        assert "2 nieuwe bewoners" in shown[0].text()
        import_package(parent, volunteer, bad, on_done=shown.append)
        qtbot.waitUntil(lambda: len(shown) == 2, timeout=10_000)
        assert "niet ondertekend door uw organisatie" in shown[1].text()
        for box in shown:
            box.close()
        operations.worker().flush(10)
    finally:
        volunteer.close()


def test_ophalen_fetches_from_the_drop(qtbot, tmp_path: Path, coordinator) -> None:  # type: ignore[no-untyped-def]
    """'Ophalen uit de uitwisselmap' by keyboard: the batch in the drop is imported, shown in
    the report, and filed under verwerkt/."""
    from PySide6.QtCore import Qt

    from huisbezoek.coordinator import drop as coordinator_drop
    from huisbezoek.gui.coordinator.window import CoordinatorWindow

    keys = VolunteerKeys.generate()
    enrolment = tmp_path / "aanmelding.json"
    enrolment.write_bytes(keys.enrolment("Vera Vrijwilliger").to_bytes())
    row = organisation.enrol_volunteer(coordinator.store, enrolment)
    organisation.approve_volunteer(coordinator.store, row.key_id)
    shared = tmp_path / "gedeeld"
    incoming = shared / "naar-coordinator" / keys.key_id_hex
    incoming.mkdir(parents=True)
    made = batch_file(tmp_path, keys, coordinator.config)
    made.rename(incoming / made.name)
    window = CoordinatorWindow(coordinator.store, user="Carla")
    qtbot.addWidget(window)
    window.show()
    with window.store.session() as session:
        coordinator_drop.set_folder(session, shared)
    panel = window.importer
    panel.fetch_button.setFocus()
    qtbot.keyClick(panel.fetch_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Totaal: 2 nieuw" in panel.report.toPlainText(), timeout=15_000)
    assert (shared / "verwerkt" / keys.key_id_hex / made.name).exists()
    assert not list(incoming.iterdir())
