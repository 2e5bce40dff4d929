#!/usr/bin/env python3
"""check-doc-links.py: every relative link in the project's documents points at a file or folder.

Checks README.md, docs/*.md and results/README.md (paths relative to the project root, found from
this script's place in build/). A link is a Markdown inline link `[text](target)` or a reference
definition `[label]: target`, outside fenced code blocks and inline code spans. Links with a
scheme (https:, mailto:, ...) and links to an anchor in the same document (`#...`) are skipped; of
the others the part before `#` or `?` must name an existing file or folder, resolved from the
linking document's folder, and must stay inside the project. Anchors themselves are not checked.

Exit status 0 when every link resolves, 1 when any does not (each broken link listed on stderr as
`file:line: target`), 2 when a document to check is missing.

Usage: python3 build/check-doc-links.py
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ["README.md", "docs/*.md", "results/README.md"]

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def documents():
    """The documents to check, in a stable order; exits 2 when a named one is missing."""
    found = []
    for pattern in DOCUMENTS:
        matches = sorted(ROOT.glob(pattern))
        if not matches:
            print(f"check-doc-links: no document matches {pattern} under {ROOT}", file=sys.stderr)
            sys.exit(2)
        found.extend(matches)
    return found


def links(text):
    """(line number, target) of every link outside code."""
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        plain = CODE_SPAN.sub("", line)
        for match in INLINE_LINK.finditer(plain):
            yield number, match.group(1)
        definition = REFERENCE_DEF.match(plain)
        if definition:
            yield number, definition.group(1)


def broken(document, target):
    """Why target, linked from document, does not resolve; None when it does or is not checked."""
    if target.startswith("#") or SCHEME.match(target):
        return None
    path = re.split(r"[#?]", target, maxsplit=1)[0]
    if not path:
        return None
    resolved = (document.parent / path).resolve()
    if ROOT != resolved and ROOT not in resolved.parents:
        return "points outside the project"
    if not resolved.exists():
        return "no such file or folder"
    return None


def main():
    problems = []
    checked = 0
    for document in documents():
        for number, target in links(document.read_text(encoding="utf-8")):
            checked += 1
            why = broken(document, target)
            if why:
                problems.append(f"{document.relative_to(ROOT)}:{number}: {target} ({why})")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"check-doc-links: {len(problems)} broken of {checked} links", file=sys.stderr)
        return 1
    print(f"check-doc-links: {checked} links, all resolve")
    return 0


if __name__ == "__main__":
    sys.exit(main())
