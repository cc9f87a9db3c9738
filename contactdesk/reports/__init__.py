"""Reports that answer the questions of SEED-QUESTIONS.md, each one aggregate SQL.

One module per report family builds a ``ReportTable`` from a ``ReportContext``;
``report_registry`` names them and runs them for an actor; ``report_export``
writes any result to CSV or XLSX. The UI and ``contactdesk report`` share them.
"""
