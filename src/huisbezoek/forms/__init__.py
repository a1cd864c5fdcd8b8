"""forms layer (see ARCHITECTURE.md)."""
