"""Request and response bodies of the auth endpoints (the wire models live in sync_protocol)."""

from __future__ import annotations

from contactdesk.sync_protocol import LoginRequest, LoginResponse, PasswordChange, UserInfo

__all__ = ["LoginRequest", "LoginResponse", "PasswordChange", "UserInfo"]
