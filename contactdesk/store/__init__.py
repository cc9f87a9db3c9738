"""The local SQLite store: engine set-up, migrations, search index, transactions."""

from contactdesk.store.local_store import Store, open_store

__all__ = ["Store", "open_store"]
