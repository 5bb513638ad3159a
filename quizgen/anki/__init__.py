"""Anki output: stable identities, our own note types, deterministic .apkg packages."""
