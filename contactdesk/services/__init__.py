"""Service functions: the only way the UI, the CLI and sync read and change records."""
