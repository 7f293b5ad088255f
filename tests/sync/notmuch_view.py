#!/usr/bin/python3
"""notmuch's own view of the days mail_oracle.py computes, to cross-check the oracle.

Usage: notmuch_view.py NETWORK [--since DATE] [--until DATE] [--dump]

Asks the notmuch CLI (NOTMUCH_CONFIG from the environment), not the files: your addresses
are kith.yaml's and `notmuch config get user.primary_email / user.other_email`; for each
person, `notmuch search --output=messages` of
  (from:YOU and to:THEM) or (from:THEM and to:YOU), not tag:spam, not tag:deleted
and each message's time and List-Id from one `notmuch show --format=json --body=false`.
Prints `slug<TAB>date` for every day with such a message (list mail left out), as
`mail_oracle.py --ignore-log` prints them (its first two columns). --dump prints
`id<TAB>time<TAB>day<TAB>subject` per message, as `mail_oracle.py --dump` does.

Where the two must differ, by the rules (the test lists these days): notmuch's from: and
to: ignore case in the local part too, and its to: also searches Bcc.
"""
import argparse
import datetime
import json
import subprocess

from kithnet import (as_list, env_today, my_addresses, normalize_note, one_year_before, parse_day,
                     print_entries, read_contacts)


def notmuch(*args):
    """Returns the stdout of a notmuch command."""
    return subprocess.run(["notmuch", *args], check=True, capture_output=True, text=True).stdout


def notmuch_addresses():
    """Returns the addresses notmuch's config gives as yours."""
    found = notmuch("config", "get", "user.primary_email").split()
    return found + notmuch("config", "get", "user.other_email").split()


def shown_messages():
    """Returns {id: (time, has List-Id, subject)} of every message, as notmuch show gives them."""
    found = {}

    def walk(node):
        """Records every message of a notmuch show tree."""
        if isinstance(node, dict) and "headers" in node and "id" in node:
            headers = node["headers"]
            found[node["id"]] = (node["timestamp"], bool(headers.get("List-Id", "").strip()),
                                 normalize_note(headers.get("Subject", "")))
        for child in node.values() if isinstance(node, dict) else node if isinstance(node, list) else ():
            walk(child)
    walk(json.loads(notmuch("show", "--format=json", "--body=false", "--entire-thread=false", "*")))
    return found


def either(prefix, addresses):
    """Returns a query matching any of the addresses under a prefix (from:, to:)."""
    return "(" + " or ".join(f'{prefix}:"{address}"' for address in addresses) + ")"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("network")
    parser.add_argument("--since", type=parse_day)
    parser.add_argument("--until", type=parse_day)
    parser.add_argument("--dump", action="store_true")
    args = parser.parse_args()
    until = args.until or env_today()
    since = args.since or one_year_before(until)
    messages = shown_messages()

    def day(when):
        """The local date of a POSIX time, None for notmuch's 0."""
        return datetime.datetime.fromtimestamp(when).date() if when > 0 else None

    if args.dump:
        for mid, (when, _, subject) in sorted(messages.items()):
            print(f"{mid}\t{when}\t{day(when) or ''}\t{subject}")
        return
    mine = sorted(my_addresses(args.network) | set(notmuch_addresses()))
    days = []
    for slug, contact in read_contacts(args.network).items():
        theirs = as_list(contact.get("email"))
        if not theirs:
            continue
        query = (f"(({either('from', mine)} and {either('to', theirs)}) or "
                 f"({either('from', theirs)} and {either('to', mine)})) and not tag:spam and not tag:deleted")
        for mid in notmuch("search", "--output=messages", query).split():
            when, listed, _ = messages[mid.removeprefix("id:")]
            if day(when) and since <= day(when) <= until and not listed:
                days.append((slug, day(when).isoformat()))
    print_entries(days)


if __name__ == "__main__":
    main()
