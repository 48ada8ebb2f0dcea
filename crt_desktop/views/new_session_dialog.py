"""The form for a new session: team, section, date, facilitation team."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from crt_desktop.domain.validation import ValidationError, clean_name


class NewSessionDialog(QDialog):
    def __init__(
        self,
        section_titles: dict[int, str],
        known_teams: list[str],
        parent: QWidget | None = None,
        *,
        default_section: int = 4,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New session")
        self.team = QLineEdit()
        self.team.setPlaceholderText("e.g. Outpatient nursing")
        self.team.setAccessibleName("Team")
        if known_teams:
            completer = QCompleter(sorted(set(known_teams)), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.team.setCompleter(completer)
        self.section = QComboBox()
        self.section.setAccessibleName("Section")
        for number, title in sorted(section_titles.items()):
            self.section.addItem(f"{number} · {title}", number)
        self.section.setCurrentIndex(max(0, self.section.findData(default_section)))
        self.held_on = QDateEdit(QDate.currentDate())
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.held_on.setAccessibleName("Date")
        self.facilitators = QLineEdit()
        self.facilitators.setPlaceholderText("Optional: who is facilitating, and the leader")
        self.facilitators.setAccessibleName("Facilitation team")
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Start session")
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow("Team", self.team)
        form.addRow("Section", self.section)
        form.addRow("Date", self.held_on)
        form.addRow("Facilitation team", self.facilitators)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.team.setFocus()

    def values(self) -> tuple[str, int, date, str]:
        """The cleaned form values; ValidationError names what to fix."""
        team = clean_name(self.team.text(), "team")
        facilitators = clean_name(self.facilitators.text(), "facilitation team", required=False)
        qdate = self.held_on.date()
        return (
            team,
            int(self.section.currentData()),
            date(qdate.year(), qdate.month(), qdate.day()),
            facilitators,
        )

    def _accept_if_valid(self) -> None:
        try:
            self.values()
        except ValidationError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            self.team.setFocus()
            return
        self.accept()
