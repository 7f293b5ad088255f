#!/usr/bin/python3
"""The entries `kith sync mail` must write, computed from the message files, not through notmuch.

Usage: mail_oracle.py NETWORK MAILDIR [--since DATE] [--until DATE] [--subjects]
                      [--notmuch-config FILE] [--tags FILE] [--ignore-log] [--dump]

Prints `slug<TAB>date<TAB>email[<TAB>subject]` lines, sorted: the log entries kith adds.
--ignore-log prints every matched day, also those the contact's log already has;
--dump prints what the oracle read of each message instead (id, time, day, subject).

Which files: every file under MAILDIR, as `notmuch new` walks it: not `.notmuch/`, not a
`tmp/` beside `cur/` and `new/`. A file is not mail (notmuch says "Ignoring non-mail file")
when its From, Subject and To are all empty; it is skipped. Python's email module parses the
headers (compat32); a header is its first occurrence, unfolded (line breaks removed, the
blanks kept), RFC 2047 words decoded (blanks between two encoded words dropped), raw 8-bit
text read as UTF-8 when it is valid UTF-8, else as Latin-1 (as GMime does for notmuch).

Which message: its Message-ID without the angle brackets and blanks (as notmuch keeps it),
or `notmuch-sha1-<sha1 of the file>` when there is none. Files with one Message-ID are one
message (notmuch keeps one document); the oracle reads the first by path and warns on
stderr when the copies differ in From, To, Cc, Date or List-Id (make_maildir.py never
makes such copies: notmuch would read one of them, which one is not specified).

Its day: notmuch's date is the first Date header parsed by GMime; a missing or unparsable
Date, or one before 1970, gives 0. The oracle parses with email.utils (a date with no zone,
`-0000` or an unknown zone name is UTC, as GMime reads it) and skips a message whose time
is 0 or less: it has no day. The day is that instant's date in the local time zone (TZ
from the environment, as kith's), and counts when --since <= day <= --until (defaults:
--until is $KITH_TODAY or today, so a message dated in the future counts for nobody;
--since is one year before --until, kith's first-run default; tests should pass both).

Whether it counts (issue 22, items 2 and 3): not when tagged spam or deleted (--tags, default
MAILDIR.tags: TAG<TAB>MESSAGE-ID lines, the tags notmuch_setup.sh applied; notmuch's
search.exclude_tags plays no part), not when it has a List-Id header with a non-empty value
(libnotmuch returns "" for both an empty and a missing header). Your addresses: kith.yaml's
me.email and me.addresses, and user.primary_email and user.other_email of the notmuch
config (--notmuch-config, default $NOTMUCH_CONFIG; what the file says: when it has no
user.primary_email libnotmuch answers its default, $EMAIL else user@host, which no generated
message holds, and the suites unset EMAIL). From you (any From address is yours): every
person with an address in To or Cc. To you (one of your addresses in To or Cc): every
person with an address in From. Nobody else: not a person in Bcc, not a co-recipient of
mail from someone else. Addresses compare by kithnet.address_key (domain without case,
local part as written). People are contacts/ only: archive/ is not read (kith refuses to
log for an archived person) and nobody is created.

Per person and day: one entry. With --subjects its note is the subject of that day's
earliest message (notmuch's time; equal times: the lowest Message-ID by byte order), with
blank runs made one space and the ends trimmed; no note when that subject is empty. A
day whose log already has an `email` entry (any note, by hand or by an earlier sync)
gets nothing: other kinds (a call, a meeting) do not stop it.
"""
import argparse
import base64
import configparser
import datetime
import email.parser
import email.policy
import email.utils
import hashlib
import os
import pathlib
import quopri
import re
import sys

from kithnet import (address_key, env_today, log_entries, my_addresses, normalize_note, one_year_before,
                     parse_day, people_by_address, print_entries, read_contacts)

ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=")
COMPARED_HEADERS = ("from", "to", "cc", "date", "list-id")


def decode_raw(text):
    """Returns header text whose raw 8-bit bytes (surrogate escapes) are read as UTF-8, else Latin-1."""
    raw = text.encode("ascii", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def decode_word(charset, encoding, payload):
    """Returns the text of one RFC 2047 encoded word."""
    if encoding in "Bb":
        data = base64.b64decode(payload + "=" * (-len(payload) % 4))
    else:
        data = quopri.decodestring(payload.replace("_", " ").encode("ascii"), header=True)
    try:
        return data.decode(charset.split("*")[0], errors="replace")
    except LookupError:
        return data.decode("latin-1")


def decode_text(value):
    """Returns an unfolded header value with its encoded words and raw bytes decoded."""
    value = decode_raw(value.replace("\r", "").replace("\n", ""))
    out, last_end, last_was_word = [], 0, False
    for match in ENCODED_WORD.finditer(value):
        between = value[last_end:match.start()]
        if not (last_was_word and between.strip() == ""):
            out.append(between)
        out.append(decode_word(*match.groups()))
        last_end, last_was_word = match.end(), True
    out.append(value[last_end:])
    return "".join(out)


def addresses(value):
    """Returns the address keys of an address-list header (display names and comments dropped)."""
    unfolded = decode_raw(value.replace("\r", "").replace("\n", ""))
    return {key for _, address in email.utils.getaddresses([unfolded]) if (key := address_key(address))}


def message_time(value):
    """Returns the POSIX time notmuch gives a Date header value, 0 when it has none."""
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return 0
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.timezone.utc)
    return max(0, int(when.timestamp()))


