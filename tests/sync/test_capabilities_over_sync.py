"""A role the admin creates on the server and grants "hand off leads": its users hand off
leads on their desktop, the server takes the result, and they can do nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from server_process import PASSWORD, ServerProcess, new_client

from contactdesk.errors import AccessDenied
from contactdesk.marketing.campaigns import add_campaign
from contactdesk.marketing.lead_handoff import find_rep, hand_off_leads
from contactdesk.model.base import utc_now
from contactdesk.segments.saved_segments import save_segment
from contactdesk.services import record_queries, unit_of_work
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.sync.server_client import SyncError

CAMPAIGN = {
    "name": "Spring",
    "channel": "webinar",
    "starts_on": "2026-03-01",
    "ends_on": "2026-03-31",
}


def _growth_role(server: ServerProcess) -> None:
    """Role 'growth': sees everything, edits leads, may hand off leads and nothing else."""
    server.admin_call(
        "POST",
        "/admin/roles",
        {"name": "growth", "label": "Growth", "scope": "all", "capabilities": ["hand_off_leads"]},
    )
    for entity in ("contact", "account", "lead", "campaign"):
        for field in ENTITIES[entity].fields:
            access = "edit" if entity == "lead" else "read"
            rule = {"role": "growth", "entity": entity, "field": field.name, "access": access}
            server.admin_call("PUT", "/admin/rules", rule)
    server.admin_call(
        "POST",
        "/admin/users",
        {"username": "gus", "display_name": "Gus Growth", "role": "growth", "password": PASSWORD},
    )


def test_a_new_role_granted_hand_off_hands_off_leads_through_the_server_and_nothing_else(
    server: ServerProcess, tmp_path: Path
) -> None:
    _growth_role(server)
    admin = new_client(server, tmp_path / "ada.db", "ada")
    admin.sync()
    contact = unit_of_work.create(
        admin.store, admin.actor, "contact", {"display_name": "Lena Lead"}
    ).record_id
    lead = unit_of_work.create(admin.store, admin.actor, "lead", {"contact_id": contact}).record_id
    admin.sync()

    gus = new_client(server, tmp_path / "gus.db", "gus")
    gus.sync()
    report = hand_off_leads(
        gus.store, gus.actor, [lead], utc_now(), to_rep=find_rep(gus.store, "sam"),
        allow_below_threshold=True,
    )  # fmt: skip
    assert [result.owner_id for result in report.handed_off] == [str(server.user_id("sam"))]
    synced = gus.sync()
    assert synced.rejected == 0 and synced.pushed > 0

    sam = new_client(server, tmp_path / "sam.db", "sam")
    sam.sync()
    handed = record_queries.get_record(sam.store, sam.actor, "lead", lead)
    assert handed["status"] == "handed_off"

    with pytest.raises(AccessDenied, match="capability 'run_campaigns'"):
        add_campaign(gus.store, gus.actor, CAMPAIGN)
    with pytest.raises(AccessDenied, match="capability 'edit_segments'"):
        save_segment(gus.store, gus.actor, "Leads", {"root": {"items": []}})
    with pytest.raises(SyncError, match="capability 'administer'"):
        gus.client.call("POST", "/admin/roles", {"name": "mine", "label": "Mine"})
    for client in (admin, gus, sam):
        client.close()
