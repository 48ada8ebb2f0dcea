"""Builds the organisation window's services from an open database: the storage reader, the
CSV writer and the team charts, with export failures turned into the window's one error."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from crt_desktop.content import Content
from crt_desktop.export.organisation_csv import write_items_csv
from crt_desktop.export.pdf.files import ExportError
from crt_desktop.organisation.items import OrgItem
from crt_desktop.organisation.recurring import DriverGroup
from crt_desktop.organisation.source import ExportFailed, OrganisationServices
from crt_desktop.organisation.teams import SessionStanding
from crt_desktop.storage.organisation import OrganisationStore


def organisation_services(engine: Engine, content: Content) -> OrganisationServices:
    def write_csv(
        items: Sequence[OrgItem],
        path: Path,
        today: date,
        weeks: int,
        group_of: Callable[[OrgItem], str],
    ) -> Path:
        try:
            return write_items_csv(items, path, today, weeks=weeks, group_of=group_of)
        except ExportError as exc:
            raise ExportFailed(str(exc)) from exc

    # ReportLab's graphics load when a team's charts are first drawn, not with the window.
    def team_svg(sessions: Sequence[SessionStanding]) -> str:
        from crt_desktop.export.organisation_charts import team_svg

        return team_svg(sessions)

    def describe_team(sessions: Sequence[SessionStanding]) -> list[str]:
        from crt_desktop.export.organisation_charts import describe

        return describe(sessions)

    def write_pdf(
        items: Sequence[OrgItem],
        drivers: Sequence[DriverGroup],
        teams: dict[str, list[SessionStanding]],
        path: Path,
        today: date,
        weeks: int,
        progress: Callable[[int, int], None],
    ) -> Path:
        from crt_desktop.export.organisation_pdf import OrganisationReport, write_organisation_pdf
        from crt_desktop.export.pdf.paper import paper_for_locale

        report = OrganisationReport(items, drivers, teams, today, weeks)
        try:
            return write_organisation_pdf(
                report, path, pagesize=paper_for_locale(), progress=progress
            )
        except ExportError as exc:
            raise ExportFailed(str(exc)) from exc

    return OrganisationServices(
        source=OrganisationStore(engine, content.templates),
        write_csv=write_csv,
        team_svg=team_svg,
        describe_team=describe_team,
        write_pdf=write_pdf,
    )


def column_titles(content: Content) -> dict[str, str]:
    """Column key → title, over every board layout (the first layout's title wins)."""
    titles: dict[str, str] = {}
    for template in content.templates.values():
        for column in template.columns:
            titles.setdefault(column.key, column.title)
    return titles
