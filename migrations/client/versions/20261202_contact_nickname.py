"""contact nickname and vCard UID; search finds a contact by every name part it has

``contacts.nickname`` holds what vCard NICKNAME and CSV "Nickname" columns
carry (it went to the notes before). ``contacts.vcard_uid`` keeps the UID of
the card a contact was imported from, so a re-import updates it instead of
adding it again. The search index's ``name`` text of a contact now holds its
display name, first name, last name and nickname: a card whose FN differs
from its N was not found by its last name (issue 22).

Revision ID: 20261202_contact_nickname
Revises: 20261202_deal_currency
Create Date: 2026-12-02 07:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_contact_nickname"
down_revision: str | None = "20261202_deal_currency"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONTACT_PHONE = "trim(coalesce(NEW.phone, '') || ' ' || coalesce(NEW.mobile, ''))"
# A name part already in the display name (as whole words) is not repeated.
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


def _triggers(name_text: str, columns: str) -> list[str]:
    return [
        "DROP TRIGGER IF EXISTS contacts_search_insert",
        "DROP TRIGGER IF EXISTS contacts_search_update",
        f"""CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
            INSERT INTO search_docs(entity, record_id) VALUES ('contact', NEW.id);
            INSERT INTO search_index(rowid, kind, name, company, email, phone)
            VALUES ((SELECT rowid FROM search_docs WHERE record_id = NEW.id), 'contact',
                    {name_text}, (SELECT name FROM accounts WHERE id = NEW.account_id),
                    NEW.email, {CONTACT_PHONE});
        END""",
        f"""CREATE TRIGGER contacts_search_update
        AFTER UPDATE OF {columns} ON contacts BEGIN
            UPDATE search_index SET
                name = {name_text},
                company = (SELECT name FROM accounts WHERE id = NEW.account_id),
                email = NEW.email,
                phone = {CONTACT_PHONE}
            WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = NEW.id);
        END""",
    ]


def _reindex_names(name_text: str) -> None:
    op.execute(
        f"""UPDATE search_index SET name = (
                SELECT {name_text.format(t="c")} FROM contacts AS c
                JOIN search_docs AS d ON d.record_id = c.id
                WHERE d.rowid = search_index.rowid)
            WHERE rowid IN (SELECT rowid FROM search_docs WHERE entity = 'contact')"""
    )


def upgrade() -> None:
    # Plain ALTER TABLE, not a batch copy: the search triggers refer to contacts.
    op.add_column("contacts", sa.Column("nickname", sa.String(length=100), nullable=True))
    op.add_column("contacts", sa.Column("vcard_uid", sa.String(length=255), nullable=True))
    op.create_index(op.f("ix_contacts_vcard_uid"), "contacts", ["vcard_uid"], unique=False)
    columns = "display_name, first_name, last_name, nickname, email, phone, mobile, account_id"
    for statement in _triggers(ALL_NAMES.format(t="NEW"), columns):
        op.execute(statement)
    _reindex_names(ALL_NAMES)


def downgrade() -> None:
    for statement in _triggers(
        "NEW.display_name", "display_name, email, phone, mobile, account_id"
    ):
        op.execute(statement)
    _reindex_names("{t}.display_name")
    op.drop_index(op.f("ix_contacts_vcard_uid"), table_name="contacts")
    # SQLite 3.35+ drops a column in place (the triggers no longer name it).
    op.execute("ALTER TABLE contacts DROP COLUMN vcard_uid")
    op.execute("ALTER TABLE contacts DROP COLUMN nickname")
