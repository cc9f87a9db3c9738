"""How the core's stored words read on screen: one title per enum value, translated.

The core keeps values such as ``paid_search``, ``follow_up`` or ``meeting booked``
(``contactdesk.model``, the call dialog's outcomes and objection tags, campaign states);
every list, filter, form, chart and table shows the title instead, never the stored word
(``tests/ui/test_no_identifiers_on_screen.py`` walks every page,
``tests/ui/test_no_identifiers_in_dialogs.py`` every dialog for them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from contactdesk.services.field_catalog import ENTITIES
from ui.core_text import core_text
from ui.translatable import QT_TRANSLATE_NOOP

CONTEXT = "EnumTitles"

CHANNELS = {
    "email": QT_TRANSLATE_NOOP("EnumTitles", "Email"),
    "webinar": QT_TRANSLATE_NOOP("EnumTitles", "Webinar"),
    "event": QT_TRANSLATE_NOOP("EnumTitles", "Event"),
    "paid_search": QT_TRANSLATE_NOOP("EnumTitles", "Paid search"),
    "social": QT_TRANSLATE_NOOP("EnumTitles", "Social media"),
    "content": QT_TRANSLATE_NOOP("EnumTitles", "Content"),
    "referral": QT_TRANSLATE_NOOP("EnumTitles", "Referral"),
    "direct": QT_TRANSLATE_NOOP("EnumTitles", "Direct"),
}
COLLATERAL_KINDS = {
    "case_study": QT_TRANSLATE_NOOP("EnumTitles", "Case study"),
    "price_sheet": QT_TRANSLATE_NOOP("EnumTitles", "Price sheet"),
    "proof_of_value": QT_TRANSLATE_NOOP("EnumTitles", "Proof of value"),
    "comparison": QT_TRANSLATE_NOOP("EnumTitles", "Comparison"),
    "brochure": QT_TRANSLATE_NOOP("EnumTitles", "Brochure"),
}
LEAD_STATUSES = {
    "new": QT_TRANSLATE_NOOP("EnumTitles", "New"),
    "handed_off": QT_TRANSLATE_NOOP("EnumTitles", "Handed off"),
    "accepted": QT_TRANSLATE_NOOP("EnumTitles", "Accepted"),
    "rejected": QT_TRANSLATE_NOOP("EnumTitles", "Rejected"),
}
ACTIVITY_KINDS = {
    "call": QT_TRANSLATE_NOOP("EnumTitles", "Call"),
    "meeting": QT_TRANSLATE_NOOP("EnumTitles", "Meeting"),
    "email": QT_TRANSLATE_NOOP("EnumTitles", "Email"),
    "task": QT_TRANSLATE_NOOP("EnumTitles", "Task"),
    "follow_up": QT_TRANSLATE_NOOP("EnumTitles", "Follow-up"),
    "handover": QT_TRANSLATE_NOOP("EnumTitles", "Hand-over"),
}
# How a call or meeting went, as the dialogs offer it; outcomes are free text otherwise.
OUTCOMES = {
    "interested": QT_TRANSLATE_NOOP("EnumTitles", "Interested"),
    "meeting booked": QT_TRANSLATE_NOOP("EnumTitles", "Meeting booked"),
    "send information": QT_TRANSLATE_NOOP("EnumTitles", "Send information"),
    "asked to call back": QT_TRANSLATE_NOOP("EnumTitles", "Asked to call back"),
    "left voicemail": QT_TRANSLATE_NOOP("EnumTitles", "Left voicemail"),
    "no answer": QT_TRANSLATE_NOOP("EnumTitles", "No answer"),
    "not interested": QT_TRANSLATE_NOOP("EnumTitles", "Not interested"),
    "went well": QT_TRANSLATE_NOOP("EnumTitles", "Went well"),
    "needs a follow-up": QT_TRANSLATE_NOOP("EnumTitles", "Needs a follow-up"),
    "postponed by them": QT_TRANSLATE_NOOP("EnumTitles", "Postponed by them"),
    "no show": QT_TRANSLATE_NOOP("EnumTitles", "No show"),
    "sent": QT_TRANSLATE_NOOP("EnumTitles", "Sent"),
}
OBJECTIONS = {
    "price": QT_TRANSLATE_NOOP("EnumTitles", "Price"),
    "integration": QT_TRANSLATE_NOOP("EnumTitles", "Integration"),
    "timing": QT_TRANSLATE_NOOP("EnumTitles", "Timing"),
    "security": QT_TRANSLATE_NOOP("EnumTitles", "Security"),
    "competitor lock-in": QT_TRANSLATE_NOOP("EnumTitles", "Competitor lock-in"),
}
CAMPAIGN_STATES = {
    "running": QT_TRANSLATE_NOOP("EnumTitles", "Running"),
    "upcoming": QT_TRANSLATE_NOOP("EnumTitles", "Upcoming"),
    "finished": QT_TRANSLATE_NOOP("EnumTitles", "Finished"),
}
ORIGINS = {
    "inbound": QT_TRANSLATE_NOOP("EnumTitles", "Inbound"),
    "outbound": QT_TRANSLATE_NOOP("EnumTitles", "Outbound"),
}
INTEL_KINDS = {
    "objection": QT_TRANSLATE_NOOP("EnumTitles", "Objection"),
    "competitor": QT_TRANSLATE_NOOP("EnumTitles", "Competitor"),
    "win_story": QT_TRANSLATE_NOOP("EnumTitles", "Win story"),
    "enquiry_source": QT_TRANSLATE_NOOP("EnumTitles", "Enquiry source"),
    "market_note": QT_TRANSLATE_NOOP("EnumTitles", "Market note"),
}
MARKET_TOPICS = {
    "competitor_seen": QT_TRANSLATE_NOOP("EnumTitles", "Competitor seen"),
    "price_heard": QT_TRANSLATE_NOOP("EnumTitles", "Price heard"),
    "market_news": QT_TRANSLATE_NOOP("EnumTitles", "Market news"),
}
# A report row's level (Campaign return lists campaigns and channels).
REPORT_LEVELS = {
    "campaign": QT_TRANSLATE_NOOP("EnumTitles", "Campaign"),
    "channel": QT_TRANSLATE_NOOP("EnumTitles", "Channel"),
}
TEAMS = {
    "marketing": QT_TRANSLATE_NOOP("AccessLevels", "Marketing"),
    "sales": QT_TRANSLATE_NOOP("AccessLevels", "Sales"),
}
# Every table a stored word may come from, for cells and choices of unknown origin.
ALL_TITLES = (OBJECTIONS, OUTCOMES, CAMPAIGN_STATES, CHANNELS, LEAD_STATUSES, ACTIVITY_KINDS,
              COLLATERAL_KINDS, ORIGINS, INTEL_KINDS, MARKET_TOPICS, REPORT_LEVELS)  # fmt: skip


def _title(titles: Mapping[str, str], word: str, context: str = CONTEXT) -> str | None:
    source = titles.get(word)
    return None if source is None else QCoreApplication.translate(context, source)


def _spelled(word: str) -> str:
    """A word no table knows, written as a person would: ``new_kind`` -> "New kind"."""
    return word.replace("_", " ").capitalize()


def channel_title(channel: str) -> str:
    """A campaign channel ("Paid search", not ``paid_search``)."""
    return _title(CHANNELS, channel) or _spelled(channel)


def collateral_kind_title(kind: str) -> str:
    """A kind of collateral ("Case study", not ``case_study``)."""
    return _title(COLLATERAL_KINDS, kind) or _spelled(kind)


def lead_status_title(status: str) -> str:
    """Where a lead stands ("Handed off", not ``handed_off``)."""
    return _title(LEAD_STATUSES, status) or _spelled(status)


def activity_kind_title(kind: str) -> str:
    """A kind of activity ("Follow-up", not ``follow_up``)."""
    return _title(ACTIVITY_KINDS, kind) or _spelled(kind)


def outcome_title(outcome: str) -> str:
    """How a call or meeting went ("Meeting booked"); a rep's own words are shown as written."""
    return _title(OUTCOMES, outcome) or outcome


