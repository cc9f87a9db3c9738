"""Who a service call is made for."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """The user (or bare role) a service call acts for; rules are applied for ``role``.

    ``user_id`` is None for a role-only view (``--as ROLE``) and for the system
    actor that maintenance commands run as.
    """

    user_id: uuid.UUID | None
    username: str
    role: str
    team: str | None = None

    @classmethod
    def system(cls) -> Actor:
        """The actor for maintenance work run by the owner of the store (admin rights)."""
        return cls(None, "system", "admin", None)

    @classmethod
    def for_role(cls, role: str) -> Actor:
        """Read the store as ``role`` sees it, with no user of its own."""
        return cls(None, f"({role})", role, None)
