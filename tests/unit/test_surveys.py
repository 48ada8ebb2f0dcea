"""The team survey: its statements load, and results come only from anonymous counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from crt_desktop.content import ContentError
from crt_desktop.content.lint import ROOM_LINE
from crt_desktop.content.survey import load_survey, result, stages_with_answers, survey
from crt_desktop.domain.session import Session, check_tally_key, survey_key, with_tally


def session() -> Session:
    return Session("Outpatient nursing", 2, date(2027, 1, 5), "wellness-compass")


def test_the_survey_has_a_few_short_statements_and_five_answers():
    """Four to eight statements, each fits a projector line, each key makes a valid tally key."""
    s = survey()
    assert 4 <= len(s.questions) <= 8
    assert len(s.answers) == 5 and s.answer_keys == ("1", "2", "3", "4", "5")
    for q in s.questions:
        assert len(q.text) <= ROOM_LINE
        check_tally_key(survey_key("pre", q.key, "5"))
    assert len({q.key for q in s.questions}) == len(s.questions)


def test_results_count_per_answer_with_average_and_agreement():
    """Counts per answer give the number of people, the average and how many agree."""
    s = session()
    for answer, count in (("2", 1), ("4", 3), ("5", 2)):
        s = with_tally(s, survey_key("mid", "refill", answer), count)
    found = result(s, "mid", "refill")
    assert found.counts == (0, 1, 0, 3, 2)
    assert found.people == 6 and found.agree == 5
    assert found.average == pytest.approx((2 + 12 + 10) / 6)
    assert result(s, "pre", "refill").average is None
    assert stages_with_answers(s) == ("mid",)


def test_a_malformed_survey_file_names_the_field(tmp_path: Path):
    """A survey file with a bad key or the wrong number of answers is refused clearly."""
    (tmp_path / "surveys.toml").write_text(
        'answers = ["a", "b", "c", "d", "e"]\n[[questions]]\nkey = "no spaces"\ntext = "x"\n',
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match=r"surveys.toml: field 'questions\[0\].key'"):
        load_survey(tmp_path)  # type: ignore[arg-type]
    (tmp_path / "surveys.toml").write_text(
        'answers = ["yes", "no"]\n[[questions]]\nkey = "k"\ntext = "x"\n', encoding="utf-8"
    )
    with pytest.raises(ContentError, match="must list 5 answers"):
        load_survey(tmp_path)  # type: ignore[arg-type]
