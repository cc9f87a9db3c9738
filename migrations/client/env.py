"""Alembic environment for the desktop store.

The store passes its own connection in ``config.attributes["connection"]`` so
that migrations run on the same pragmas (foreign keys, WAL) the app uses.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from contactdesk.model import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
        with engine.connect() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
