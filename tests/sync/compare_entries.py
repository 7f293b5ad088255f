#!/usr/bin/python3
"""Compares an oracle's entries with the log entries a kith network's files hold.

Usage: compare_entries.py EXPECTED.tsv NETWORK [--before DIR] [--kind KIND]...

EXPECTED.tsv: `slug<TAB>date<TAB>kind[<TAB>note]` lines, as mail_oracle.py and
calendar_oracle.py print them. The actual entries are the log entries of the kinds compared
(--kind, default email and meeting) in NETWORK's contacts/*.yaml, read as written (YAML's
BaseLoader: `note: 007` is "007"); keys other than date, kind and note are not compared.
With --before DIR (a copy of the network taken before the sync), the entries DIR already
had are taken away first, one for one, so only what the sync wrote is compared.

Prints one line per difference and exits 1 when there is any, 0 otherwise:
  missing     SLUG DATE KIND [NOTE]   expected, not in the files
  extra       SLUG DATE KIND [NOTE]   in the files, not expected
  duplicated  SLUG DATE KIND [NOTE]   written more than once: an email entry on a day that
              has another email entry (one per person per day), a meeting entry of a day
              with another of the same note (before the sync or written by it), or with
              another the sync wrote when either has no note
"""
import argparse
import collections
import pathlib
import sys

from kithnet import log_entries, read_contacts


def expected_entries(path):
    """Returns a Counter of (slug, date, kind, note) read from an oracle's TSV."""
    found = collections.Counter()
    for number, line in enumerate(pathlib.Path(path).read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split("\t")
        if len(fields) not in (3, 4):
            sys.exit(f"compare_entries: {path}:{number}: expected 3 or 4 tab-separated fields")
        found[tuple(fields + [""] * (4 - len(fields)))] += 1
    return found


def file_entries(network, kinds):
    """Returns a Counter of (slug, date, kind, note) of the log entries of those kinds."""
    return collections.Counter((slug, date, kind, note) for slug, contact in read_contacts(network).items()
                               for date, kind, note in log_entries(contact) if kind in kinds)


def notes_by_day(entries):
    """Returns the notes of entries (a Counter) by (slug, date, kind), one per entry."""
    days = collections.defaultdict(list)
    for slug, date, kind, note in entries.elements():
        days[(slug, date, kind)].append(note)
    return days


def duplicated(entry, after, written):
    """Returns True when `entry`, one the sync wrote, records a contact another entry records:
    an email entry of its day; a meeting entry of its day with its note, or one of the sync's
    own of its day when either has no note (a note left out names no event). `after` and
    `written` hold notes by (slug, date, kind) (notes_by_day)."""
    slug, date, kind, note = entry
    key = (slug, date, kind)
    if kind == "email":
        return len(after[key]) > 1
    others = list(written[key])
    others.remove(note)
    return after[key].count(note) > 1 or any(not n or not note for n in others)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("expected")
    parser.add_argument("network")
    parser.add_argument("--before")
    parser.add_argument("--kind", action="append", dest="kinds")
    args = parser.parse_args()
    kinds = set(args.kinds or ["email", "meeting"])
    expected = expected_entries(args.expected)
    before = file_entries(args.before, kinds) if args.before else collections.Counter()
    after = file_entries(args.network, kinds)
    written = after - before
    after_days, written_days = notes_by_day(after), notes_by_day(written)
    differences = []
    for entry in sorted(set(expected) | set(written)):
        label = " ".join(field for field in entry if field)
        shared = bool(written[entry]) and duplicated(entry, after_days, written_days)
        if written[entry] < expected[entry]:
            differences.append(f"missing\t{label}")
        elif written[entry] > expected[entry] or (written[entry] and shared):
            differences.append(f"{'duplicated' if shared else 'extra'}\t{label}")
    print("".join(line + "\n" for line in differences), end="")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
