"""The domain model: SQLAlchemy 2 typed mappings for every entity of ContactDesk."""

from contactdesk.model.base import Base, RecordMixin, utc_now
from contactdesk.model.governance import (
    CustomValue,
    FieldDefinition,
    FieldRule,
    FunnelStage,
    Role,
    Setting,
    User,
)
from contactdesk.model.journal import ChangeLog, RemoteChange, RemoteHistoryWanted
from contactdesk.model.marketing import BriefReadiness, Campaign, Collateral, LaunchBrief, Segment
from contactdesk.model.marketing_rules import LeadClockMiss
from contactdesk.model.people import Account, Contact, ContactDetail, ContactPhoto
from contactdesk.model.selling import Activity, Intel, Lead, Opportunity, Target
from contactdesk.model.sync_state import SnapshotSeen, SyncConflict, SyncState
from contactdesk.model.transfer_logs import (
    ImportBatch,
    ImportedRecord,
    ImportSkippedRow,
    MergeRecord,
)

__all__ = [
    "Account",
    "Activity",
    "Base",
    "BriefReadiness",
    "Campaign",
    "ChangeLog",
    "Collateral",
    "Contact",
    "ContactDetail",
    "ContactPhoto",
    "CustomValue",
    "FieldDefinition",
    "FieldRule",
    "FunnelStage",
    "ImportBatch",
    "ImportSkippedRow",
    "ImportedRecord",
    "Intel",
    "LaunchBrief",
    "Lead",
    "LeadClockMiss",
    "MergeRecord",
    "Opportunity",
    "RecordMixin",
    "RemoteChange",
    "RemoteHistoryWanted",
    "Role",
    "Segment",
    "Setting",
    "SnapshotSeen",
    "SyncConflict",
    "SyncState",
    "Target",
    "User",
    "utc_now",
]
