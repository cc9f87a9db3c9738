"""``contactdesk report NAME``: run a report and print it as a table, CSV or JSON."""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date

from contactdesk.cli.output import print_json, print_table
from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.errors import ContactDeskError
from contactdesk.locale_text import day_text, output_locale
from contactdesk.reports.cell_text import cell_text
from contactdesk.reports.report_export import report_as_data
from contactdesk.reports.report_params import ReportParams
from contactdesk.reports.report_registry import report_names, report_spec, run_report
from contactdesk.reports.report_result import ReportResult
from contactdesk.segments.saved_segments import open_segment
from contactdesk.services.actor import Actor
from contactdesk.services.directory import find_user

FORMATS = ("table", "csv", "json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help=" | ".join(report_names()))
    add_store_option(parser)
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="first day (YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="last day (YYYY-MM-DD)")
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.add_argument("--segment", metavar="NAME", help="only contacts of this saved segment")
    reader = parser.add_mutually_exclusive_group()
    reader.add_argument("--as", dest="role", metavar="ROLE", help="run as this role sees the data")
    reader.add_argument(
        "--user", metavar="NAME", help="run as this user sees the data (field rules and scope)"
    )
    parser.add_argument(
        "--territory", metavar="T", help="forecast: only this territory ('mine': the user's own)"
    )
    parser.add_argument("--search", default="", help="win-stories: text to look for")
    parser.add_argument("--industry", help="win-stories: only this industry")
    parser.add_argument("--product", help="win-stories: only this product")


def _date(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ContactDeskError(f"{option} {text!r} is not a date (use YYYY-MM-DD)") from None


def run(args: argparse.Namespace) -> int:
    spec = report_spec(args.name)
    date_from, date_to = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    default_from, default_to = spec.default_range(date_to or date.today())
    store = open_existing_store(args)
    try:
        user = find_user(store, args.user) if args.user else None
        actor = user.actor() if user else Actor.for_role(args.role) if args.role else Actor.system()
        territory = args.territory
        if territory == "mine":
            if user is None or user.territory is None:
                raise ContactDeskError(
                    "--territory mine needs --user NAME, a user with a territory"
                )
            territory = user.territory
        segment = open_segment(store, args.segment) if args.segment else None
        params = ReportParams(
            date_from or default_from,
            date_to or default_to,
            segment=segment.definition if segment else None,
            segment_name=segment.name if segment else None,
            search=args.search,
            industry=args.industry,
            product=args.product,
            territory=territory,
        )
        result = run_report(store, actor, spec.name, params)
    finally:
        store.close()
    _print(result, args.format)
    return 0


def _print(result: ReportResult, output: str) -> None:
    if output == "json":
        print_json(report_as_data(result))
        return
    if output == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow([column.key for column in result.columns])
        for row in result.rows:
            writer.writerow(["" if row.get(c.key) is None else row[c.key] for c in result.columns])
        return
    locale = output_locale()
    since, until = day_text(result.date_from, locale), day_text(result.date_to, locale)
    print(f"{result.title}, {since} to {until}")
    print(result.contract_note)
    for note in result.table.notes:
        print(note)
    labels = [column.label for column in result.columns]
    print_table(
        [
            {
                column.label: cell_text(column, row.get(column.key), currency=result.currency)
                for column in result.columns
            }
            for row in result.rows
        ],
        labels,
    )
