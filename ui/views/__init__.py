"""The views a role works in; each is hosted by the main window (see ``ui.role_views``)."""
