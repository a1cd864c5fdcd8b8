"""Alembic environment: runs on the keyed connection the vault hands over (see vault.migrate)."""

from huisbezoek.vault.migrate import run_in_alembic_env

run_in_alembic_env()
