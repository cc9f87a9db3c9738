"""How the rule levels and record scopes read in the admin view."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from contactdesk.model.governance import ACCESS_LEVELS, SCOPES, TEAMS

__all__ = ["ACCESS_LEVELS", "SCOPES", "TEAMS", "access_title", "scope_title", "team_title"]


def access_title(level: str) -> str:
    titles = {
        "hidden": QCoreApplication.translate("AccessLevels", "Hidden"),
        "read": QCoreApplication.translate("AccessLevels", "Read only"),
        "edit": QCoreApplication.translate("AccessLevels", "Edit"),
    }
    return titles.get(level, level)


def scope_title(scope: str) -> str:
    titles = {
        "own": QCoreApplication.translate("AccessLevels", "Own records"),
        "team": QCoreApplication.translate("AccessLevels", "Team's records"),
        "all": QCoreApplication.translate("AccessLevels", "All records"),
    }
    return titles.get(scope, scope)


def team_title(team: str) -> str:
    titles = {
        "marketing": QCoreApplication.translate("AccessLevels", "Marketing"),
        "sales": QCoreApplication.translate("AccessLevels", "Sales"),
    }
    return titles.get(team, team)
