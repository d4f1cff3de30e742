#!/usr/bin/env python3
"""Generate docs/diagnostics.md from the rule catalogue and the build-failure tests.

Every tests/compile_fail/Ennn_<slug>.fail.cpp starts with

    // CAQES-Ennn: <short title>
    // Article: <article citation>
    // Meaning: <text, continued on following lines that start with "// ">

then a blank line and the code; Ennn_<slug>.ok.cpp is the fixed version. The page
shows, per id, the meaning, both files and what g++ and clang++ actually print, so
a user can search it with the text of their own compiler error.

The page has one entry per id of `catalogue_regles` (include/caqes/droit/regle.hpp).
Ids without a compile-fail pair are the run-time-only rules: their entry gives the
catalogue title and source, how the violation is reported, and an example line
taken from examples/demo.expected when it has one. The generator fails (exit 1)
when the two drift apart: a pair whose id, title or article is not the
catalogue's, or a catalogue id left without a pair although a header enforces it
with a static_assert (it would wrongly be listed as run time only).

    python3 tools/gen_diagnostics.py           rewrite docs/diagnostics.md
    python3 tools/gen_diagnostics.py --check   exit 1 with a diff if it is stale,
                                               77 if the compilers differ from the
                                               recorded ones (CTest skip)

Environment: CAQES_GXX, CAQES_CLANGXX (compiler commands, default g++ and clang++),
CAQES_DIAG_FLAGS (extra compiler flags, shell syntax).
"""

import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES_DIR = Path("tests/compile_fail")
DOC = Path("docs/diagnostics.md")
CATALOGUE = Path("include/caqes/droit/regle.hpp")
HEADERS_DIR = Path("include")
DEMO_EXPECTED = Path("examples/demo.expected")
MAX_OUTPUT_LINES = 30
SKIP = 77

# Boost lives in the default include path on Debian, so the output matches a CMake build.
BASE_FLAGS = ["-std=c++20", "-fsyntax-only", "-I", "include"]

# Markers for the recorded compiler versions; --check reads them back.
VERSION_MARKER = {"gxx": "- g++: `", "clang": "- clang: `"}

HEADER_RE = re.compile(r"^// CAQES-(E\d{3}): (.+)$")
ARTICLE_RE = re.compile(r"^// Article: (.+)$")
MEANING_RE = re.compile(r"^// Meaning: (.+)$")
SYSTEM_PATH_RE = re.compile(r"/usr/[^\s:'\"()<>,]+")
ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# One C++ string literal, and a run of adjacent ones (the compiler concatenates them).
STRING_LIT = r'"(?:[^"\\\n]|\\.)*"'
STRINGS = rf"((?:{STRING_LIT}\s*)+)"
CATALOGUE_ENTRY_RE = re.compile(
    rf'\{{\s*regle::(\w+)\s*,\s*"CAQES-(E\d{{3}})"\s*,\s*{STRINGS},\s*{STRINGS}\}}')
CATALOGUE_START = "catalogue_regles = std::to_array<fiche_regle>({"
STATIC_ASSERT_ID_RE = re.compile(r'static_assert\s*\((?:[^;"]|"(?:[^"\\\n]|\\.)*")*?"CAQES-(E\d{3})')


class CaseError(Exception):
    pass


def compilers():
    """(key, label, command, flag that disables colour) for each compiler."""
    return [
        ("gxx", "g++", os.environ.get("CAQES_GXX", "g++"), "-fno-diagnostics-color"),
        ("clang", "clang", os.environ.get("CAQES_CLANGXX", "clang++"), "-fno-color-diagnostics"),
    ]


def compiler_env():
    # The C locale makes g++ quote with plain ASCII instead of typographic quotes.
    env = dict(os.environ)
    env["LC_ALL"] = "C"
    return env


