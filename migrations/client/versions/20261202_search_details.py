"""search details: a contact is found by its additional emails and phones too

The search index's ``email`` text of a contact now holds its email and the
emails of its additional values (``contact_details``: a card's second EMAIL),
and its ``phone`` text its phone, mobile and additional phones; triggers on
``contact_details`` keep them in step when a value is added, changed, moved to
another contact (a merge) or deleted (a purge). Search matches these columns
only when the role may see the email or phone field, as for the contact's own
values (issue 22 point 4: a card's second address was stored but not found).

Revision ID: 20261202_search_details
Revises: 20261202_detail_value_nocase
Create Date: 2026-12-02 18:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261202_search_details"
down_revision: str | None = "20261202_detail_value_nocase"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A contact's name text, as migration 20261202_contact_nickname writes it (copied, not
# imported: a migration keeps the SQL of its day whatever later ones define).
PART = (
    "CASE WHEN {t}.{part} IS NULL OR instr(' ' || {t}.display_name || ' ', ' ' || {t}.{part} || ' ')"
    " THEN '' ELSE ' ' || {t}.{part} END"
)
ALL_NAMES = (
    "trim({t}.display_name"
    + "".join(
        " || " + PART.replace("{part}", part) for part in ("first_name", "last_name", "nickname")
    )
    + ")"
)
DETAILS = (
    "(SELECT group_concat(d.value, ' ') FROM contact_details AS d "
    "WHERE d.contact_id = {t}.id AND d.kind = '{kind}')"
)
# NULL / '' exactly as before for a contact without additional values.
EMAILS = "coalesce({t}.email || ' ' || {emails}, {t}.email, {emails})"
PHONES = (
    "trim(coalesce({t}.phone, '') || ' ' || coalesce({t}.mobile, '') || coalesce(' ' || {phones}, ''))"
)
OLD_EMAILS = "{t}.email"
OLD_PHONES = "trim(coalesce({t}.phone, '') || ' ' || coalesce({t}.mobile, ''))"
CONTACT_COLUMNS = "display_name, first_name, last_name, nickname, email, phone, mobile, account_id"


def email_text(t: str) -> str:
    return EMAILS.format(t=t, emails=DETAILS.format(t=t, kind="email"))


def phone_text(t: str) -> str:
    return PHONES.format(t=t, phones=DETAILS.format(t=t, kind="phone"))


def _contact_triggers(emails: str, phones: str) -> list[str]:
    names = ALL_NAMES.format(t="NEW")
    return [
        "DROP TRIGGER IF EXISTS contacts_search_insert",
        "DROP TRIGGER IF EXISTS contacts_search_update",
        f"""CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
            INSERT INTO search_docs(entity, record_id) VALUES ('contact', NEW.id);
            INSERT INTO search_index(rowid, kind, name, company, email, phone)
            VALUES ((SELECT rowid FROM search_docs WHERE record_id = NEW.id), 'contact',
                    {names}, (SELECT name FROM accounts WHERE id = NEW.account_id),
                    {emails}, {phones});
        END""",
        f"""CREATE TRIGGER contacts_search_update
        AFTER UPDATE OF {CONTACT_COLUMNS} ON contacts BEGIN
            UPDATE search_index SET
                name = {names},
                company = (SELECT name FROM accounts WHERE id = NEW.account_id),
                email = {emails},
                phone = {phones}
            WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = NEW.id);
        END""",
    ]


def _refresh(contact_id: str) -> str:
    """Re-write the email and phone text of the contact ``contact_id`` names."""
    return f"""UPDATE search_index SET
                email = (SELECT {email_text("c")} FROM contacts AS c WHERE c.id = {contact_id}),
                phone = (SELECT {phone_text("c")} FROM contacts AS c WHERE c.id = {contact_id})
            WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = {contact_id});"""


DETAIL_TRIGGERS = {
    "contact_details_search_insert": (
        "AFTER INSERT ON contact_details WHEN NEW.kind IN ('email', 'phone')",
        _refresh("NEW.contact_id"),
    ),
    "contact_details_search_delete": (
        "AFTER DELETE ON contact_details WHEN OLD.kind IN ('email', 'phone')",
        _refresh("OLD.contact_id"),
    ),
    "contact_details_search_update": (
        "AFTER UPDATE OF contact_id, kind, value ON contact_details",
        _refresh("OLD.contact_id") + "\n" + _refresh("NEW.contact_id"),
    ),
}


def _reindex(emails: str, phones: str) -> None:
    op.execute(
        f"""UPDATE search_index SET
                email = (SELECT {emails} FROM contacts AS c
                         JOIN search_docs AS s ON s.record_id = c.id
                         WHERE s.rowid = search_index.rowid),
                phone = (SELECT {phones} FROM contacts AS c
                         JOIN search_docs AS s ON s.record_id = c.id
                         WHERE s.rowid = search_index.rowid)
            WHERE rowid IN (SELECT s.rowid FROM search_docs AS s
                            JOIN contact_details AS d ON d.contact_id = s.record_id)"""
    )


def upgrade() -> None:
    for statement in _contact_triggers(email_text("NEW"), phone_text("NEW")):
        op.execute(statement)
    for name, (when, body) in DETAIL_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN\n{body}\nEND")
    _reindex(email_text("c"), phone_text("c"))


def downgrade() -> None:
    for name in DETAIL_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in _contact_triggers(OLD_EMAILS.format(t="NEW"), OLD_PHONES.format(t="NEW")):
        op.execute(statement)
    _reindex(OLD_EMAILS.format(t="c"), OLD_PHONES.format(t="c"))
