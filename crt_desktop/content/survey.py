"""The team survey (surveys.toml): a few 1-to-5 agreement statements, and its results worked out
from a session's anonymous tallies (how many chose each answer, never who)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from crt_desktop.domain.session import KEY_PART, SURVEY_STAGES, Session, survey_key, tally

from .fields import ContentError, read_toml, unique_keys
from .shapes import SurveyFile, convert

STAGE_TITLES = {"pre": "Before", "mid": "Midway", "post": "After"}
SCALE = 5


@dataclass(frozen=True)
class Question:
    key: str
    text: str


@dataclass(frozen=True)
class Survey:
    questions: tuple[Question, ...]
    # The answer labels for 1 to SCALE, in order.
    answers: tuple[str, ...]

    @property
    def answer_keys(self) -> tuple[str, ...]:
        return tuple(str(n) for n in range(1, len(self.answers) + 1))


@dataclass(frozen=True)
class Result:
    """How one stage's answers to one question came out: counts per answer, never per person."""

    counts: tuple[int, ...]  # for answers 1..SCALE

    @property
    def people(self) -> int:
        return sum(self.counts)

    @property
    def average(self) -> float | None:
        if not self.people:
            return None
        return sum(n * c for n, c in enumerate(self.counts, start=1)) / self.people

    @property
    def agree(self) -> int:
        """How many chose one of the top two answers (agree or strongly agree)."""
        return sum(self.counts[-2:])


def parse_survey(data: dict[str, object], file: str) -> Survey:
    f = convert(dict(data), SurveyFile, file)
    if len(f.answers) != SCALE:
        raise ContentError(f"{file}: field 'answers' must list {SCALE} answers, from 1 to {SCALE}.")
    for i, q in enumerate(f.questions):
        if not KEY_PART.fullmatch(q.key):
            raise ContentError(
                f"{file}: field 'questions[{i}].key' may hold only letters, digits, _ and - "
                "(64 at most)."
            )
    questions = tuple(Question(key=q.key, text=q.text) for q in f.questions)
    unique_keys(file, "questions", [q.key for q in questions], "questions")
    return Survey(questions=questions, answers=tuple(f.answers))


def load_survey(root: Traversable | None = None) -> Survey:
    root = root or resources.files(__package__)
    return parse_survey(read_toml(root / "surveys.toml", "surveys.toml"), "surveys.toml")


@cache
def survey() -> Survey:
    """The packaged survey, loaded once."""
    return load_survey()


def result(session: Session, stage: str, question: str, answers: int = SCALE) -> Result:
    counts = tuple(
        tally(session, survey_key(stage, question, str(n))) for n in range(1, answers + 1)
    )
    return Result(counts)


def stages_with_answers(session: Session, chosen: Survey | None = None) -> tuple[str, ...]:
    """The stages (pre, mid, post in order) for which any answer was entered."""
    chosen = chosen or survey()
    return tuple(
        stage
        for stage in SURVEY_STAGES
        if any(result(session, stage, q.key).people for q in chosen.questions)
    )


__all__ = [
    "STAGE_TITLES",
    "ContentError",
    "Question",
    "Result",
    "Survey",
    "load_survey",
    "parse_survey",
    "result",
    "stages_with_answers",
    "survey",
]
