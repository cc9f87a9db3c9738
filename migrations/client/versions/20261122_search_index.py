"""search index: FTS5 over contact and account name, company, email and phone

Triggers keep the index in step with the tables whatever writes them (services,
sync, bulk loads), so no code path can forget it. ``search_docs`` gives each
indexed record a stable integer rowid: the UUID-keyed tables have none that
survives VACUUM.

Revision ID: 20261122_search
Revises: 20261122_initial
Create Date: 2026-11-22 17:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261122_search"
down_revision: str | None = "20261122_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UPGRADE = [
    """CREATE TABLE search_docs (
        rowid INTEGER PRIMARY KEY,
        entity TEXT NOT NULL,
        record_id CHAR(32) NOT NULL UNIQUE
    )""",
    """CREATE VIRTUAL TABLE search_index USING fts5(
        name, company, email, phone,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
    )""",
    """CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
        INSERT INTO search_docs(entity, record_id) VALUES ('contact', NEW.id);
        INSERT INTO search_index(rowid, name, company, email, phone)
        VALUES ((SELECT rowid FROM search_docs WHERE record_id = NEW.id),
                NEW.display_name,
                (SELECT name FROM accounts WHERE id = NEW.account_id),
                NEW.email,
                trim(coalesce(NEW.phone, '') || ' ' || coalesce(NEW.mobile, '')));
    END""",
    """CREATE TRIGGER contacts_search_update
    AFTER UPDATE OF display_name, email, phone, mobile, account_id ON contacts BEGIN
        UPDATE search_index SET
            name = NEW.display_name,
            company = (SELECT name FROM accounts WHERE id = NEW.account_id),
            email = NEW.email,
            phone = trim(coalesce(NEW.phone, '') || ' ' || coalesce(NEW.mobile, ''))
        WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = NEW.id);
    END""",
    """CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
        DELETE FROM search_index
        WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = OLD.id);
        DELETE FROM search_docs WHERE record_id = OLD.id;
    END""",
    """CREATE TRIGGER accounts_search_insert AFTER INSERT ON accounts BEGIN
        INSERT INTO search_docs(entity, record_id) VALUES ('account', NEW.id);
        INSERT INTO search_index(rowid, name, company, email, phone)
        VALUES ((SELECT rowid FROM search_docs WHERE record_id = NEW.id),
                NEW.name, NEW.name, NULL, NEW.phone);
    END""",
    """CREATE TRIGGER accounts_search_update AFTER UPDATE OF name, phone ON accounts BEGIN
        UPDATE search_index SET name = NEW.name, company = NEW.name, phone = NEW.phone
        WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = NEW.id);
        UPDATE search_index SET company = NEW.name
        WHERE rowid IN (SELECT d.rowid FROM search_docs AS d
                        JOIN contacts AS c ON c.id = d.record_id
                        WHERE c.account_id = NEW.id);
    END""",
    """CREATE TRIGGER accounts_search_delete AFTER DELETE ON accounts BEGIN
        DELETE FROM search_index
        WHERE rowid = (SELECT rowid FROM search_docs WHERE record_id = OLD.id);
        DELETE FROM search_docs WHERE record_id = OLD.id;
    END""",
]

DOWNGRADE = [
    "DROP TRIGGER IF EXISTS accounts_search_delete",
    "DROP TRIGGER IF EXISTS accounts_search_update",
    "DROP TRIGGER IF EXISTS accounts_search_insert",
    "DROP TRIGGER IF EXISTS contacts_search_delete",
    "DROP TRIGGER IF EXISTS contacts_search_update",
    "DROP TRIGGER IF EXISTS contacts_search_insert",
    "DROP TABLE IF EXISTS search_index",
    "DROP TABLE IF EXISTS search_docs",
]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    for statement in DOWNGRADE:
        op.execute(statement)
