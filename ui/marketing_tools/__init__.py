"""Marketing's working tools in the desktop app: campaigns, collateral, launch briefs, leads.

``MarketingToolsView`` holds them as tabs; each page runs its service calls on
the database worker and refreshes from the store's change signal.
"""
