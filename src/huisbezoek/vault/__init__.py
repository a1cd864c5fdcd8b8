"""vault layer (see ARCHITECTURE.md)."""
