"""Qt item models over service queries: they hold fetched pages, never whole tables."""
