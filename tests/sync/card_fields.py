#!/usr/bin/python3
"""Prints, per vCard in the files given, what python3-vobject reads in it, as one JSON line.

    card_fields.py [--no-file] FILE...

Keys (sorted): file (the base name; left out with --no-file, to compare cards by content),
version, uid, fn, emails and tels (sorted sets), title, org (its components joined by ';'),
bday (the value as written; X-APPLE-OMIT-YEAR in bday_omit_year), categories and nicknames
(sorted), anniversary (ANNIVERSARY, or an X-ABDATE labelled _$!<Anniversary>!$_), assistant
(RELATED;TYPE=assistant, or an X-ABRELATEDNAMES labelled _$!<Assistant>!$_), x_count (how
many X- properties, X-ABLabel included). A missing single value is null. Needs Debian's
python3-vobject: run it with /usr/bin/python3.
"""
import json
import os
import sys

import vobject
import vobject.vcard
from vobject.base import registerBehavior
from vobject.icalendar import MultiTextBehavior

# vobject 0.9.6 reads NICKNAME as one text and keeps only its first comma-separated value
# (Radicale, which stores what vobject writes back, loses the others); read it as the list it
# is (RFC 2426 3.1.3, RFC 6350 6.2.3), as vobject reads CATEGORIES.
vobject.vcard.VCard3_0.knownChildren["NICKNAME"] = (0, None, None)
registerBehavior(MultiTextBehavior, "NICKNAME")

ANNIVERSARY_LABEL = "_$!<Anniversary>!$_"
ASSISTANT_LABEL = "_$!<Assistant>!$_"


def first(card, name):
    """Returns the value of the first property called name, or None."""
    found = [child.value for child in card.getChildren() if child.name == name]
    return found[0] if found else None


def labels(card):
    """Returns the X-ABLabel of each itemN group."""
    return {child.group: child.value for child in card.getChildren()
            if child.group and child.name == "X-ABLABEL"}


def labelled(card, names, label):
    """Returns the value of the first property called one of names whose group has the label."""
    group_labels = labels(card)
    for child in card.getChildren():
        if child.name in names and group_labels.get(child.group) == label:
            return child.value
    return None


def related_assistant(card):
    """Returns the value of a RELATED;TYPE=assistant (vCard 4.0), or None."""
    for child in card.getChildren():
        if child.name == "RELATED" and "assistant" in [t.lower() for t in child.params.get("TYPE", [])]:
            return child.value
    return None


def listed(card, name):
    """Returns every value of the properties called name, list values spread out, sorted."""
    values = []
    for child in card.getChildren():
        if child.name == name:
            values += child.value if isinstance(child.value, list) else [child.value]
    return sorted(values)


def fields(path, card):
    """Returns the dictionary printed for one card."""
    org = first(card, "ORG")
    bday = [child for child in card.getChildren() if child.name == "BDAY"]
    return {
        "file": os.path.basename(path),
        "version": first(card, "VERSION"),
        "uid": first(card, "UID"),
        "fn": first(card, "FN"),
        "emails": sorted(child.value for child in card.getChildren() if child.name == "EMAIL"),
        "tels": sorted(child.value for child in card.getChildren() if child.name == "TEL"),
        "title": first(card, "TITLE"),
        "org": ";".join(org) if isinstance(org, list) else org,
        "bday": bday[0].value if bday else None,
        "bday_omit_year": bday[0].params.get("X-APPLE-OMIT-YEAR", [None])[0] if bday else None,
        "categories": listed(card, "CATEGORIES"),
        "nicknames": listed(card, "NICKNAME"),
        "anniversary": first(card, "ANNIVERSARY") or labelled(card, {"X-ABDATE"}, ANNIVERSARY_LABEL),
        "assistant": related_assistant(card) or labelled(card, {"X-ABRELATEDNAMES"}, ASSISTANT_LABEL),
        "x_count": sum(1 for child in card.getChildren() if child.name.startswith("X-")),
    }


def main(paths):
    """Prints one JSON line per card; fails with the file name on a file vobject cannot read."""
    with_file = not (paths and paths[0] == "--no-file")
    paths = paths if with_file else paths[1:]
    if not paths:
        sys.exit(__doc__)
    for path in paths:
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        try:
            cards = list(vobject.readComponents(text, validate=False))
        except Exception as error:  # vobject raises several kinds; the file name is what matters
            sys.exit(f"card_fields.py: {path}: {error}")
        for card in cards:
            found = fields(path, card)
            if not with_file:
                del found["file"]
            print(json.dumps(found, sort_keys=True, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
