"""Importers that turn address-book files (CSV, vCard) into plain records.

Store-independent: the readers stream a file and yield
:class:`ParsedContact` or :class:`RowError`; the services decide what to
store. Safe to call from any thread; no Qt, no database.
"""
