"""ContactDesk core library: domain model, local store, services, import/export and sync.

This package never imports Qt: it is usable from scripts, tests and the server.
"""

__version__ = "0.1.0"
