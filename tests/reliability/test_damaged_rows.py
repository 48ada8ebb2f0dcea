"""A database damaged inside: bytes of page 1 overwritten (seeded, at random), or one stored
value spoilt in a row that SQLite's own check passes. `sessions`, `new`, `export` and the GUI's
session list each give one sentence that says what can still be saved, and the file is left
byte for byte as it was."""

from __future__ import annotations

import random
import re
import sqlite3
from pathlib import Path

import pytest

from crt_desktop.__main__ import main
from crt_desktop.content import content
from crt_desktop.export.interchange import board_from_json
from crt_desktop.storage.database import open_database

from .test_damaged_storage import folder_state

SESSION_FILE = """{
  "format": "crt-desktop-session", "version": 1,
  "session": {"team": "Night shift", "section": 4, "held_on": "2026-11-20",
              "template": "control-board", "components": ["handout"]},
  "notes": [
    {"text": "Charting after hours", "kind": "fatigue", "level": "system",
     "column": "leadership_controls", "votes": 3, "leader_added": false,
     "response": {"status": "this_year", "reason": "Budget review",
                  "updates": [{"on": "2027-01-10", "text": "Scribes trialled"}]}},
    {"text": "Peer support huddles", "kind": "resilience", "level": "team",
     "column": "i_control", "votes": 1, "leader_added": false}
  ]
}"""

