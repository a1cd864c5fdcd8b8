"""Alembic migration scripts of the coordinator store (run programmatically at unlock)."""
