"""Marketing's working tools: campaigns, collateral, launch briefs, lead scoring and hand-off.

One idea per module:

- ``marketing_access``: who may run marketing's tools.
- ``marketing_settings``: JSON settings marketing owns (routing rules, routing cursor).
- ``campaigns``: create, edit, record spend, list; running/upcoming for the sales strip.
- ``collateral_library``: documents (stored in the store, so they sync and open
  offline) and links, and ``collateral_for`` a stage, product and industry.
- ``launch_briefs``: briefs, reps marking them read and ready, readiness per team.
- ``lead_scoring``: fit + engagement + learned history = score, with the reasons.
- ``routing_rules``: the rules (territory, industry -> team, load cap, expiry action).
- ``lead_routing``: choosing a rep for a lead under those rules (pure, no I/O).
- ``lead_handoff``: handing leads (or a whole segment) to a rep or by the rules.
- ``follow_up_clock``: leads whose follow-up clock ran out; flag, re-route or escalate.
- ``funnel_contract``: versioned agreement of stages, owners, threshold and hours.

Nothing here imports Qt.
"""
