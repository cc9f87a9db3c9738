"""The PySide6 desktop front end of ContactDesk.

A client of ``contactdesk.services`` only: no SQL, no SQLAlchemy, no sqlite3 here.
Database work runs on the single database worker (``ui.database_worker``); widgets
and item models live on the UI thread and hear about changes by signal.
"""
