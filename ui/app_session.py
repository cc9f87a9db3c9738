"""Who is using the app on which store: the one object every view is given."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from contactdesk.services.actor import Actor
from contactdesk.services.capabilities import capabilities_of
from contactdesk.services.directory import UserInfo
from contactdesk.store import Store


@dataclass(frozen=True)
class AppSession:
    """The open store and the actor every service call of this window is made for.

    ``user`` is None when the store has no users yet and the app runs as the
    store owner (the system admin actor).
    """

    store: Store
    actor: Actor
    user: UserInfo | None = None

    @property
    def display_name(self) -> str:
        if self.user is not None:
            return self.user.display_name
        return QCoreApplication.translate("AppSession", "Store owner (no users yet)")

    @property
    def role_title(self) -> str:
        return role_title(self.actor.role)

    def capabilities(self) -> frozenset[str]:
        """What the user's role may do (run_campaigns, import, ...): what the UI offers.

        Read from the store's cached policy, so an admin's change (or one a sync
        brought) shows when a view next asks.
        """
        return capabilities_of(self.store, self.actor)

    def can(self, capability: str) -> bool:
        return capability in self.capabilities()


def role_title(role: str) -> str:
    """The shipped roles' names as people say them; a role an admin added shows as named."""
    titles = {
        "sales": QCoreApplication.translate("AppSession", "Sales"),
        "marketing": QCoreApplication.translate("AppSession", "Marketing"),
        "admin": QCoreApplication.translate("AppSession", "Administrator"),
    }
    return titles.get(role, role)
