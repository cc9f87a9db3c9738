"""Field intelligence flows back and targets reach the reps: both at the next sync."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from server_process import ServerProcess, new_client

from contactdesk.reports.report_params import ReportParams
from contactdesk.reports.report_registry import run_report
from contactdesk.selling.market_notes import add_market_note
from contactdesk.services import unit_of_work
from contactdesk.services.targets import set_target, targets_on


def test_a_reps_market_note_reaches_marketing_and_marketings_target_reaches_the_rep(
    server: ServerProcess, tmp_path: Path
) -> None:
    today = datetime.now(UTC).date()
    sam = new_client(server, tmp_path / "sam.db", "sam")
    mia = new_client(server, tmp_path / "mia.db", "mia")
    try:
        for client in (sam, mia):
            client.sync()  # the first sync brings the people (and rules) down
        account = unit_of_work.create(
            sam.store, sam.actor, "account", {"name": "Globex", "territory": "North",
                                              "industry": "Energy"}
        ).record_id
        add_market_note(sam.store, sam.actor, topic="price_heard", tag="Rivalsoft",
                        text="Rivalsoft quoted 20% under us", account_id=account)
        set_target(mia.store, mia.actor, metric="won_deals", period="month", day=today,
                   value=3, level="rep", user_id=sam.actor.user_id)
        for client in (sam, mia, sam):
            client.sync()
        result = run_report(mia.store, mia.actor, "field-intel", ReportParams(today, today))
        assert [(r["kind"], r["tag"], r["territory"], r["texts"]) for r in result.rows] == [
            ("Market note: price heard", "Rivalsoft", "North", "Rivalsoft quoted 20% under us")
        ]
        [target] = targets_on(sam.store, sam.actor, today)
        assert (target.metric, target.holder, target.value) == ("won_deals", "sam", 3.0)
    finally:
        sam.close()
        mia.close()
