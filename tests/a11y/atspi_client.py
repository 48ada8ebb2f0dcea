"""Drives a running CRT Desktop through AT-SPI, the interface screen readers such as Orca use.

Run by the system Python (which has pyatspi): `python3 atspi_client.py PID`. Prints one JSON line
with what it read and did; exits 1 on any failure, with the reason on stderr.
"""

import json
import sys
import time

import pyatspi

COLUMNS = ("Unsorted", "I control", "Leadership controls", "Cannot control")


def wait_for(predicate, timeout=15.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            found = predicate()
            if found:
                return found
        except Exception:  # objects may vanish while being read
            pass
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {predicate.__doc__ or predicate}")


def find_one(root, role, name):
    hits = pyatspi.findAllDescendants(root, lambda a: a.getRole() == role and a.name == name)
    if len(hits) != 1:
        raise AssertionError(f"expected one {pyatspi.Role(role)} named {name!r}, found {len(hits)}")
    return hits[0]


def item_names(accessible):
    return [child.name for child in accessible]


def main(pid):
    def app():
        """the app on the accessibility bus"""
        desktop = pyatspi.Registry.getDesktop(0)
        return next((a for a in desktop if a and a.get_process_id() == pid and a.childCount), None)

    root = wait_for(app)
    columns = {
        name: wait_for(lambda n=name: find_one(root, pyatspi.ROLE_LIST, n)) for name in COLUMNS
    }
    report = {"columns": {name: item_names(lst) for name, lst in columns.items()}}

    entry = find_one(root, pyatspi.ROLE_TEXT, "New note")
    entry.queryEditableText().insertText(0, "Walking meetings", len("Walking meetings"))
    button = find_one(root, pyatspi.ROLE_PUSH_BUTTON, "Add note").queryAction()
    actions = [button.getName(i) for i in range(button.nActions)]
    button.doAction(actions.index("Press"))
    unsorted = columns["Unsorted"]

    def added():
        """the new note in Unsorted"""
        return [n for n in item_names(unsorted) if n.startswith("Walking meetings")]

    report["added"] = wait_for(added)
    report["entry_after"] = entry.queryText().getText(0, -1)
    print(json.dumps(report))


if __name__ == "__main__":
    try:
        main(int(sys.argv[1]))
    except AssertionError as exc:
        print(str(exc), file=sys.stderr)
        sys.exit(1)
