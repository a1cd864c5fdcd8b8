"""Revisions of the volunteer vault schema; one file per revision, never edited once released."""
