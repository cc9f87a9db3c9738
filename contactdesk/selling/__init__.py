"""What a sales rep works with: the week plan, call logging, the lead inbox, opportunities.

Every read goes through the acting role's record scope and field rules; every
write goes through one unit of work, so it is logged for sync like any other
change. No Qt here: the sales view in ``ui/sales`` and ``contactdesk week`` are
both clients of these functions.
"""