def message_id(value, data):
    """Returns the id notmuch gives a message: the Message-ID's content, or a hash of the file."""
    if value and value.strip():
        match = re.search(r"<([^>]*)>", value)
        return re.sub(r"\s", "", match.group(1)) if match else value.strip()
    return "notmuch-sha1-" + hashlib.sha1(data).hexdigest()


def mail_files(root):
    """Yields the files `notmuch new` reads under root, sorted by path."""
    for folder, dirs, files in os.walk(root):
        is_maildir = {"cur", "new", "tmp"} <= set(dirs)
        dirs[:] = sorted(d for d in dirs if d != ".notmuch" and not (is_maildir and d == "tmp"))
        for name in sorted(files):
            path = pathlib.Path(folder, name)
            if path.is_file() and not path.is_symlink():
                yield path


def read_messages(root):
    """Returns {message id: headers dict} of the mail under root; the first file of an id wins."""
    parser = email.parser.BytesParser(policy=email.policy.compat32)
    messages = {}
    for path in mail_files(root):
        data = path.read_bytes()
        headers = {}
        for name, value in parser.parsebytes(data, headersonly=True).raw_items():
            headers.setdefault(name.lower(), value)
        if not any(decode_text(headers.get(name, "")).strip() for name in ("from", "subject", "to")):
            continue
        mid = message_id(headers.get("message-id"), data)
        first = messages.setdefault(mid, dict(headers, path=str(path)))
        if any(first.get(h) != headers.get(h) for h in COMPARED_HEADERS):
            print(f"mail_oracle: copies of '{mid}' differ; reading {first['path']}", file=sys.stderr)
    return messages


def notmuch_addresses(config):
    """Returns the address keys of user.primary_email and user.other_email in a notmuch config file."""
    if not config or not pathlib.Path(config).is_file():
        return set()
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.read(config, encoding="utf-8")
    values = [parser.get("user", "primary_email", fallback="")]
    values += parser.get("user", "other_email", fallback="").split(";")
    return {key for key in map(address_key, values) if key}


def read_tags(path):
    """Returns the message ids a tags file marks spam or deleted."""
    if not path or not pathlib.Path(path).is_file():
        return set()
    ids = set()
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        tag, _, mid = line.partition("\t")
        if tag in ("spam", "deleted"):
            ids.add(mid)
    return ids


def counted_people(headers, mine, people):
    """Returns the slugs a message counts for (see the rules above)."""
    senders = addresses(headers.get("from", ""))
    recipients = addresses(headers.get("to", "")) | addresses(headers.get("cc", ""))
    found = set()
    if senders & mine:
        found.update(slug for key in recipients for slug in people.get(key, ()))
    if recipients & mine:
        found.update(slug for key in senders - mine for slug in people.get(key, ()))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("network")
    parser.add_argument("maildir")
    parser.add_argument("--since", type=parse_day)
    parser.add_argument("--until", type=parse_day)
    parser.add_argument("--subjects", action="store_true")
    parser.add_argument("--notmuch-config", default=os.environ.get("NOTMUCH_CONFIG"))
    parser.add_argument("--tags")
    parser.add_argument("--ignore-log", action="store_true")
    parser.add_argument("--dump", action="store_true")
    args = parser.parse_args()
    until = args.until or env_today()
    since = args.since or one_year_before(until)
    tagged = read_tags(args.tags or str(pathlib.Path(args.maildir)) + ".tags")
    contacts = read_contacts(args.network)
    people = people_by_address(contacts)
    mine = my_addresses(args.network) | notmuch_addresses(args.notmuch_config)
    earliest = {}
    for mid, headers in read_messages(args.maildir).items():
        when = message_time(headers.get("date", ""))
        day = datetime.datetime.fromtimestamp(when).date() if when > 0 else None
        subject = normalize_note(decode_text(headers.get("subject", "")))
        if args.dump:
            print(f"{mid}\t{when}\t{day or ''}\t{subject}")
            continue
        if not day or not since <= day <= until or mid in tagged or headers.get("list-id", "").strip():
            continue
        for slug in counted_people(headers, mine, people):
            key = (slug, day.isoformat())
            candidate = (when, mid.encode(), subject)
            if key not in earliest or candidate < earliest[key]:
                earliest[key] = candidate
    logged = {(slug, date) for slug, contact in contacts.items() for date, _, _ in log_entries(contact, "email")}
    print_entries((slug, day, "email", subject if args.subjects else "")
                  for (slug, day), (_, _, subject) in earliest.items()
                  if args.ignore_log or (slug, day) not in logged)


if __name__ == "__main__":
    main()
