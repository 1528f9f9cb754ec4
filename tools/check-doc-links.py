#!/usr/bin/env python3
"""Checks that every relative link in README.md, ARCHITECTURE.md and docs/*.md names an existing file,
and that a link's #anchor names a heading of the Markdown file it points to (GitHub's anchor rules).

Run from the repository root: python3 tools/check-doc-links.py [--allow docs/x.md ...]
Exit 0 when every link resolves; 1 with one line per broken link otherwise. Files named with --allow
may be missing (pages another branch adds).
"""
import glob
import os
import re
import sys

LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
CODE = re.compile(r"```.*?```", re.S)


def anchors(path):
    """GitHub's heading anchors: lower case, punctuation dropped except - and _, spaces to -."""
    found = set()
    with open(path, encoding="utf-8") as fh:
        text = CODE.sub("", fh.read())
    for line in text.splitlines():
        m = re.match(r"#{1,6}\s+(.*)", line)
        if m:
            heading = re.sub(r"[^\w\- ]", "", m.group(1).strip().lower())
            found.add(heading.replace(" ", "-"))
    return found


def main(argv):
    allowed = set()
    if "--allow" in argv:
        allowed = {os.path.normpath(a) for a in argv[argv.index("--allow") + 1:]}
    files = ["README.md", "ARCHITECTURE.md"] + sorted(glob.glob("docs/*.md"))
    broken, checked = [], 0
    for source in files:
        with open(source, encoding="utf-8") as fh:
            text = CODE.sub("", fh.read())
        for target in LINK.findall(text):
            if re.match(r"[a-z]+:", target):
                continue  # http:, https:, mailto:
            checked += 1
            path, _, anchor = target.partition("#")
            resolved = os.path.normpath(os.path.join(os.path.dirname(source), path)) if path else source
            if not os.path.exists(resolved):
                if resolved not in allowed:
                    broken.append(f"{source}: {target}: no file {resolved}")
                continue
            if anchor and resolved.endswith(".md") and anchor not in anchors(resolved):
                broken.append(f"{source}: {target}: no heading #{anchor} in {resolved}")
    for line in broken:
        print(line)
    print(f"{checked} relative links in {len(files)} files, {len(broken)} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
