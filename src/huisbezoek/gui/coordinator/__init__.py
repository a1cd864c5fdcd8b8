"""Coordinator mode: the screens of the coordinating organisation (volunteers, import, follow-up,
coverage, report, retention and subject rights). Only a coordinator store opens them."""
