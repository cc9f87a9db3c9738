"""Help for the user: the per-role user guide and the keyboard shortcuts list."""