def strip_header(lines):
    """Drop the leading comment block and the blank lines after it."""
    i = 0
    while i < len(lines) and lines[i].startswith("//"):
        i += 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    return "\n".join(lines[i:]).rstrip() + "\n"


def parse_case(fail_path):
    name = fail_path.name
    case_id = name[:4]
    lines = (ROOT / fail_path).read_text(encoding="utf-8").splitlines()
    if len(lines) < 3:
        raise CaseError(f"{fail_path}: header comment is incomplete")
    header = HEADER_RE.match(lines[0])
    article = ARTICLE_RE.match(lines[1])
    meaning = MEANING_RE.match(lines[2])
    if not (header and article and meaning):
        raise CaseError(f"{fail_path}: the first three lines must be "
                        "'// CAQES-Ennn: ...', '// Article: ...', '// Meaning: ...'")
    if header.group(1) != case_id:
        raise CaseError(f"{fail_path}: header names CAQES-{header.group(1)}, file name says {case_id}")
    meaning_lines = [meaning.group(1)]
    for line in lines[3:]:
        # "// Location: ..." is what the first error block must name (check_compile.cmake).
        if not line.startswith("// ") or line.startswith("// Location: "):
            break
        meaning_lines.append(line[3:])
    ok_path = fail_path.with_name(name.replace(".fail.cpp", ".ok.cpp"))
    if not (ROOT / ok_path).exists():
        raise CaseError(f"{fail_path}: missing twin {ok_path.name}")
    ok_lines = (ROOT / ok_path).read_text(encoding="utf-8").splitlines()
    return {
        "id": case_id,
        "title": header.group(2).strip(),
        "article": article.group(1).strip(),
        "meaning": " ".join(part.strip() for part in meaning_lines),
        "path": fail_path,
        "broken": strip_header(lines),
        "fixed": strip_header(ok_lines),
    }


def system_include_dirs(command):
    """The compiler's own search directories, longest first, as printed by -v."""
    result = subprocess.run(
        [command, "-x", "c++", "-std=c++20", "-E", "-v", "-"],
        input="", capture_output=True, text=True, cwd=ROOT, env=compiler_env())
    dirs, inside = [], False
    for line in result.stderr.splitlines():
        if line.startswith("#include <...> search starts here:"):
            inside = True
        elif line.startswith("End of search list."):
            break
        elif inside:
            dirs.append(line.strip().split(" (")[0])
    dirs += [os.path.normpath(d) for d in dirs]
    return sorted(set(dirs), key=len, reverse=True)


def normalise(output, include_dirs):
    """Remove everything that depends on the machine rather than on the code."""
    output = ANSI_RE.sub("", output)
    output = output.replace(str(ROOT) + os.sep, "")

    def system_path(match):
        path = match.group(0)
        for candidate in (path, os.path.normpath(path)):
            for directory in include_dirs:
                if candidate.startswith(directory + "/"):
                    return "<system>/" + candidate[len(directory) + 1:]
        return "<system>/" + os.path.basename(path)

    output = SYSTEM_PATH_RE.sub(system_path, output)
    lines = output.rstrip().splitlines()
    if len(lines) > MAX_OUTPUT_LINES:
        dropped = len(lines) - MAX_OUTPUT_LINES
        lines = lines[:MAX_OUTPUT_LINES] + [f"[... {dropped} more lines not shown]"]
    return "\n".join(lines) + "\n" if lines else ""


