#!/usr/bin/env python3
"""Prints a vCard 3.0 shaped as a phone writes it (DAVx5 on Android, or iOS), for the sync tests.

The shape is what the phones really upload: a fresh REV, their PRODID, `itemN.` groups with
`itemN.X-ABLabel` on EMAIL and TEL, yearless birthdays as 1604 with X-APPLE-OMIT-YEAR (or
`--MMDD`), anniversaries as `itemN.X-ABDATE`, an assistant as `itemN.X-ABRELATEDNAMES`,
unknown X- properties, a small PHOTO, ADR, URL, lines folded at 75 octets and CRLF ends.

    phone_card.py --uid U --fn "Ada Lovelace" --email a@x --tel "+44 20" --title T \\
        --bday --1210 --anniversary 2020-06-01 --assistant Mary --rev-now

Standard library only.
"""
import argparse
import datetime
import re
import sys

PRODIDS = {
    "davx5": "-//bitfire web engineering//DAVx5 4.3.13-ose//EN",
    "ios": "-//Apple Inc.//iPhone OS 17.1.2//EN",
}
# A 4x4 PNG: long enough in base64 to be folded.
PHOTO_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR42mM4UaEBRwzEcQBTUhaB8auhQAAAAABJRU5ErkJggg=="


def escape(text):
    """Escapes a TEXT value as vCard 3.0 requires (backslash, comma, semicolon, newline)."""
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def fold(line):
    """Folds one content line at 75 octets (never inside a UTF-8 sequence), CRLF and a space."""
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > 75:
            out.append(current)
            current = b" "
        current += encoded
    out.append(current)
    return b"\r\n".join(out) + b"\r\n"


def birthday_lines(value, form):
    """Gives the BDAY line for YYYY-MM-DD, or for a yearless --MMDD / MM-DD in the form asked."""
    full = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value)
    if full:
        return [f"BDAY:{value}"]
    yearless = re.fullmatch(r"--(\d\d)(\d\d)|(\d\d)-(\d\d)", value)
    if not yearless:
        sys.exit(f"phone_card.py: --bday '{value}' is neither YYYY-MM-DD, --MMDD nor MM-DD")
    month, day = [g for g in yearless.groups() if g]
    if form == "dashes":
        return [f"BDAY:--{month}{day}"]
    return [f"BDAY;X-APPLE-OMIT-YEAR=1604:1604-{month}-{day}"]


class Groups:
    """Numbers the `itemN.` groups as the phones do: 1, 2, 3 in the order written."""

    def __init__(self):
        self.next = 1

    def take(self):
        """Returns the next group prefix (`item1.`)."""
        prefix = f"item{self.next}."
        self.next += 1
        return prefix


def labelled(groups, prop, value, label):
    """Gives a grouped property and its X-ABLabel."""
    group = groups.take()
    return [f"{group}{prop}:{value}", f"{group}X-ABLabel:{label}"]


