"""The coordinator store: a vault of kind "coordinator" holding imported signals, the volunteer
registry, the import ledger and the neighbourhood counts (schema in ``models``)."""
