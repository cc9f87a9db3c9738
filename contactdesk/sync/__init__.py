"""The desktop sync client: outbox push, feed pull, conflicts, purge, credentials. No Qt."""
