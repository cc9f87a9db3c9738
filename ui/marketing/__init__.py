"""The marketing view: segment builder, reports with charts and drill-down, export."""
