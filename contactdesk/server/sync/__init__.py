"""The change feed: push with per-field conflicts, role-filtered pull, kept conflicts."""
