"""Passwords, bearer tokens and the login rate limit."""
