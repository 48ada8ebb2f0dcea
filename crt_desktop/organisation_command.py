"""`crt-desktop organisation`: every team's leadership items, filtered, as a CSV file, each row
naming the recurring driver its note belongs to."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from crt_desktop.content import content
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus
from crt_desktop.export.organisation_csv import write_items_csv
from crt_desktop.organisation.items import ItemFilter, OrgItem, filtered, sorted_items
from crt_desktop.organisation.recurring import RecurringDrivers
from crt_desktop.storage.database import Database
from crt_desktop.storage.organisation import OrganisationStore


def item_filter(args: argparse.Namespace) -> ItemFilter:
    return ItemFilter(
        teams=frozenset(args.team),
        sections=frozenset(args.section),
        statuses=frozenset(ResponseStatus(s) for s in args.status),
        kinds=frozenset(Kind(k) for k in args.kind),
        levels=frozenset(None if lv == "none" else Level(lv) for lv in args.level),
        held_from=date.fromisoformat(args.held_from) if args.held_from else None,
        held_to=date.fromisoformat(args.held_to) if args.held_to else None,
        overdue_only=args.overdue,
    )


def run_organisation(
    args: argparse.Namespace, database: Database, today: date | None = None
) -> None:
    today = today or date.today()
    store = OrganisationStore(database.engine, content().templates)
    every_item = store.leadership_items()
    items = filtered(every_item, item_filter(args), today, args.weeks)
    drivers = RecurringDrivers(store.driver_notes()).shown(store.stored_groups())
    label = {n.key: g.label for g in drivers for n in g.notes}

    def group_of(item: OrgItem) -> str:
        return label.get(item.key, "")

    ordered = sorted_items(items, "held_on", today)
    print(write_items_csv(ordered, Path(args.csv), today, weeks=args.weeks, group_of=group_of))
    if args.pdf:
        from crt_desktop.export.organisation_pdf import OrganisationReport, write_organisation_pdf
        from crt_desktop.export.pdf.paper import check_paper
        from crt_desktop.organisation.teams import by_team, with_answers

        shown_teams = {i.team for i in items}
        teams = by_team(with_answers(store.standings(), every_item))
        report = OrganisationReport(
            items=ordered,
            drivers=drivers,
            teams={t: s for t, s in teams.items() if t in shown_teams},
            today=today,
            weeks=args.weeks,
            narrowed_by=narrowed_by(args),
        )
        print(write_organisation_pdf(report, Path(args.pdf), pagesize=check_paper(args.paper)))


def narrowed_by(args: argparse.Namespace) -> str:
    """The filters given, in words, for the PDF's first page."""
    parts = []
    if args.team:
        parts.append("teams " + ", ".join(args.team))
    if args.section:
        parts.append("sections " + ", ".join(str(n) for n in args.section))
    if args.status:
        parts.append("status " + ", ".join(ResponseStatus(s).label for s in args.status))
    if args.kind:
        parts.append(", ".join(Kind(k).label for k in args.kind) + " notes")
    if args.level:
        parts.append(
            "level " + ", ".join("none" if lv == "none" else Level(lv).label for lv in args.level)
        )
    if args.held_from or args.held_to:
        parts.append(f"sessions held {args.held_from or '…'} to {args.held_to or '…'}")
    if args.overdue:
        parts.append("overdue items")
    return "; ".join(parts)
