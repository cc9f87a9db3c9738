"""Companies and the people in them."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, LargeBinary, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from contactdesk.model.base import Base, RecordMixin


class Account(RecordMixin, Base):
    __tablename__ = "accounts"
    __table_args__ = (
        Index("ix_accounts_name_id", "name", "id"),
        # Segments filter companies by industry; ``id`` makes the lookup covering.
        Index("ix_accounts_industry_id", "industry", "id"),
    )

    name: Mapped[str] = mapped_column(String(200))
    industry: Mapped[str | None] = mapped_column(String(80))
    employees: Mapped[int | None] = mapped_column(Integer)
    region: Mapped[str | None] = mapped_column(String(80))
    territory: Mapped[str | None] = mapped_column(String(80))
    country: Mapped[str | None] = mapped_column(String(80))
    website: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))
    owner_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("users.id"), index=True)
    after_sale_owner_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("users.id"))
    keep_in_touch_days: Mapped[int | None] = mapped_column(Integer)
    market_share: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str | None] = mapped_column(Text)


class Contact(RecordMixin, Base):
    __tablename__ = "contacts"
    __table_args__ = (
        Index("ix_contacts_sort_key_id", "sort_key", "id"),
        Index("ix_contacts_owner_sort", "owner_id", "sort_key", "id"),
        # Segments by buyer title (and company): a covering index for their counts.
        Index("ix_contacts_title_account", "title", "account_id", "id"),
    )

    account_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    first_name: Mapped[str | None] = mapped_column(String(100))
    last_name: Mapped[str | None] = mapped_column(String(100))
    nickname: Mapped[str | None] = mapped_column(String(100))
    display_name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(40), index=True)
    mobile: Mapped[str | None] = mapped_column(String(40))
    street: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str | None] = mapped_column(String(100))
    region: Mapped[str | None] = mapped_column(String(100))
    postcode: Mapped[str | None] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(80))
    birthday: Mapped[date | None] = mapped_column(Date)
    enquiry_source: Mapped[str | None] = mapped_column(String(80))
    owner_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("users.id"))
    notes: Mapped[str | None] = mapped_column(Text)
    # Lower-cased "last first" so the list sorts by an index, not per query.
    sort_key: Mapped[str] = mapped_column(String(220))
    # The UID of the vCard this contact was imported from: a re-import finds it by this.
    vcard_uid: Mapped[str | None] = mapped_column(String(255), index=True)


class ContactDetail(RecordMixin, Base):
    """An extra email, phone, address or URL of a contact, with its label."""

    __tablename__ = "contact_details"

    contact_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(12))
    label: Mapped[str | None] = mapped_column(String(60))
    value: Mapped[str] = mapped_column(Text)


class ContactPhoto(Base):
    __tablename__ = "contact_photos"

    contact_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    mime_type: Mapped[str] = mapped_column(String(60))
    data: Mapped[bytes] = mapped_column(LargeBinary)
