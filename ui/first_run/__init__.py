"""The first-run welcome: shown when no store was named and the default store does not exist."""
