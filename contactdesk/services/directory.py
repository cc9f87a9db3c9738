"""Users and roles: who works in this store, in which role and team."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from contactdesk.errors import NotFound
from contactdesk.model import Role, User
from contactdesk.services import governance
from contactdesk.services.actor import Actor
from contactdesk.services.capabilities import require
from contactdesk.services.changes import ChangeSet
from contactdesk.services.unit_of_work import unit_of_work
from contactdesk.store.local_store import Store


@dataclass(frozen=True)
class UserInfo:
    id: uuid.UUID
    username: str
    display_name: str
    role: str
    team: str | None
    territory: str | None
    is_team_lead: bool
    active: bool

    def actor(self) -> Actor:
        """The actor that service calls made as this user run as."""
        return Actor(self.id, self.username, self.role, self.team)


def list_users(store: Store, *, include_inactive: bool = False) -> list[UserInfo]:
    """Every user with role and team, by role then name."""
    with store.reading() as session:
        query = select(User, Role.name).join(Role, Role.id == User.role_id)
        if not include_inactive:
            query = query.where(User.active.is_(True))
        rows = session.execute(query.order_by(Role.name, User.display_name))
        return [_info(user, role) for user, role in rows]


def find_user(store: Store, username: str) -> UserInfo:
    """The user called ``username``; NotFound names the known ones."""
    for user in list_users(store, include_inactive=True):
        if user.username == username:
            return user
    known = ", ".join(u.username for u in list_users(store)) or "none"
    raise NotFound(f"no user {username!r} in this store (users: {known})")


def role_names(store: Store) -> list[str]:
    with store.reading() as session:
        return list(session.scalars(select(Role.name).order_by(Role.name)))


def create_user(
    store: Store,
    actor: Actor,
    username: str,
    *,
    display_name: str | None = None,
    role: str,
    team: str | None = None,
    territory: str | None = None,
    is_team_lead: bool = False,
    email: str | None = None,
) -> ChangeSet:
    """Add a user (admins only). Username: 1-80 characters, no spaces, unique."""
    require(store, actor, "administer", governance.GOVERNING)
    with unit_of_work(store, actor) as work:
        governance.add_user(
            work.session,
            work,
            username,
            role=role,
            display_name=display_name,
            team=team,
            territory=territory,
            is_team_lead=is_team_lead,
            email=email,
        )
    return ChangeSet(work.changes)


def _info(user: User, role: str) -> UserInfo:
    return UserInfo(
        user.id,
        user.username,
        user.display_name,
        role,
        user.team,
        user.territory,
        user.is_team_lead,
        user.active,
    )
