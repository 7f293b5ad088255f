"""What the sync oracles share: reading a kith network, the address rule, days and TSV.

Run with Debian's /usr/bin/python3 (python3-yaml). Contact files are read with YAML's
BaseLoader, so every scalar is the string written (`note: 007` stays "007", a date stays
"2026-11-03"): the oracles compare text, as kith writes it, never what PyYAML's YAML 1.1
would make of it.

The address rule (issue 22, item 3; the same rule for your own addresses and for people):
an address is compared as `local@domain` where the domain is compared without ASCII case
and the local part "as written": byte for byte, no case folding, no removal of dots or of a
`+detail`. Only the header's syntax is not part of what was written: display names, angle
brackets, comments and folding are dropped, and a quoted local part is unquoted
(`"bob"@example.org` is `bob@example.org`, RFC 5322 3.4.1 makes the two forms the same
address). So `Bob@example.org` is not `bob@example.org`, but `bob@EXAMPLE.org` is.
"""
import datetime
import os
import pathlib
import re
import sys

import yaml

ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def address_key(address):
    """Returns the comparable form of an address (see the module's rule), or None."""
    address = address.strip()
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        return None
    if len(local) >= 2 and local[0] == '"' and local[-1] == '"':
        local = re.sub(r"\\(.)", r"\1", local[1:-1])
    return local + "@" + domain.translate(ASCII_LOWER)


def load_yaml(path):
    """Returns a YAML file's content with every scalar as the string written."""
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml.BaseLoader) or {}


def as_list(value):
    """Returns a YAML value as a list (a lone scalar becomes a one-item list)."""
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


def my_addresses(network):
    """Returns the address keys kith.yaml gives as yours: me.email and me.addresses."""
    me = load_yaml(pathlib.Path(network, "kith.yaml")).get("me") or {}
    found = as_list(me.get("email")) + as_list(me.get("addresses"))
    return {key for key in map(address_key, found) if key}


def read_contacts(network, folder="contacts"):
    """Returns {slug: contact mapping} for the network's contacts/ (archive/ is never read)."""
    contacts = {}
    for path in sorted(pathlib.Path(network, folder).glob("*.yaml")):
        contacts[path.stem] = load_yaml(path)
    return contacts


def people_by_address(contacts):
    """Returns {address key: [slugs]}: everyone whose email list holds that address."""
    index = {}
    for slug, contact in contacts.items():
        for address in as_list(contact.get("email")):
            key = address_key(address)
            if key and slug not in index.setdefault(key, []):
                index[key].append(slug)
    return index


def log_entries(contact, kind=None):
    """Yields (date, kind, note) of a contact's log, of one kind when given; note "" when none."""
    for entry in as_list(contact.get("log")):
        if isinstance(entry, dict) and (kind is None or entry.get("kind") == kind):
            yield entry.get("date", ""), entry.get("kind", ""), entry.get("note", "")


def normalize_note(text):
    """Returns a subject or summary as the note: whitespace runs made one space, ends trimmed."""
    return " ".join((text or "").split())


def parse_day(text):
    """Returns the date of a YYYY-MM-DD argument (argparse type)."""
    return datetime.date.fromisoformat(text)


def env_today():
    """Returns $KITH_TODAY when set (the tests pin it), else the local date."""
    pinned = os.environ.get("KITH_TODAY")
    return parse_day(pinned) if pinned else datetime.date.today()


def one_year_before(day):
    """Returns the same day a year earlier (29 February gives 28 February), as kith's `1y`."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def print_entries(entries, out=sys.stdout):
    """Prints entries (tuples of strings; an empty last field is left out) sorted, one a line."""
    for entry in sorted(set(entries)):
        fields = list(entry)
        while fields and fields[-1] == "":
            fields.pop()
        out.write("\t".join(fields) + "\n")