# One stored value per row kind that SQLite's quick check cannot see as wrong, and what the
# test writes over it (the statement runs with CHECK constraints ignored, as damage would).
SPOILT = {
    "session date": "UPDATE sessions SET held_on = 'banana' WHERE id = 1",
    "session created_at": "UPDATE sessions SET created_at = 'last week' WHERE id = 1",
    "session components": "UPDATE sessions SET components = '[\"a\",' WHERE id = 1",
    "note timestamp": "UPDATE notes SET updated_at = '2026-13-45T99:00' WHERE session_id = 1",
    "response status": "UPDATE responses SET status = 'maybe' WHERE session_id = 1",
    "update date": "UPDATE progress_updates SET given_on = '20/11/2026' WHERE session_id = 1",
    "team not UTF-8": "UPDATE sessions SET team = CAST(X'4e69c367' AS TEXT) WHERE id = 1",
    "note text not UTF-8": "UPDATE notes SET text = CAST(X'ff21' AS TEXT) WHERE session_id = 1",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(scope="module")
def good_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two sessions, each with a response and a progress update, the log merged in."""
    path = tmp_path_factory.mktemp("good") / "crt.db"
    with open_database(path) as database:
        for _ in range(2):
            database.store.save_board(board_from_json(SESSION_FILE, content()))
    return path


def spoilt(good: Path, folder: Path, statement: str) -> Path:
    db = folder / "crt.db"
    db.write_bytes(good.read_bytes())
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA ignore_check_constraints = ON")
    assert connection.execute(statement).rowcount >= 1
    connection.commit()
    assert connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    connection.close()
    return db


def assert_sentence(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err and "Error" not in err, err
    return lines[0]


@pytest.mark.parametrize("name", list(SPOILT))
def test_a_spoilt_value_names_what_still_reads(capsys, good_db, tmp_path, name):
    """Each spoilt column: `sessions` and `export` of the damaged session say it is damaged and
    that session 2 still reads; exporting session 2 works; the file is unchanged."""
    db = spoilt(good_db, tmp_path, SPOILT[name])
    before = folder_state(tmp_path)
    out_file = tmp_path.parent / f"{tmp_path.name}-1.json"
    status, _out, err = run(capsys, "export", "1", "--json", str(out_file), "--db", str(db))
    sentence = assert_sentence(err)
    assert status == 1 and not out_file.exists()
    assert "damaged" in sentence and "session 2 still reads" in sentence
    status, out, err = run(capsys, "sessions", "--db", str(db))
    if status == 1:  # the damage is in what the list shows: the rest is listed, then the sentence
        assert "session 1 cannot be read" in assert_sentence(err)
        assert [line.split()[0] for line in out.splitlines()[1:]] == ["2"]
    else:
        assert (status, err) == (0, "") and len(out.splitlines()) == 3
    saved = tmp_path.parent / f"{tmp_path.name}-2.json"
    status, _out, err = run(capsys, "export", "2", "--json", str(saved), "--db", str(db))
    assert (status, err) == (0, "")
    assert "Charting after hours" in saved.read_text(encoding="utf-8")
    assert folder_state(tmp_path) == before


def corrupt_page_one(good: Path, folder: Path, seed: int, *, anywhere: bool = False) -> Path:
    """Eight random bytes written over the schema (page 1, and the pages the schema grew into
    as tables were added: wherever its CREATE statements are), or anywhere past the header."""
    data = bytearray(good.read_bytes())
    rng = random.Random(seed)
    if anywhere:
        offset = rng.randrange(100, len(data) - 8)
    else:
        schema = [m.start() for m in re.finditer(rb"CREATE (TABLE|INDEX)", bytes(data))]
        offset = rng.randrange(min(schema), max(schema) + 64)
    data[offset : offset + 8] = rng.randbytes(8)
    db = folder / "crt.db"
    db.write_bytes(bytes(data))
    return db


SEEDS = [*range(24), *(pytest.param(s, marks=pytest.mark.slow) for s in range(24, 224))]


@pytest.mark.parametrize("anywhere", [False, True], ids=["page 1", "any page"])
@pytest.mark.parametrize("seed", SEEDS)
def test_random_damage_is_one_sentence(capsys, good_db, tmp_path, seed, anywhere):
    """Eight random bytes in page 1 (the schema) or in any page: every command either works or
    says in one sentence that the database is damaged and what can be saved; nothing is
    changed."""
    db = corrupt_page_one(good_db, tmp_path, seed, anywhere=anywhere)
    before = folder_state(tmp_path)
    out_file = tmp_path.parent / f"{tmp_path.name}.json"
    for argv in (
        ("sessions",),
        ("export", "1", "--json", str(out_file)),
        ("new", "--team", "T", "--section", "4"),
    ):
        status, _out, err = run(capsys, *argv, "--db", str(db))
        if status != 0:
            sentence = assert_sentence(err)
            assert status == 1 and str(db) in sentence, sentence
            if "damaged" in sentence:
                assert "still read" in sentence or "can be read" in sentence, sentence
        if argv[0] != "new" or status != 0:
            assert folder_state(tmp_path) == before, argv


def test_the_quick_seeds_include_the_check_crashing(good_db, tmp_path):
    """Some of the quick suite's page-1 seeds make SQLite's own check report text that is not
    UTF-8: the damage that once crashed every command is among those tested."""
    crashing = []
    for seed in range(24):
        folder = tmp_path / str(seed)
        folder.mkdir()
        connection = sqlite3.connect(corrupt_page_one(good_db, folder, seed))
        try:
            connection.execute("PRAGMA quick_check").fetchall()
        except UnicodeDecodeError:
            crashing.append(seed)
        except sqlite3.DatabaseError:
            pass
        finally:
            connection.close()
    assert crashing


def test_the_session_list_shows_the_sentence_and_what_reads(qtbot, good_db, tmp_path, monkeypatch):
    """The GUI's session list on a spoilt date: the readable session listed, the damaged one
    named in one message, no traceback."""
    from crt_desktop.views import session_picker
    from crt_desktop.views.session_picker import SessionPicker

    told: list[str] = []
    monkeypatch.setattr(session_picker, "warn", lambda _parent, _title, text: told.append(text))
    db = spoilt(good_db, tmp_path, SPOILT["session date"])
    with open_database(db) as database:
        titles = {s.number: s.title for s in content().sections}
        picker = SessionPicker(
            database.store, titles, lambda n: content().section(n).template, lambda _id: None
        )
        qtbot.addWidget(picker)
        assert picker.model.rowCount() == 1
        assert picker.model.session_at(0).id == 2
        assert len(told) == 1 and "session 1 cannot be read" in told[0]
        assert "session 2 still reads" in told[0]
