"""Alembic migrations: ``client/`` for the desktop store, ``server/`` for the sync server."""

from pathlib import Path

CLIENT_SCRIPTS = Path(__file__).parent / "client"
SERVER_SCRIPTS = Path(__file__).parent / "server"
