"""Typed dependencies every feature's routes share: database, settings, protocol check."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request

from contactdesk.server.database import Database
from contactdesk.server.errors import ProtocolMismatch
from contactdesk.server.settings import ServerSettings
from contactdesk.sync_protocol import PROTOCOL_HEADER, PROTOCOL_VERSION


def _database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def _settings(request: Request) -> ServerSettings:
    settings: ServerSettings = request.app.state.settings
    return settings


def require_protocol(
    protocol: Annotated[
        str | None,
        Header(
            alias=PROTOCOL_HEADER,
            description=f"The client's sync protocol version (this server: {PROTOCOL_VERSION})",
        ),
    ] = None,
) -> None:
    """Refuse a client that speaks another protocol version, naming both versions."""
    if protocol is None:
        raise ProtocolMismatch(
            f"no {PROTOCOL_HEADER} header sent; this server speaks protocol {PROTOCOL_VERSION}"
        )
    if protocol.strip() != str(PROTOCOL_VERSION):
        shown = protocol.strip()[:20]
        raise ProtocolMismatch(
            f"client speaks sync protocol {shown!r}, this server speaks {PROTOCOL_VERSION};"
            " update the client or the server so both match"
        )


Db = Annotated[Database, Depends(_database)]
Settings = Annotated[ServerSettings, Depends(_settings)]
