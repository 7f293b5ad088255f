#!/usr/bin/env python3
"""Compares the vdirsyncer config shown in README.md with the one the tests use.

    config_block.py README TEMPLATE

The README's config is the first fenced code block after the marker line
`<!-- vdirsyncer-config -->`. Both sides are compared without comments and blank lines, with
the values of status_path, path and url left out (each user has their own), and without the
README's username and password lines (the test server has no authentication). Prints the
differences and exits 1 when they differ; exits 2 when the README has no such block.
Standard library only.
"""
import difflib
import re
import sys

MARKER = "<!-- vdirsyncer-config -->"
PATH_KEYS = {"status_path", "path", "url"}
CREDENTIAL_KEYS = {"username", "password", "password.fetch"}


def readme_block(text):
    """Returns the lines of the first fenced block after the marker, or None."""
    after = text.split(MARKER, 1)
    if len(after) < 2:
        return None
    block = re.search(r"^```[^\n]*\n(.*?)^```", after[1], re.MULTILINE | re.DOTALL)
    return block.group(1).splitlines() if block else None


def normalized(lines, drop_credentials):
    """Returns the config's lines as compared: stripped, paths blanked, comments dropped."""
    kept = []
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, equals, _ = line.partition("=")
        key = key.strip()
        if equals and drop_credentials and key in CREDENTIAL_KEYS:
            continue
        kept.append(f"{key} = <path>" if equals and key in PATH_KEYS else line)
    return kept


def main(argv):
    """Prints a unified diff of the two configs as compared; the exit code says whether they agree."""
    if len(argv) != 2:
        sys.exit(__doc__)
    with open(argv[0], encoding="utf-8") as readme, open(argv[1], encoding="utf-8") as template:
        shown, tested = readme_block(readme.read()), template.read().splitlines()
    if shown is None:
        print(f"{argv[0]}: no fenced block after '{MARKER}'")
        return 2
    diff = list(difflib.unified_diff(normalized(tested, False), normalized(shown, True),
                                     "tested config", "README.md", lineterm=""))
    if diff:
        print("\n".join(diff))
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
