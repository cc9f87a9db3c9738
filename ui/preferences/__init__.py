"""The preferences dialog over the options declared in ``ui.settings``."""
