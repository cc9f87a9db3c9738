"""Duplicate contacts: finding candidates, merging without loss, undoing a merge.

Public API::

    find_duplicate_candidates(store, actor, *, limit, progress, cancelled) -> CandidateReport
    compare_contacts(store, actor, first_id, second_id) -> list[FieldPair]
    merge_contacts(store, actor, survivor_id, absorbed_id, picks) -> MergeResult
    unmerge_contacts(store, actor, merge_id)
"""

from contactdesk.duplicates.candidate_finding import (
    CandidateReport,
    DuplicateCandidate,
    find_duplicate_candidates,
)
from contactdesk.duplicates.contact_merge import (
    ABSORBED,
    SURVIVOR,
    MergeResult,
    merge_contacts,
    unmerge_contacts,
)
from contactdesk.duplicates.side_by_side import FieldPair, compare_contacts

__all__ = [
    "ABSORBED",
    "SURVIVOR",
    "CandidateReport",
    "DuplicateCandidate",
    "FieldPair",
    "MergeResult",
    "compare_contacts",
    "find_duplicate_candidates",
    "merge_contacts",
    "unmerge_contacts",
]
