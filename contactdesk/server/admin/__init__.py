"""Governance data (roles, users, fields, rules, funnel, settings).

Read by every user, written by admins only.
"""
