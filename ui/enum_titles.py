"""How the core's stored words read on screen: one title per enum value, translated.

The core keeps values such as ``paid_search`` or ``handed_off`` (``contactdesk.model``);
every list, filter and table shows the title instead, never the stored word
(tests/ui/test_no_identifiers_on_screen.py walks every page for them).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def channel_title(channel: str) -> str:
    """A campaign channel ("Paid search", not ``paid_search``)."""
    titles = {
        "email": QCoreApplication.translate("EnumTitles", "Email"),
        "webinar": QCoreApplication.translate("EnumTitles", "Webinar"),
        "event": QCoreApplication.translate("EnumTitles", "Event"),
        "paid_search": QCoreApplication.translate("EnumTitles", "Paid search"),
        "social": QCoreApplication.translate("EnumTitles", "Social media"),
        "content": QCoreApplication.translate("EnumTitles", "Content"),
        "referral": QCoreApplication.translate("EnumTitles", "Referral"),
        "direct": QCoreApplication.translate("EnumTitles", "Direct"),
    }
    return titles.get(channel, channel.replace("_", " ").capitalize())


def collateral_kind_title(kind: str) -> str:
    """A kind of collateral ("Case study", not ``case_study``)."""
    titles = {
        "case_study": QCoreApplication.translate("EnumTitles", "Case study"),
        "price_sheet": QCoreApplication.translate("EnumTitles", "Price sheet"),
        "proof_of_value": QCoreApplication.translate("EnumTitles", "Proof of value"),
        "comparison": QCoreApplication.translate("EnumTitles", "Comparison"),
        "brochure": QCoreApplication.translate("EnumTitles", "Brochure"),
    }
    return titles.get(kind, kind.replace("_", " ").capitalize())


def lead_status_title(status: str) -> str:
    """Where a lead stands ("Handed off", not ``handed_off``)."""
    titles = {
        "new": QCoreApplication.translate("EnumTitles", "New"),
        "handed_off": QCoreApplication.translate("EnumTitles", "Handed off"),
        "accepted": QCoreApplication.translate("EnumTitles", "Accepted"),
        "rejected": QCoreApplication.translate("EnumTitles", "Rejected"),
    }
    return titles.get(status, status.replace("_", " ").capitalize())
