"""The shared sync server: an ASGI app over a SQLAlchemy store (PostgreSQL or SQLite).

Split by feature: ``auth/`` (login, tokens, rate limits), ``sync/`` (push, pull,
conflicts) and ``admin/`` (governance data). Stateless between requests, so
several processes may serve one PostgreSQL database.
"""
