"""Sync in the desktop app: sign-in, background sync, status bar widget, conflict center."""
