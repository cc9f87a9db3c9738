"""How the rule levels and record scopes read in the admin view."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from contactdesk.model.governance import ACCESS_LEVELS, SCOPES, TEAMS
from ui.enum_titles import team_title

__all__ = [
    "ACCESS_LEVELS",
    "SCOPES",
    "TEAMS",
    "access_title",
    "field_type_title",
    "scope_title",
    "team_title",
]


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


def field_type_title(field_type: str) -> str:
    """A field type as an admin reads it ("Several choices", not ``multi_choice``)."""
    titles = {
        "text": QCoreApplication.translate("AccessLevels", "Text"),
        "longtext": QCoreApplication.translate("AccessLevels", "Long text"),
        "number": QCoreApplication.translate("AccessLevels", "Number"),
        "integer": QCoreApplication.translate("AccessLevels", "Whole number"),
        "money": QCoreApplication.translate("AccessLevels", "Amount of money"),
        "date": QCoreApplication.translate("AccessLevels", "Date"),
        "datetime": QCoreApplication.translate("AccessLevels", "Date and time"),
        "boolean": QCoreApplication.translate("AccessLevels", "Yes / no"),
        "choice": QCoreApplication.translate("AccessLevels", "One choice"),
        "multi_choice": QCoreApplication.translate("AccessLevels", "Several choices"),
        "reference": QCoreApplication.translate("AccessLevels", "Link to a record"),
        "email": QCoreApplication.translate("AccessLevels", "Email address"),
        "phone": QCoreApplication.translate("AccessLevels", "Phone number"),
        "url": QCoreApplication.translate("AccessLevels", "Web address"),
        "stage": QCoreApplication.translate("AccessLevels", "Funnel stage"),
        "list": QCoreApplication.translate("AccessLevels", "List"),
    }
    return titles.get(field_type, field_type.replace("_", " "))
