"""The built-in fields of each entity: type, label, limits. The source of FieldDefinitions.

Custom fields live as FieldDefinition rows; built-in ones are declared here once and
seeded into the store so that rules can refer to both the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from contactdesk.model import (
    Account,
    Activity,
    Campaign,
    Collateral,
    Contact,
    Intel,
    LaunchBrief,
    Lead,
    Opportunity,
    Target,
)
from contactdesk.model.base import Base
from contactdesk.model.marketing import CHANNELS, COLLATERAL_KINDS
from contactdesk.model.selling import (
    ACTIVITY_KINDS,
    INTEL_KINDS,
    LEAD_STATUSES,
    MARKET_TOPICS,
    ORIGINS,
    TARGET_LEVELS,
    TARGET_METRICS,
    TARGET_PERIODS,
)
from contactdesk.services.currency_codes import CURRENCY_CODES

FIELD_TYPES = (
    "text",
    "longtext",
    "email",
    "phone",
    "url",
    "number",
    "integer",
    "money",
    "date",
    "datetime",
    "boolean",
    "choice",
    "multi_choice",
    "reference",
    "stage",
    "list",
    # A list of funnel stage ids (given as names or ids): renaming a stage keeps the links.
    "stage_list",
)
CUSTOM_FIELD_TYPES = ("text", "number", "money", "date", "boolean", "choice", "multi_choice")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    type: str = "text"
    required: bool = False
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    # For references: the entity whose id the field holds ("user", "account", ...).
    target: str | None = None
    # System fields are maintained by the services, never written by a caller.
    system: bool = False


@dataclass(frozen=True)
class EntitySpec:
    name: str
    label: str
    model: type[Base]
    fields: tuple[FieldSpec, ...]
    order_by: str
    title_field: str
    owner_field: str | None = None
    by_name: dict[str, FieldSpec] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        self.by_name.update({spec.name: spec for spec in self.fields})


def _text(name: str, label: str, length: int = 200, required: bool = False) -> FieldSpec:
    return FieldSpec(name, label, "text", required=required, max_length=length)


def _ref(name: str, label: str, target: str, required: bool = False) -> FieldSpec:
    return FieldSpec(name, label, "reference", required=required, target=target)


def _long(name: str, label: str) -> FieldSpec:
    return FieldSpec(name, label, "longtext", max_length=20_000)


CONTACT = EntitySpec(
    "contact",
    "Contact",
    Contact,
    (
        _text("display_name", "Name", required=True),
        _text("first_name", "First name", 100),
        _text("last_name", "Last name", 100),
        _text("nickname", "Nickname", 100),
        _ref("account_id", "Company", "account"),
        _text("title", "Title", 120),
        FieldSpec("email", "Email", "email", max_length=254),
        FieldSpec("phone", "Phone", "phone", max_length=40),
        FieldSpec("mobile", "Mobile", "phone", max_length=40),
        _text("street", "Street"),
        _text("city", "City", 100),
        _text("region", "Region", 100),
        _text("postcode", "Postcode", 20),
        _text("country", "Country", 80),
        FieldSpec("birthday", "Birthday", "date"),
        _text("enquiry_source", "Enquiry source", 80),
        _ref("owner_id", "Owner", "user"),
        _long("notes", "Notes"),
    ),
    order_by="sort_key",
    title_field="display_name",
    owner_field="owner_id",
)

ACCOUNT = EntitySpec(
    "account",
    "Account",
    Account,
    (
        _text("name", "Name", required=True),
        _text("industry", "Industry", 80),
        FieldSpec("employees", "Employees", "integer"),
        _text("region", "Region", 80),
        _text("territory", "Territory", 80),
        _text("country", "Country", 80),
        FieldSpec("website", "Website", "url", max_length=300),
        FieldSpec("phone", "Phone", "phone", max_length=40),
        _ref("owner_id", "Account owner", "user"),
        _ref("after_sale_owner_id", "After-sale owner", "user"),
        FieldSpec("keep_in_touch_days", "Keep in touch every (days)", "integer"),
        FieldSpec("market_share", "Market share (%)", "number"),
        _long("notes", "Notes"),
    ),
    order_by="name",
    title_field="name",
    owner_field="owner_id",
)

LEAD = EntitySpec(
    "lead",
    "Lead",
    Lead,
    (
        _ref("contact_id", "Contact", "contact", required=True),
        _ref("campaign_id", "Campaign", "campaign"),
        _text("source", "Enquiry source", 80),
        FieldSpec("score", "Score", "number"),
        FieldSpec("score_fit", "Score: fit", "number"),
        FieldSpec("score_engagement", "Score: engagement", "number"),
        FieldSpec("score_history", "Score: sales history", "number"),
        _ref("owner_id", "Sales rep", "user"),
        FieldSpec("status", "Status", "choice", choices=LEAD_STATUSES),
        FieldSpec("handed_off_at", "Handed off", "datetime"),
        FieldSpec("follow_up_due_at", "Follow up by", "datetime"),
        FieldSpec("first_follow_up_at", "First follow-up", "datetime"),
        FieldSpec("accepted_at", "Accepted", "datetime"),
        FieldSpec("rejected_at", "Rejected", "datetime"),
        _text("rejection_reason", "Rejection reason", 80),
        _long("rejection_note", "Rejection note"),
        FieldSpec("quality", "Quality (1-5)", "integer"),
    ),
    order_by="created_at",
    title_field="source",
    owner_field="owner_id",
)

OPPORTUNITY = EntitySpec(
    "opportunity",
    "Opportunity",
    Opportunity,
    (
        _text("name", "Name", required=True),
        _ref("account_id", "Account", "account"),
        _ref("contact_id", "Contact", "contact"),
        _ref("lead_id", "Lead", "lead"),
        _ref("campaign_id", "Campaign", "campaign"),
        FieldSpec("stage_id", "Stage", "stage", required=True, target="funnel_stage"),
        FieldSpec("amount", "Amount", "money"),
        FieldSpec("margin", "Margin", "money"),
        FieldSpec("currency", "Currency", "choice", choices=CURRENCY_CODES),
        FieldSpec("expected_close", "Expected close", "date"),
        FieldSpec("origin", "Origin", "choice", choices=ORIGINS),
        _ref("owner_id", "Owner", "user"),
        _text("product", "Product", 80),
        _text("territory", "Territory", 80),
        FieldSpec("closed_at", "Closed", "datetime"),
        _text("lost_reason", "Lost reason"),
        _text("competitor", "Competitor", 120),
    ),
    order_by="name",
    title_field="name",
    owner_field="owner_id",
)

ACTIVITY = EntitySpec(
    "activity",
    "Activity",
    Activity,
    (
        FieldSpec("kind", "Kind", "choice", required=True, choices=ACTIVITY_KINDS),
        _text("subject", "Subject", required=True),
        _ref("contact_id", "Contact", "contact"),
        _ref("account_id", "Account", "account"),
        _ref("opportunity_id", "Opportunity", "opportunity"),
        _ref("lead_id", "Lead", "lead"),
        _ref("owner_id", "Owner", "user"),
        FieldSpec("due_at", "Due", "datetime"),
        FieldSpec("duration_minutes", "Duration (minutes)", "integer"),
        FieldSpec("done_at", "Done", "datetime"),
        _text("outcome", "Outcome", 80),
        _long("notes", "Notes"),
        _text("close_reason", "Close reason"),
    ),
    order_by="due_at",
    title_field="subject",
    owner_field="owner_id",
)

CAMPAIGN = EntitySpec(
    "campaign",
    "Campaign",
    Campaign,
    (
        _text("name", "Name", required=True),
        FieldSpec("channel", "Channel", "choice", required=True, choices=CHANNELS),
        _text("product", "Product", 80),
        _ref("segment_id", "Target segment", "segment"),
        FieldSpec("starts_on", "Starts", "date", required=True),
        FieldSpec("ends_on", "Ends", "date", required=True),
        FieldSpec("budget", "Budget", "money"),
        FieldSpec("spend", "Spend to date", "money"),
        FieldSpec("expected_leads", "Expected leads", "integer"),
        _ref("owner_id", "Owner", "user"),
    ),
    order_by="starts_on",
    title_field="name",
)

INTEL = EntitySpec(
    "intel",
    "Field intel",
    Intel,
    (
        FieldSpec("kind", "Kind", "choice", required=True, choices=INTEL_KINDS),
        _text("tag", "Tag", 80),
        _long("text", "Text"),
        _ref("contact_id", "Contact", "contact"),
        _ref("account_id", "Account", "account"),
        _ref("opportunity_id", "Opportunity", "opportunity"),
        _ref("activity_id", "Activity", "activity"),
        FieldSpec("stage_id", "Stage", "stage", target="funnel_stage"),
        _text("product", "Product", 80),
        _ref("author_id", "Logged by", "user"),
        FieldSpec("topic", "Market note about", "choice", choices=MARKET_TOPICS),
    ),
    order_by="created_at",
    title_field="tag",
    owner_field="author_id",
)

COLLATERAL = EntitySpec(
    "collateral",
    "Collateral",
    Collateral,
    (
        _text("title", "Title", required=True),
        FieldSpec("kind", "Kind", "choice", required=True, choices=COLLATERAL_KINDS),
        FieldSpec("url", "Link", "url", max_length=500),
        _text("file_name", "File name"),
        _text("file_mime", "File type", 80),
        _long("value_points", "Value points"),
        FieldSpec("products", "Products", "list"),
        FieldSpec("industries", "Industries", "list"),
        FieldSpec("stages", "Funnel stages", "stage_list"),
    ),
    order_by="title",
    title_field="title",
)

LAUNCH_BRIEF = EntitySpec(
    "launch_brief",
    "Launch brief",
    LaunchBrief,
    (
        _text("title", "Title", required=True),
        _text("product", "Product", 80),
        _ref("campaign_id", "Campaign", "campaign"),
        _long("audience", "Who it benefits"),
        _long("what_it_does", "What it does"),
        _long("value", "Saves time, money or pain"),
        _long("proof", "Proof"),
        _long("differentiators", "Differentiators"),
        _long("table_stakes", "Table stakes"),
        FieldSpec("collateral_ids", "Collateral", "list"),
        FieldSpec("starts_on", "Starts", "date"),
    ),
    order_by="title",
    title_field="title",
)

TARGET = EntitySpec(
    "target",
    "Target",
    Target,
    (
        FieldSpec("metric", "Outcome", "choice", required=True, choices=TARGET_METRICS),
        FieldSpec("period", "Period", "choice", required=True, choices=TARGET_PERIODS),
        FieldSpec("starts_on", "Period starts", "date", required=True),
        FieldSpec("level", "For", "choice", required=True, choices=TARGET_LEVELS),
        _ref("user_id", "Sales rep", "user"),
        _text("team", "Team", 80),
        _text("territory", "Territory", 80),
        FieldSpec("value", "Target", "number", required=True),
        _long("notes", "Notes"),
    ),
    order_by="starts_on",
    title_field="metric",
)

ENTITIES: dict[str, EntitySpec] = {
    spec.name: spec
    for spec in (
        CONTACT,
        ACCOUNT,
        LEAD,
        OPPORTUNITY,
        ACTIVITY,
        CAMPAIGN,
        INTEL,
        COLLATERAL,
        LAUNCH_BRIEF,
        TARGET,
    )
}

# Entities whose fields admins govern in the rule matrix and that take custom fields.
GOVERNED_ENTITIES = ("contact", "account", "lead", "opportunity", "activity", "campaign")


def entity_spec(name: str) -> EntitySpec:
    """The spec of an entity by name; raises KeyError naming the known ones."""
    try:
        return ENTITIES[name]
    except KeyError:
        known = ", ".join(sorted(ENTITIES))
        raise KeyError(f"unknown entity {name!r} (known: {known})") from None