def card_lines(args):
    """Gives the card's content lines, unfolded, in the order DAVx5 writes them."""
    given, _, family = args.fn.rpartition(" ")
    rev = args.rev or datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    groups = Groups()
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"PRODID:{PRODIDS[args.dialect]}", f"UID:{args.uid}",
             f"FN:{escape(args.fn)}", f"N:{escape(family)};{escape(given)};;;"]
    if args.nickname:
        lines.append(f"NICKNAME:{','.join(escape(n) for n in args.nickname)}")
    if args.org:
        lines.append(f"ORG:{escape(args.org)}")
    if args.title:
        lines.append(f"TITLE:{escape(args.title)}")
    for index, email in enumerate(args.email):
        if index == 0:
            lines.append(f"EMAIL;TYPE=INTERNET;TYPE=WORK;TYPE=pref:{email}")
        else:
            lines += labelled(groups, "EMAIL;TYPE=INTERNET", email, "_$!<Other>!$_")
    for index, tel in enumerate(args.tel):
        if index == 0:
            lines.append(f"TEL;TYPE=CELL;TYPE=VOICE;TYPE=pref:{tel}")
        else:
            lines += labelled(groups, "TEL", tel, "_$!<Mobile>!$_" if index == 1 else "Office")
    if args.bday:
        lines += birthday_lines(args.bday, args.bday_form)
    if args.anniversary:
        lines += labelled(groups, "X-ABDATE;TYPE=pref", args.anniversary, "_$!<Anniversary>!$_")
    if args.assistant:
        lines += labelled(groups, "X-ABRELATEDNAMES", escape(args.assistant), "_$!<Assistant>!$_")
    if args.categories:
        lines.append(f"CATEGORIES:{','.join(escape(c) for c in args.categories)}")
    if args.note:
        lines.append(f"NOTE:{escape(args.note)}")
    if not args.plain:
        address = groups.take()
        lines += [
            f"{address}ADR;TYPE=HOME:;;12 St James's Square;London;;SW1Y 4JH;United Kingdom",
            f"{address}X-ABADR:gb",
            "URL;TYPE=HOME:https://example.org/~" + args.uid.lower()[:12],
            "X-SOCIALPROFILE;TYPE=mastodon;X-USER=ada:https://mastodon.example/@ada",
            "X-PHONETIC-LAST-NAME:" + escape(family),
            "X-DAVX5-UNKNOWN;X-PARAM=kept:a value no client knows\\, kept as it is",
            f"PHOTO;ENCODING=b;TYPE=PNG:{PHOTO_PNG}",
        ]
    lines += [f"REV:{rev}", "END:VCARD"]
    return lines


def joined_bday(argv):
    """Returns argv with `--bday --1210` as `--bday=--1210` (argparse takes --1210 for an option)."""
    joined = []
    for arg in argv:
        if joined and joined[-1] == "--bday" and re.fullmatch(r"--\d{4}", arg):
            joined[-1] = f"--bday={arg}"
        else:
            joined.append(arg)
    return joined


def parse_args(argv):
    """Reads the command line; a yearless --bday is --MMDD (`--bday --1210`) or MM-DD."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uid", required=True)
    parser.add_argument("--fn", required=True, help="the formatted name; N is made from it")
    parser.add_argument("--dialect", choices=sorted(PRODIDS), default="davx5", help="whose PRODID")
    parser.add_argument("--email", action="append", default=[], help="repeatable; the 2nd on are itemN. groups")
    parser.add_argument("--tel", action="append", default=[], help="repeatable; the 2nd on are itemN. groups")
    parser.add_argument("--title")
    parser.add_argument("--org")
    parser.add_argument("--nickname", action="append", default=[],
                        help="repeatable, written as one comma-separated NICKNAME (Radicale 3.1 keeps the first only)")
    parser.add_argument("--categories", type=lambda s: s.split(","), default=[], help="comma separated")
    parser.add_argument("--note")
    parser.add_argument("--bday", help="YYYY-MM-DD, or yearless: --MMDD or MM-DD")
    parser.add_argument("--bday-form", choices=["omit-year", "dashes"], default="omit-year",
                        help="how a yearless birthday is written: 1604 + X-APPLE-OMIT-YEAR, or --MMDD")
    parser.add_argument("--anniversary", help="YYYY-MM-DD, written as itemN.X-ABDATE")
    parser.add_argument("--assistant", help="written as itemN.X-ABRELATEDNAMES")
    stamp = parser.add_mutually_exclusive_group()
    stamp.add_argument("--rev", help="a fixed REV (for reproducible cards)")
    stamp.add_argument("--rev-now", action="store_true", help="REV is now, in UTC (the default)")
    parser.add_argument("--plain", action="store_true",
                        help="leave out what kith has no field for (ADR, URL, PHOTO, unknown X- properties)")
    return parser.parse_args(joined_bday(argv))


def main(argv):
    """Prints the card to stdout, as bytes."""
    args = parse_args(argv)
    sys.stdout.buffer.write(b"".join(fold(line) for line in card_lines(args)))


if __name__ == "__main__":
    main(sys.argv[1:])
