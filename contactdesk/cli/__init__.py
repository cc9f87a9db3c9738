"""The command-line contract of DESIGN.md: one module per command, loaded by name."""
