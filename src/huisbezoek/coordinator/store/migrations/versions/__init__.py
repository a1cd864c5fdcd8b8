"""Revisions of the coordinator store schema; one file per revision, never edited once released."""
