"""The declarative base of the server-only tables (credentials, feed, conflicts).

Kept apart from ``contactdesk.model.Base`` so that the desktop store's schema
and migrations never see them; the server's migrations cover both metadatas.
"""

from __future__ import annotations

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from contactdesk.model.base import NAMING_CONVENTION


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
