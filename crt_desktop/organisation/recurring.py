"""Drivers that recur across teams: notes that say nearly the same thing, grouped.

Grouping runs in three passes so that it stays quick on an organisation's whole database:
1. each note's text is normalised (case, accents, punctuation and spacing ignored), and notes
   with the same normalised text fall together at once;
2. texts equal but for their spaces are joined; other distinct texts are compared only with
   texts that share one of their less common words (a word used by very many texts says
   nothing about likeness);
3. pairs whose RapidFuzz score reaches the threshold are joined, and joined texts form one
   group (a union-find), so "Too many meetings" and "too many meetings!!" and "So many
   meetings" end up together.

Groups the user made (merged, split, named) are kept apart from this: a note in a stored group
stays in it, and only the other notes are grouped automatically.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz, process

# Two texts this alike (0–100) say the same thing.
THRESHOLD = 85
# A word shared by more distinct texts than this is too common to suggest likeness.
COMMON = 400
_NOT_WORD = re.compile(r"[^\w]+")

NoteKey = tuple[int, str]  # (session id, note id)


@dataclass(frozen=True, slots=True)
class DriverNote:
    """What grouping needs of a note: where it is and what it says."""

    session_id: int
    note_id: str
    team: str
    column: str
    text: str

    @property
    def key(self) -> NoteKey:
        return (self.session_id, self.note_id)


@dataclass(frozen=True)
class DriverGroup:
    """Notes that say nearly the same thing. `group_id` is set for a stored group."""

    notes: tuple[DriverNote, ...]
    name: str = ""
    group_id: int | None = None

    @cached_property
    def label(self) -> str:
        """The group's name, or the words most of its notes use."""
        if self.name:
            return self.name
        if not self.notes:
            return ""
        common = Counter(normalised(n.text) for n in self.notes).most_common(1)[0][0]
        forms = Counter(
            " ".join(n.text.split()) for n in self.notes if normalised(n.text) == common
        )
        return min(forms, key=lambda f: (-forms[f], f))

    @cached_property
    def teams(self) -> int:
        return len({n.team.casefold() for n in self.notes})

    @cached_property
    def sessions(self) -> int:
        return len({n.session_id for n in self.notes})

    def by_column(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for n in self.notes:
            counts[n.column] += 1
        return dict(counts)


def normalised(text: str) -> str:
    """The text as grouping compares it: no case, accents, punctuation or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", bare).replace("_", " ").split())


# ratio catches the same words spelt nearly alike, token_sort_ratio the same words in another
# order ("meetings, too many").
_SCORERS = (fuzz.ratio, fuzz.token_sort_ratio)


class _Sets:
    """Union-find over the indices 0..n-1."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _blocks(texts: Sequence[str]) -> list[list[int]]:
    """Sets of texts worth comparing: those sharing a word, unless the word is too common to
    suggest likeness (found in more than COMMON distinct texts)."""
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        for word in set(text.split()):
            if len(word) >= 3:
                by_word[word].append(i)
    return [m for m in by_word.values() if 2 <= len(m) <= COMMON]


def cluster_texts(texts: Sequence[str]) -> list[list[int]]:
    """Indices of alike normalised texts, grouped (each text in exactly one group).

    Within a block each text is compared with the block's first text of each group found so
    far (one RapidFuzz call against all of them, in C), not with every other text: a text alike
    to a group's first is joined to it, any other starts a group of its own. Blocks overlap, so
    groups found in different blocks still meet."""
    sets = _Sets(len(texts))
    # Texts equal but for their spaces ("too man ymeetings") are one text: a slip at a
    # word's edge changes the words, so comparing by word would miss it.
    spaceless: dict[str, int] = {}
    for i, text in enumerate(texts):
        sets.join(i, spaceless.setdefault(text.replace(" ", ""), i))
    for members in _blocks(texts):
        leaders: list[int] = []
        leader_texts: list[str] = []
        for i in members:
            match = None
            for scorer in _SCORERS:
                found = process.extractOne(
                    texts[i], leader_texts, scorer=scorer, score_cutoff=THRESHOLD
                )
                if found is not None:
                    match = leaders[found[2]]
                    break
            if match is None:
                leaders.append(i)
                leader_texts.append(texts[i])
            else:
                sets.join(i, match)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(texts)):
        groups[sets.find(i)].append(i)
    return list(groups.values())


def automatic_groups(notes: Iterable[DriverNote]) -> list[tuple[DriverNote, ...]]:
    """Every note in one group of alike notes (a note alike to none is a group of one)."""
    by_text: dict[str, list[DriverNote]] = defaultdict(list)
    seen: dict[str, str] = {}  # the same words are typed in many rooms: normalise each once
    for note in notes:
        text = seen.get(note.text)
        if text is None:
            text = seen[note.text] = normalised(note.text)
        if text:
            by_text[text].append(note)
    texts = list(by_text)
    return [
        tuple(n for i in indices for n in by_text[texts[i]]) for indices in cluster_texts(texts)
    ]


@dataclass(frozen=True)
class StoredGroup:
    """A group the user made or named, as storage keeps it."""

    group_id: int
    name: str
    members: frozenset[NoteKey]


class RecurringDrivers:
    """The groups to show: stored groups as the user left them, then automatic groups without
    the notes the user placed, keeping those that span at least `min_teams` teams, most teams
    first.

    Grouping every note is the slow part; it is done once, here. After the user merges, splits
    or names a group, `shown` only redoes the automatic groups that lost a note to it."""

    def __init__(self, notes: Iterable[DriverNote], *, min_teams: int = 2) -> None:
        self.notes = {n.key: n for n in notes}
        self.min_teams = min_teams
        # Only groups spanning enough teams can ever show: placing notes elsewhere only
        # takes notes away from a group.
        self._automatic = [
            group
            for group in map(DriverGroup, automatic_groups(self.notes.values()))
            if group.teams >= min_teams
        ]
        self._group_of = {n.key: i for i, g in enumerate(self._automatic) for n in g.notes}

    def shown(self, stored: Sequence[StoredGroup]) -> list[DriverGroup]:
        placed: set[NoteKey] = set()
        shown: list[DriverGroup] = []
        for group in stored:
            members = tuple(self.notes[k] for k in sorted(group.members) if k in self.notes)
            placed.update(group.members)
            if members:
                shown.append(DriverGroup(members, group.name, group.group_id))
        touched = {self._group_of[k] for k in placed if k in self._group_of}
        found = [
            DriverGroup(tuple(n for n in g.notes if n.key not in placed)) if i in touched else g
            for i, g in enumerate(self._automatic)
        ]
        found = [g for g in found if g.notes and g.teams >= self.min_teams]
        found.sort(key=lambda g: (-g.teams, -g.sessions, g.notes[0].key))
        return shown + found
