#!/usr/bin/env python3
"""Check that every static_assert message naming a rule is the rule catalogue's text.

A static_assert message must be a string literal in C++20, so it cannot be computed from
`catalogue_regles` (include/caqes/droit/regle.hpp): it is a copy, and this check keeps the
copy exact. A message that names `CAQES-Ennn` must read

    CAQES-Ennn: <title> (<source>)[; <hint>]; see docs/diagnostics.md#caqes-ennn

where <title> and <source> are the catalogue's for that id, byte for byte; the optional hint
says how to fix the mistake (for example "name a politique_transition"). Every
static_assert of the given files is read, so a message with a mistyped id is reported too.

    python3 tools/check_messages.py [FILE_OR_DIR ...]   default: include/

Exit status: 0 when every message agrees, 1 otherwise (each disagreement listed).
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_diagnostics  # noqa: E402  (the catalogue parser lives there)

ROOT = gen_diagnostics.ROOT
STRING_LIT = gen_diagnostics.STRING_LIT
# static_assert( condition , "message" "continued" ) ; the condition may hold parentheses and
# string literals, so the message is the run of literals just before the closing ");".
STATIC_ASSERT_RE = re.compile(
    rf'static_assert\s*\(((?:[^;"]|{STRING_LIT})*?),\s*((?:{STRING_LIT}\s*)+)\)\s*;', re.S)
# A check on a constructor's arguments cannot be a static_assert (they are no constants there):
# `part` and `tolerance` (include/caqes/evaluation/part.hpp, tolerance.hpp) give clang their message by diagnose_if and g++ by
# the template argument of detail::regle_enfreinte. Both are read like a static_assert's.
ARGUMENT_RE = re.compile(
    rf'(?:diagnose_if\s*\([^;"]*?,\s*|regle_enfreinte\s*<\s*)((?:{STRING_LIT}\s*)+)(?:,\s*"error"\s*\)|>)', re.S)
ID_RE = re.compile(r"CAQES-(E\d{3})")
# A test-only rule (ids E120 to E127, docs/howto/ajouter-une-regle.md) has its catalogue row in
# the test header that adds it: `fiche_regle name{id, "CAQES-E12n", "title", "source"};`.
TEST_ROW_RE = re.compile(
    rf'fiche_regle\s+\w+\s*\{{\s*[\w:]+\s*,\s*"CAQES-(E12[0-7])"\s*,\s*((?:{STRING_LIT}\s*)+),\s*((?:{STRING_LIT}\s*)+)\}}')
ANCHOR = "; see docs/diagnostics.md#{low}"


def expected_prefix(entry):
    return f"CAQES-{entry['id']}: {entry['title']} ({entry['source']})"


def check_message(message, by_id):
    """None when the message is right, else what is wrong with it."""
    found = ID_RE.search(message)
    if not found:
        return None  # not a rule's message (an internal invariant)
    rule = found.group(1)
    entry = by_id.get(rule)
    if entry is None:
        return f"CAQES-{rule} is not in catalogue_regles"
    prefix = expected_prefix(entry)
    anchor = ANCHOR.format(low=f"caqes-{rule.lower()}")
    if not message.startswith(prefix):
        return f"does not start with the catalogue's text\n      expected: {prefix}\n      found:    {message}"
    if not message.endswith(anchor):
        return f"does not end with its anchor '{anchor[2:]}'\n      found: {message}"
    middle = message[len(prefix):len(message) - len(anchor)]
    if middle and (not middle.startswith("; ") or len(middle) < 3):
        return f"text between the catalogue's and the anchor is not a '; <hint>': '{middle}'"
    return None


def messages(path):
    text = path.read_text(encoding="utf-8")
    for match in STATIC_ASSERT_RE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        yield line, gen_diagnostics.join_literals(match.group(2))
    for match in ARGUMENT_RE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        yield line, gen_diagnostics.join_literals(match.group(1))


def files(arguments):
    for argument in arguments:
        path = Path(argument)
        if not path.is_absolute():
            path = ROOT / path
        if path.is_dir():
            yield from sorted(path.rglob("*.hpp"))
        else:
            yield path


def main(argv):
    by_id = {entry["id"]: entry for entry in gen_diagnostics.parse_catalogue()}
    paths = list(files(argv or ["include"]))
    for path in paths:
        for row in TEST_ROW_RE.finditer(path.read_text(encoding="utf-8")):
            by_id[row.group(1)] = {"id": row.group(1), "title": gen_diagnostics.join_literals(row.group(2)),
                                   "source": gen_diagnostics.join_literals(row.group(3))}
    problems = []
    checked = 0
    for path in paths:
        for line, message in messages(path):
            if not ID_RE.search(message):
                continue
            checked += 1
            problem = check_message(message, by_id)
            if problem:
                problems.append(f"{path}:{line}: {problem}")
    if problems:
        print("static_assert messages that differ from the rule catalogue (include/caqes/droit/regle.hpp):")
        print("\n".join(f"  {p}" for p in problems))
        return 1
    if checked == 0:
        print("no static_assert message names a rule: the files or the pattern are wrong")
        return 1
    print(f"{checked} static_assert messages agree with the rule catalogue")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
