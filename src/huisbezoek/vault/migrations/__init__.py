"""Alembic migration scripts of the volunteer vault (run programmatically at unlock)."""
