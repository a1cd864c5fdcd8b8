"""Every screen and dialog: mnemonics unique per window, every control named and described.

Issue 14: Alt+O was both "opgeschreven" and "Volgende" in the first-start wizard; Alt+G was
both "Gesprek beginnen" and "Gegevens aanpassen" and jumped to the latter.
"""

from __future__ import annotations

from .screens import mnemonic_clashes, unnamed_controls, walk_coordinator, walk_volunteer


def test_mnemonics_unique_on_every_volunteer_screen(qtbot, make_app):
    problems = walk_volunteer(qtbot, make_app, mnemonic_clashes)
    assert not problems, "\n".join(problems)


def test_mnemonics_unique_on_every_coordinator_screen(qtbot, make_app, tmp_path):
    problems = walk_coordinator(qtbot, make_app, tmp_path, mnemonic_clashes)
    assert not problems, "\n".join(problems)


def test_every_volunteer_control_has_accessible_name_and_description(qtbot, make_app):
    problems = walk_volunteer(qtbot, make_app, unnamed_controls)
    assert not problems, "\n".join(problems)


def test_every_coordinator_control_has_accessible_name_and_description(qtbot, make_app, tmp_path):
    problems = walk_coordinator(qtbot, make_app, tmp_path, unnamed_controls)
    assert not problems, "\n".join(problems)
