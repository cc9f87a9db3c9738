"""Modal dialogs: small, single-purpose, built from service data."""
