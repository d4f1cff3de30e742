#!/usr/bin/env python3
"""Keeps the code shown in README.md and docs/**/*.md identical to compiled files.

A documentation block is written as

    <!-- snippet: examples/demo.cpp#modele-2017 -->
    ```cpp
    ...
    ```

and the region between the two `// [docs:modele-2017]` marker lines of examples/demo.cpp
replaces the block's body (`# [docs:name]` in CMake and shell files). Since the examples and
the consumer projects of tests/ are built and run by the test suite, the docs show only code
that compiles.

    tools/gen_snippets.py           rewrite the docs in place
    tools/gen_snippets.py --check   exit 1 with a diff when a doc is stale
"""
import difflib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MARKER = re.compile(r"<!-- snippet: (?P<file>[^#\s]+)#(?P<name>[\w-]+) -->")


def region(path: str, name: str, doc: pathlib.Path) -> list:
    source = (ROOT / path).read_text(encoding="utf-8").splitlines()
    # `// [docs:name]` in C++, `# [docs:name]` in CMake and shell files.
    markers = (f"// [docs:{name}]", f"# [docs:{name}]")
    marker = markers[0] if path.endswith((".cpp", ".hpp")) else markers[1]
    at = [i for i, line in enumerate(source) if line.strip() == marker]
    if len(at) != 2:
        sys.exit(f"{doc.relative_to(ROOT)}: {path} has {len(at)} '{marker}' lines, expected 2")
    lines = source[at[0] + 1 : at[1]]
    indent = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
    return [l[indent:] for l in lines]


def render(doc: pathlib.Path) -> str:
    """Replaces the body of each fenced block that follows a snippet marker."""
    lines = doc.read_text(encoding="utf-8").split("\n")
    out = []
    i = 0
    while i < len(lines):
        out.append(lines[i])
        m = MARKER.fullmatch(lines[i].strip())
        i += 1
        if not m:
            continue
        if i >= len(lines) or not lines[i].startswith("```"):
            sys.exit(f"{doc.relative_to(ROOT)}:{i}: a snippet marker must be followed by a ``` fence")
        out.append(lines[i])
        i += 1
        while i < len(lines) and lines[i] != "```":
            i += 1
        if i == len(lines):
            sys.exit(f"{doc.relative_to(ROOT)}: unclosed fence after snippet {m.group('name')}")
        out.extend(region(m.group("file"), m.group("name"), doc))
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def main() -> int:
    check = "--check" in sys.argv[1:]
    stale = 0
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        old = doc.read_text(encoding="utf-8")
        new = render(doc)
        if new == old:
            continue
        if check:
            stale += 1
            rel = str(doc.relative_to(ROOT))
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), rel, rel + " (regenerated)"))
        else:
            doc.write_text(new, encoding="utf-8")
    if stale:
        print(f"\n{stale} doc(s) out of date: run python3 tools/gen_snippets.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