def compile_output(command, colour_flag, include_dirs, source):
    extra = shlex.split(os.environ.get("CAQES_DIAG_FLAGS", ""))
    result = subprocess.run(
        [command, *BASE_FLAGS, colour_flag, *extra, str(source)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        cwd=ROOT, env=compiler_env())
    if result.returncode == 0:
        return "(no diagnostic: this compiler accepted the code)\n"
    return normalise(result.stdout, include_dirs)


def version_line(command):
    result = subprocess.run([command, "--version"], capture_output=True, text=True,
                            env=compiler_env())
    if result.returncode != 0 or not result.stdout:
        raise CaseError(f"cannot run '{command} --version'")
    return result.stdout.splitlines()[0].strip()


def major(version):
    found = re.search(r"(\d+)\.\d+", version)
    return found.group(1) if found else None


def recorded_versions(text):
    versions = {}
    for line in text.splitlines():
        for key, marker in VERSION_MARKER.items():
            if line.startswith(marker) and line.endswith("`"):
                versions[key] = line[len(marker):-1]
    return versions


def render_case(case):
    out = [
        f"## CAQES-{case['id']}: {case['title']}",
        "",
        f"**Article:** {case['article']}",
        "",
        f"**Meaning:** {case['meaning']}",
        "",
        "### Broken code",
        "",
        f"`{case['path'].as_posix()}`",
        "",
        "```cpp",
        case["broken"].rstrip("\n"),
        "```",
        "",
        "### Fixed code",
        "",
        "```cpp",
        case["fixed"].rstrip("\n"),
        "```",
    ]
    for key, label, _, _ in compilers():
        out += ["", f"### {label} output", "", "```text",
                case["output"][key].rstrip("\n"), "```"]
    return out


READERS = {
    "csv": "the CSV reader (`caqes::csv::lire_rapports`, `caqes::csv::read_file`)",
    "grille": "the grid reader (`caqes::json::lire_grille`, `caqes::json::lire_grille_fichier`, `caqes check`)",
    "valeurs": "the JSON Lines reader (`caqes::json::lire_rapports_jsonl`, `caqes evaluate`)",
    "lot": "the batch's block validator (`caqes::colonnes::validateur_lot::ajouter`)",
}


def reporter(enum):
    """Who reports a run-time rule: the file readers (include/caqes/io/csv*.hpp,
    include/caqes/io/json/grille*.hpp, include/caqes/io/json/valeurs.hpp) when only they use
    it, else `validate`."""
    pattern = re.compile(rf"regle::{enum}\b")
    users = {path.name for path in (ROOT / HEADERS_DIR).rglob("*.hpp")
             if path.name != CATALOGUE.name and pattern.search(path.read_text(encoding="utf-8"))}
    readers = [text for prefix, text in READERS.items() if any(name.startswith(prefix) for name in users)]
    if not users or not all(any(name.startswith(prefix) for prefix in READERS) for name in users):
        return "`caqes::validate(...)` returns"
    return " and ".join(readers) + (" report" if len(readers) > 1 else " reports")


def render_run_time(entry):
    out = [
        f"## CAQES-{entry['id']}: {entry['title']}",
        "",
        "**Run time only:** no compile-time check exists for this rule, so no compiler",
        "prints this id.",
        "",
        f"**Article:** {entry['source']}",
        "",
        f"**Meaning:** {entry['title']}.",
        "",
        f"**How it is reported:** {reporter(entry['enum'])} a `caqes::violation`",
        f"whose `id` is `caqes::regle::{entry['enum']}`, with `lieu` (where: a field",
        "or an index path) and `detail` (the offending values). `caqes::texte(v)`",
        "prints it as `CAQES-Ennn [lieu]: title (article): detail`.",
    ]
    if entry["example"]:
        out += ["", f"### Example (from `{DEMO_EXPECTED.as_posix()}`)", "",
                "```text", entry["example"], "```"]
    return out


def render(cases, run_time_only, versions):
    out = [
        "# Diagnostics",
        "",
        "Every rule caqes enforces has an id of the form `CAQES-Ennn`. When caqes",
        "rejects code at compile time, the compiler error contains the id (for example",
        "in a `static_assert` message); at run time, `caqes::validate(...)` returns",
        "`caqes::violation`s carrying the same id. Each id has a section below: search",
        "this page for the id, or for a phrase from your compiler's message, or jump to",
        "`#caqes-ennn`. For a compile-time rule the section gives the rule behind the",
        "error, a minimal program that triggers it, the corrected program, and what g++",
        "and clang print for it. A rule marked *run time only* has no compile-time",
        "check; its section says how the violation is reported.",
        "",
        "This page is generated by `tools/gen_diagnostics.py` from the rule catalogue",
        "(`catalogue_regles` in `include/caqes/droit/regle.hpp`) and the build-failure",
        "tests in `tests/compile_fail/`; do not edit it by hand. The test",
        "`docs.diagnostics_current` fails when it is out of date. Compiler output was",
        "recorded with:",
        "",
    ]
    for key, _, _, _ in compilers():
        out.append(f"{VERSION_MARKER[key]}{versions[key]}`")
    entries = sorted([("case", case) for case in cases] + [("run", entry) for entry in run_time_only],
                     key=lambda item: item[1]["id"])
    out += ["", "## Contents", ""]
    if not entries:
        out.append("No diagnostics are defined yet.")
    out.append("- [CAQES-E000: no rule](#caqes-e000) (not a rule)")
    for kind, entry in entries:
        suffix = " (run time only)" if kind == "run" else ""
        out.append(f"- [CAQES-{entry['id']}: {entry['title']}](#caqes-{entry['id'].lower()}){suffix}")
    out += ["", '<a id="caqes-e000"></a>', "", "## CAQES-E000: no rule", "",
            "**Not a rule:** no check reports it. It is the id of `caqes::fiche_aucune`, the",
            "entry `caqes::fiche(r)` returns for `caqes::regle::aucune` (a result that",
            "carries no violation) and for an id with no catalogue entry, so that such a value",
            "is never printed under another rule's id (`include/caqes/droit/regle.hpp`)."]
    for kind, entry in entries:
        out += ["", f'<a id="caqes-{entry["id"].lower()}"></a>', ""]
        out += render_case(entry) if kind == "case" else render_run_time(entry)
    return "\n".join(out) + "\n"


def join_literals(text):
    """The value of adjacent C++ string literals (only the escapes the catalogue may use)."""
    parts = re.findall(STRING_LIT, text)
    return "".join(re.sub(r'\\(["\\\'])', r"\1", part[1:-1]) for part in parts)


def parse_catalogue():
    """The catalogue_regles entries, in order: id, enumerator, title, source."""
    text = (ROOT / CATALOGUE).read_text(encoding="utf-8")
    start = text.find(CATALOGUE_START)
    end = text.find("});", start)
    if start < 0 or end < 0:
        raise CaseError(f"{CATALOGUE}: cannot find '{CATALOGUE_START} ... }});'")
    entries = [{"id": m.group(2), "enum": m.group(1),
                "title": join_literals(m.group(3)), "source": join_literals(m.group(4))}
               for m in CATALOGUE_ENTRY_RE.finditer(text, start, end)]
    rows = text.count("{regle::", start, end)
    if len(entries) != rows:
        raise CaseError(f"{CATALOGUE}: parsed {len(entries)} catalogue entries out of {rows} rows; "
                        'an entry is not of the form {regle::name, "CAQES-Ennn", "title", "source"}')
    ids = [entry["id"] for entry in entries]
    if len(set(ids)) != len(ids):
        raise CaseError(f"{CATALOGUE}: an id appears twice in catalogue_regles")
    return entries


def header_files():
    return sorted((ROOT / HEADERS_DIR).rglob("*.hpp"))


def static_assert_ids():
    """{id: first header that names it in a static_assert message}."""
    found = {}
    for path in header_files():
        for match in STATIC_ASSERT_ID_RE.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(match.group(1), path.relative_to(ROOT))
    return found


def demo_example(case_id):
    """The first line of examples/demo.expected that caqes::decrire printed for this id."""
    path = ROOT / DEMO_EXPECTED
    if not path.exists():
        return None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith(f"CAQES-{case_id} "):
            return line.strip()
    return None


def check_against_catalogue(cases, catalogue):
    """Fail when the pairs and the catalogue drift apart; return the run-time-only entries."""
    by_id = {entry["id"]: entry for entry in catalogue}
    problems = []
    for case in cases:
        entry = by_id.get(case["id"])
        if entry is None:
            problems.append(f"{case['path']}: CAQES-{case['id']} is not in catalogue_regles ({CATALOGUE})")
            continue
        if case["title"] != entry["title"]:
            problems.append(f"{case['path']}: title '{case['title']}' differs from the catalogue's "
                            f"'{entry['title']}'")
        if case["article"] != entry["source"]:
            problems.append(f"{case['path']}: article '{case['article']}' differs from the catalogue's "
                            f"source '{entry['source']}'")
    with_pair = {case["id"] for case in cases}
    asserted = static_assert_ids()
    run_time_only = []
    for entry in catalogue:
        if entry["id"] in with_pair:
            continue
        if entry["id"] in asserted:
            problems.append(f"CAQES-{entry['id']} is checked by a static_assert in {asserted[entry['id']]} "
                            f"but has no {CASES_DIR}/{entry['id']}_<slug>.fail.cpp pair, so it cannot be "
                            "listed as run time only: add the pair")
            continue
        run_time_only.append({**entry, "example": demo_example(entry["id"])})
    if problems:
        raise CaseError("the diagnostics and the rule catalogue disagree:\n  " + "\n  ".join(problems))
    return run_time_only


def collect_cases():
    cases = [parse_case(path.relative_to(ROOT))
             for path in sorted((ROOT / CASES_DIR).glob("E[0-9][0-9][0-9]_*.fail.cpp"))]
    seen = {}
    for case in cases:
        if case["id"] in seen:
            raise CaseError(f"CAQES-{case['id']} is used by both {seen[case['id']]} and {case['path']}")
        seen[case["id"]] = case["path"]
    run_time_only = check_against_catalogue(cases, parse_catalogue())
    for case in cases:
        case["output"] = {}
    for key, _, command, colour_flag in compilers():
        include_dirs = system_include_dirs(command)
        for case in cases:
            case["output"][key] = compile_output(command, colour_flag, include_dirs, case["path"])
    return cases, run_time_only


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 with a diff if the page is stale")
    args = parser.parse_args()

    try:
        installed = {key: version_line(command) for key, _, command, _ in compilers()}
        doc_path = ROOT / DOC
        if args.check:
            if not doc_path.exists():
                print(f"{DOC} does not exist; run python3 tools/gen_diagnostics.py")
                return 1
            current = doc_path.read_text(encoding="utf-8")
            recorded = recorded_versions(current)
            for key, label, _, _ in compilers():
                if major(recorded.get(key, "")) != major(installed[key]):
                    print(f"SKIP: {DOC} was recorded with {label} '{recorded.get(key)}', "
                          f"installed is '{installed[key]}'; its output may legitimately differ")
                    return SKIP
            # Same major versions: a minor version bump alone must not fail the check,
            # so the recorded version lines are kept and only the content is compared.
            expected = render(*collect_cases(), recorded)
            if expected == current:
                print(f"{DOC} is up to date")
                return 0
            sys.stdout.writelines(difflib.unified_diff(
                current.splitlines(keepends=True), expected.splitlines(keepends=True),
                fromfile=f"{DOC} (committed)", tofile=f"{DOC} (regenerated)"))
            print(f"\n{DOC} is stale: run python3 tools/gen_diagnostics.py and commit the result")
            return 1
        doc_path.parent.mkdir(parents=True, exist_ok=True)
        doc_path.write_text(render(*collect_cases(), installed), encoding="utf-8")
        print(f"wrote {DOC}")
        return 0
    except (CaseError, OSError) as error:
        print(f"gen_diagnostics.py: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
