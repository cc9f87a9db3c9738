"""Segments: named, nested AND/OR filters over contacts, compiled to SQL.

``segment_definition`` holds the JSON-safe shape, ``segment_compiler`` turns it
into a WHERE clause on ``contacts`` (checking every field against the role's
rules), ``segment_counts`` counts and breaks a segment down in SQL,
``saved_segments`` names and stores them, ``segment_export`` writes members out.
"""
