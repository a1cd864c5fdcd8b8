"""Printed documents: leaflets, the resident summary, the recovery-key sheet (reportlab)."""
