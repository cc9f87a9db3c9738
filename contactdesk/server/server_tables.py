"""Every table the server database holds: the shared model plus the server-only tables."""

from __future__ import annotations

from sqlalchemy import MetaData

from contactdesk.model import Base
from contactdesk.server.auth import tables as auth_tables
from contactdesk.server.sync import tables as sync_tables
from contactdesk.server.table_base import ServerBase

# Imported for their side effect of registering tables on ServerBase.metadata.
_REGISTERED = (auth_tables, sync_tables)

SERVER_METADATA: list[MetaData] = [Base.metadata, ServerBase.metadata]