def objection_title(tag: str) -> str:
    """An objection tag as a rep ticks it ("Competitor lock-in")."""
    return _title(OBJECTIONS, tag) or tag


def campaign_state_title(state: str) -> str:
    """Where a campaign stands today ("Running")."""
    return _title(CAMPAIGN_STATES, state) or _spelled(state)


def team_title(team: str) -> str:
    """A team ("Marketing"); a team name an admin typed is shown as typed."""
    return _title(TEAMS, team, "AccessLevels") or team


def stored_word_title(text: str) -> str:
    """``text`` from a choice field, a report cell or a chart category: a stored word's
    title, else unchanged.

    Choices and report groups are stored words (objection tags, channels, kinds, outcomes,
    lead statuses); anything else (names, notes, a custom field's choices) is shown as it is.
    """
    for titles in ALL_TITLES:
        shown = _title(titles, text)
        if shown is not None:
            return shown
    return team_title(text)


# Report columns of free text people typed (an enquiry source reads "webinar" or "website
# form" as written): never titled, even where a value happens to equal a stored word.
FREE_TEXT_COLUMNS = frozenset({"source"})


def report_cell_title(column_key: str, text: str) -> str:
    """A report's text cell as shown: a stored word's title, free text as written."""
    return text if column_key in FREE_TEXT_COLUMNS else stored_word_title(text)


def field_title(entity: str, name: str) -> str:
    """The label of ``entity``'s field ``name`` in the user's language ("Phone", not ``phone``)."""
    spec = ENTITIES.get(entity)
    for field in spec.fields if spec is not None else ():
        if field.name == name:
            return core_text(field.label)
    return _spelled(name)


def add_titled_items(combo: QComboBox, words: Iterable[str], title: Callable[[str], str]) -> None:
    """Offer ``words`` in ``combo`` by their titles; the stored word is each item's data."""
    for word in words:
        combo.addItem(title(word), word)


def chosen_word(combo: QComboBox) -> str:
    """The stored word of an editable ``combo``: an offered item's word when its title (in any
    case) is what the field holds, else the text as typed (outcomes are free text)."""
    text = combo.currentText().strip()
    for index in range(combo.count()):
        word = combo.itemData(index)
        if isinstance(word, str) and text.casefold() in (combo.itemText(index).casefold(), word):
            return word
    return text
