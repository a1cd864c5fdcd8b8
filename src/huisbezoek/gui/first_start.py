"""The first-start wizard: volunteer or coordinator, name, passphrase, the recovery key (once),
and the organisation (a volunteer reads its file; a coordinator makes it and saves it).

The order of steps comes from ``services.startup.FirstStartFlow`` (the core decides the flow,
this screen only draws it). The vault is created as soon as the passphrase is chosen, so the
recovery key shown is the real one; it is never stored and never shown again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.coordinator import startup as coordinator_startup
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.operations import run_op, show_problem
from huisbezoek.gui.unlock import with_preload
from huisbezoek.gui.widgets import (
    BusyIndicator,
    button,
    centered,
    error_label,
    heading,
    hint,
    page,
    password_field,
    scrolling,
    show_message,
)
from huisbezoek.services import startup
from huisbezoek.services.startup import FirstStartFlow, Role, Step


class FirstStartPage(QWidget):
    """Emits ``finished(opened)`` when the vault exists and the user is done: an
    ``OpenedVault`` for a volunteer, an ``OpenedCoordinator`` for a coordinator."""

    finished = Signal(object)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.flow = FirstStartFlow()
        self.opened: startup.OpenedVault | coordinator_startup.OpenedCoordinator | None = None
        self.recovery_key_text = ""
        self.stack = QStackedWidget()
        self.pages: dict[Step, QWidget] = {
            Step.ROLE: self._role_page(),
            Step.NAME: self._name_page(),
            Step.ORG_NAME: self._org_name_page(),
            Step.PASSPHRASE: self._passphrase_page(),
            Step.RECOVERY_KEY: self._recovery_page(),
            Step.CONFIRM_KEY: self._confirm_page(),
            Step.ORGANISATION: self._organisation_page(),
            Step.ORG_FILE: self._org_file_page(),
        }
        for w in self.pages.values():
            self.stack.addWidget(w)
        self.error = error_label()
        self.busy = BusyIndicator(translate("Eerste start", "Bezig met de kluis maken"))
        self.back_button = QPushButton(translate("Eerste start", "Vor&ige"))
        self.back_button.clicked.connect(self.back)
        self.next_button = button(translate("Eerste start", "V&olgende"), primary=True)
        self.next_button.clicked.connect(self.next)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        self.step_label = hint()
        column = QWidget()
        col = QVBoxLayout(column)
        col.addWidget(self.step_label)
        col.addWidget(self.stack)
        col.addWidget(self.busy)
        col.addWidget(self.error)
        col.addLayout(nav)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(centered(column, 64)))
        self.show_step(self.flow.first())

    # -- pages ------------------------------------------------------------------------------

    def _role_page(self) -> QWidget:
        self.role_volunteer = QRadioButton(translate("Eerste start", "Ik ben &vrijwilliger"))
        self.role_volunteer.setAccessibleName(translate("Eerste start", "Ik ben vrijwilliger"))
        self.role_volunteer.setAccessibleDescription(
            translate(
                "Eerste start",
                "U bezoekt bewoners en houdt uw gesprekken bij. Pijltjes: andere keuze.",
            )
        )
        self.role_volunteer.setChecked(True)
        self.role_coordinator = QRadioButton(translate("Eerste start", "Ik ben &coördinator"))
        self.role_coordinator.setAccessibleName(translate("Eerste start", "Ik ben coördinator"))
        self.role_coordinator.setAccessibleDescription(
            translate(
                "Eerste start", "U leest de gegevens van vrijwilligers in en volgt signalen op."
            )
        )
        w, _layout = page(
            heading(translate("Eerste start", "Welkom bij Huisbezoek")),
            hint(translate("Eerste start", "Wie gaat met dit programma werken op deze computer?")),
            self.role_volunteer,
            hint(
                translate(
                    "Eerste start",
                    "U bezoekt ouderen thuis en legt uw gesprekken vast.",
                )
            ),
            self.role_coordinator,
            hint(
                translate(
                    "Eerste start",
                    "U werkt voor de organisatie. U leest de zendingen van de vrijwilligers "
                    "in en zorgt voor de opvolging.",
                )
            ),
        )
        return w

    def role(self) -> Role:
        return Role.COORDINATOR if self.role_coordinator.isChecked() else Role.VOLUNTEER

    def _org_name_page(self) -> QWidget:
        self.org_name = QLineEdit()
        self.org_name.setAccessibleName(translate("Eerste start", "Naam van de organisatie"))
        self.org_name.setAccessibleDescription(
            translate("Eerste start", "Zoals vrijwilligers de organisatie kennen.")
        )
        self.coordinator_name = QLineEdit()
        self.coordinator_name.setAccessibleName(translate("Eerste start", "Uw naam"))
        self.coordinator_name.setAccessibleDescription(
            translate("Eerste start", "Uw voornaam en achternaam.")
        )
        self.coordinator_name.returnPressed.connect(self.next)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(translate("Eerste start", "Naam van de &organisatie:"), self.org_name)
        form.addRow(translate("Eerste start", "Uw &naam:"), self.coordinator_name)
        w, layout = page(
            heading(translate("Eerste start", "Uw organisatie")),
            hint(
                translate(
                    "Eerste start",
                    "We maken nu een kluis voor de organisatie, met een eigen sleutel. "
                    "Daarmee lezen alleen u en uw collega's de zendingen van de vrijwilligers. "
                    "Uw naam komt bij elke wijziging in de opvolging te staan.",
                )
            ),
        )
        layout.addLayout(form)
        return w

    def _org_file_page(self) -> QWidget:
        self.org_file_saved: Path | None = None
        self.org_file_summary = hint(translate("Eerste start", "Nog niet opgeslagen."))
        self.org_file_summary.setObjectName("orgFileSummary")
        self.save_org_button = QPushButton(translate("Eerste start", "Bestand &opslaan…"))
        self.save_org_button.clicked.connect(self._choose_org_file_target)
        w, layout = page(
            heading(translate("Eerste start", "Het bestand voor de vrijwilligers")),
            hint(
                translate(
                    "Eerste start",
                    "Elke vrijwilliger leest dit bestand in. Daarmee kunnen zij zendingen "
                    "naar uw organisatie sturen. Er staat niets geheims in. Sla het op, "
                    "bijvoorbeeld op een USB-stick. Lees de vingerafdruk door de telefoon "
                    "voor aan de vrijwilliger.",
                )
            ),
        )
        layout.addWidget(self.save_org_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.org_file_summary)
        return w

    def _name_page(self) -> QWidget:
        self.name = QLineEdit()
        self.name.setAccessibleName(translate("Eerste start", "Uw naam"))
        self.name.setAccessibleDescription(
            translate(
                "Eerste start",
                "Uw voornaam en achternaam. Die komt op de papieren voor de bewoner.",
            )
        )
        self.name.returnPressed.connect(self.next)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(translate("Eerste start", "Uw &naam:"), self.name)
        w, layout = page(
            heading(translate("Eerste start", "Welkom bij Huisbezoek")),
            hint(
                translate(
                    "Eerste start",
                    "Met dit programma legt u uw gesprekken met ouderen vast. Alles blijft "
                    "op deze computer, in een kluis op slot. We zetten die kluis nu samen "
                    "klaar. Dat duurt een paar minuten.",
                )
            ),
        )
        layout.addLayout(form)
        layout.addWidget(
            hint(
                translate(
                    "Eerste start", "Uw voornaam komt op de papieren die u bij de bewoner laat."
                )
            )
        )
        return w

    def _passphrase_page(self) -> QWidget:
        self.pass1 = password_field(translate("Eerste start", "Wachtwoordzin"))
        self.pass1.setAccessibleDescription(
            translate("Eerste start", "Een paar woorden die alleen u weet, minstens vier.")
        )
        self.pass2 = password_field(translate("Eerste start", "Wachtwoordzin nog een keer"))
        self.pass2.setAccessibleDescription(
            translate("Eerste start", "Typ dezelfde wachtwoordzin nog een keer.")
        )
        self.pass2.returnPressed.connect(self.next)
        self.strength = hint()
        self.strength.setObjectName("strengthHint")
        self.pass1.textChanged.connect(self._update_strength)
        self.show_pass = QCheckBox(translate("Eerste start", "Wachtwoordzin &laten zien"))
        self.show_pass.setAccessibleDescription(
            translate("Eerste start", "Laat zien wat u typt, als niemand meekijkt.")
        )
        self.show_pass.toggled.connect(self._toggle_show)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(translate("Eerste start", "&Wachtwoordzin:"), self.pass1)
        form.addRow(translate("Eerste start", "Nog een &keer:"), self.pass2)
        example = hint(
            translate(
                "Eerste start",
                "Een wachtwoordzin is een paar gewone woorden achter elkaar, bijvoorbeeld "
                "'{voorbeeld}'. Dat onthoudt u makkelijk en is toch sterk. Kies wel uw "
                "eigen woorden, niet dit voorbeeld. Gebruik minstens {n} tekens.",
            ).format(voorbeeld=startup.EXAMPLE_PASSPHRASE, n=startup.MIN_PASSPHRASE_CHARS)
        )
        example.setObjectName("passphraseHint")
        w, layout = page(heading(translate("Eerste start", "Kies een wachtwoordzin")), example)
        layout.addLayout(form)
        layout.addWidget(self.show_pass)
        layout.addWidget(self.strength)
        self._update_strength("")
        return w

    def _recovery_page(self) -> QWidget:
        self.key_label = QLabel()
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setWordWrap(True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.key_label.setFont(mono)
        self.key_label.setStyleSheet("font-size: 150%; font-weight: bold; padding: 8px;")
        self.key_label.setAccessibleName(translate("Eerste start", "Uw herstelsleutel"))
        self.key_label.setAccessibleDescription(
            translate("Eerste start", "Schrijf deze sleutel op papier en bewaar die goed.")
        )
        self.print_key = QPushButton(translate("Eerste start", "&Afdrukken of opslaan als PDF…"))
        self.print_key.clicked.connect(self._save_sheet)
        self.print_note = hint()
        self.key_written = QCheckBox(translate("Eerste start", "Ik heb de sleutel opge&schreven"))
        self.key_written.setAccessibleDescription(
            translate("Eerste start", "Zet dit aan als de sleutel op papier staat.")
        )
        w, layout = page(
            heading(translate("Eerste start", "Uw herstelsleutel")),
            hint(
                translate(
                    "Eerste start",
                    "Vergeet u uw wachtwoordzin? Dan opent deze sleutel de kluis. U ziet hem "
                    "maar één keer. Schrijf hem over of druk hem af, en bewaar het vel op een "
                    "veilige plek thuis, niet bij de laptop.",
                )
            ),
            self.key_label,
        )
        layout.addWidget(self.print_key, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.print_note)
        layout.addWidget(self.key_written)
        return w

    def _confirm_page(self) -> QWidget:
        self.confirm = QLineEdit()
        self.confirm.setAccessibleName(
            translate("Eerste start", "Laatste groep van de herstelsleutel")
        )
        self.confirm.setAccessibleDescription(
            translate("Eerste start", "Typ de laatste vier tekens van de sleutel.")
        )
        self.confirm.setMaxLength(8)
        self.confirm.returnPressed.connect(self.next)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(translate("Eerste start", "&Laatste groep:"), self.confirm)
        w, layout = page(
            heading(translate("Eerste start", "Even controleren")),
            hint(
                translate(
                    "Eerste start",
                    "Kijk op uw papier en typ de laatste groep van vier tekens van de "
                    "herstelsleutel over. Zo weten we dat u hem goed heeft.",
                )
            ),
        )
        layout.addLayout(form)
        return w

    def _organisation_page(self) -> QWidget:
        self.org_file: Path | None = None
        self.org_summary = hint(translate("Eerste start", "Nog geen bestand gekozen."))
        self.org_summary.setObjectName("orgSummary")
        choose = QPushButton(translate("Eerste start", "Bestand kie&zen…"))
        choose.clicked.connect(self._choose_org_file)
        w, layout = page(
            heading(translate("Eerste start", "Uw organisatie (mag ook later)")),
            hint(
                translate(
                    "Eerste start",
                    "Heeft de coördinator u een instellingenbestand gegeven? Kies het hier. "
                    "Vergelijk dan de vingerafdruk met wat de coördinator u door de telefoon "
                    "voorleest. Heeft u het bestand nog niet, klik dan op Klaar.",
                )
            ),
        )
        layout.addWidget(choose, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.org_summary)
        return w

    # -- navigation -------------------------------------------------------------------------

    def show_step(self, step: Step) -> None:
        self.current = step
        self.stack.setCurrentWidget(self.pages[step])
        number, total = self.flow.position(step)
        self.step_label.setText(
            translate("Eerste start", "Stap {n} van {totaal}").format(n=number, totaal=total)
        )
        show_message(self.error, "")
        self.back_button.setEnabled(self.flow.can_go_back(step))
        last = self.flow.next_step(step) is None
        self.next_button.setText(
            translate("Eerste start", "&Klaar") if last else translate("Eerste start", "V&olgende")
        )
        focus = {
            Step.ROLE: self.role_coordinator
            if self.role_coordinator.isChecked()
            else self.role_volunteer,
            Step.NAME: self.name,
            Step.ORG_NAME: self.org_name,
            Step.ORG_FILE: self.save_org_button,
            Step.PASSPHRASE: self.pass1,
            Step.RECOVERY_KEY: self.key_written,
            Step.CONFIRM_KEY: self.confirm,
            Step.ORGANISATION: self.next_button,
        }[step]
        focus.setFocus()

    def back(self) -> None:
        prev = self.flow.previous_step(self.current)
        if prev is not None:
            self.show_step(prev)

    def next(self) -> None:
        if self.busy.isVisible():
            return
        problem = self._check(self.current)
        if problem:
            show_message(self.error, problem)
            return
        if self.current is Step.ROLE:
            self.flow.role = self.role()
        if self.current is Step.PASSPHRASE and self.opened is None:
            self._create_vault()
            return
        self._advance()

    def _advance(self) -> None:
        nxt = self.flow.next_step(self.current)
        if nxt is None:
            self._finish()
        else:
            self.show_step(nxt)

    def _check(self, step: Step) -> str:
        if step is Step.NAME:
            return startup.check_volunteer_name(self.name.text())
        if step is Step.ORG_NAME:
            return coordinator_startup.check_organisation_name(
                self.org_name.text()
            ) or coordinator_startup.check_user_name(self.coordinator_name.text())
        if step is Step.ORG_FILE and self.org_file_saved is None:
            return translate(
                "Eerste start",
                "Sla eerst het bestand voor de vrijwilligers op. Zonder dat bestand kunnen "
                "zij niets naar u sturen.",
            )
        if step is Step.PASSPHRASE:
            return startup.check_new_passphrase(self.pass1.text(), self.pass2.text())
        if step is Step.RECOVERY_KEY and not self.key_written.isChecked():
            return translate(
                "Eerste start",
                "Schrijf de herstelsleutel eerst op of druk hem af. Zet dan het vinkje.",
            )
        if step is Step.CONFIRM_KEY and not startup.last_group_matches(
            self.recovery_key_text, self.confirm.text()
        ):
            return translate(
                "Eerste start",
                "Dat is niet de laatste groep. Kijk nog eens goed op uw papier. "
                "Ga terug als u de sleutel nog niet heeft opgeschreven.",
            )
        return ""

    def _update_strength(self, text: str) -> None:
        self.strength.setText(startup.passphrase_hint(text).message_nl)

    def _toggle_show(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        self.pass1.setEchoMode(mode)
        self.pass2.setEchoMode(mode)

    def _create_vault(self) -> None:
        name, passphrase = self.name.text().strip(), self.pass1.text()
        kdf = getattr(self.ctx, "kdf", None)
        if self.flow.role is Role.COORDINATOR:
            org, user = self.org_name.text(), self.coordinator_name.text()

            def create():
                return coordinator_startup.create_coordinator_vault(org, user, passphrase, kdf=kdf)
        else:

            def create():
                return startup.create_vault(name, passphrase, kdf=kdf)

        self.busy.setVisible(True)
        self.next_button.setEnabled(False)
        self.back_button.setEnabled(False)

        def done(created) -> None:
            self.busy.setVisible(False)
            self.next_button.setEnabled(True)
            self.opened = created.opened
            self.recovery_key_text = created.recovery_key
            self.key_label.setText(created.recovery_key)
            self.pass1.clear()
            self.pass2.clear()
            self.print_key.setEnabled(startup.can_print_recovery_sheet())
            if not self.print_key.isEnabled():
                self.print_note.setText(
                    translate(
                        "Eerste start", "Afdrukken kan nog niet in deze versie. Schrijf hem over."
                    )
                )
            self._advance()

        def failed(exc: BaseException) -> None:
            self.busy.setVisible(False)
            self.next_button.setEnabled(True)
            self.back_button.setEnabled(True)
            show_problem(self, self.error, exc)

        run_op(
            self,
            with_preload(create),
            on_done=done,
            on_error=failed,
        )

    def _save_sheet(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("Eerste start", "Herstelsleutel opslaan als PDF"),
            str(Path.home() / "herstelsleutel-huisbezoek.pdf"),
            translate("Eerste start", "PDF-bestand (*.pdf)"),
        )
        if not path:
            return
        key, opened = self.recovery_key_text, self.opened
        if opened is None:
            return
        run_op(
            self,
            lambda: startup.save_recovery_sheet(Path(path), opened, key),
            on_done=lambda _: self.print_note.setText(
                translate("Eerste start", "Opgeslagen. Druk het bestand af en bewaar het vel goed.")
            ),
        )

    def _choose_org_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("Eerste start", "Instellingenbestand van de organisatie kiezen")
        )
        if path:
            self.load_org_file(Path(path))

    def load_org_file(self, path: Path) -> None:
        opened = self.opened if isinstance(self.opened, startup.OpenedVault) else None

        def done(summary) -> None:
            self.org_file = path
            self.org_summary.setText(
                translate(
                    "Eerste start",
                    "Organisatie: {naam}\nVingerafdruk: {vingerafdruk}\n"
                    "Klopt de vingerafdruk met wat de coördinator zegt?",
                ).format(naam=summary.name, vingerafdruk=summary.fingerprint)
            )

        run_op(self, lambda: startup.add_organisation(opened, path), on_done=done)

    def _choose_org_file_target(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("Eerste start", "Bestand voor de vrijwilligers opslaan"),
            str(Path.home() / "organisatie-huisbezoek.json"),
            translate("Eerste start", "Instellingenbestand (*.json)"),
        )
        if path:
            self.save_org_file(Path(path))

    def save_org_file(self, path: Path) -> None:
        opened = self.opened
        if not isinstance(opened, coordinator_startup.OpenedCoordinator):
            return

        def done(summary) -> None:
            self.org_file_saved = path
            show_message(self.error, "")
            self.org_file_summary.setText(
                translate(
                    "Eerste start",
                    "Opgeslagen: {bestand}\nOrganisatie: {naam}\nVingerafdruk: {vingerafdruk}",
                ).format(bestand=path.name, naam=summary.name, vingerafdruk=summary.fingerprint)
            )

        run_op(self, lambda: coordinator_startup.save_organisation_file(opened, path), on_done=done)

    def _finish(self) -> None:
        self.recovery_key_text = ""
        self.key_label.clear()
        self.finished.emit(self.opened)
