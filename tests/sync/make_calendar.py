#!/usr/bin/python3
"""Writes a vdir of N events and the network of P people they involve, for the speed check.

Usage: make_calendar.py OUT --events N --people P --seed S [--today DATE]

OUT/vdir/<uid>.ics   one event a file (with its overrides), as khal and vdirsyncer keep them,
                     plus vdirsyncer's `displayname` and `color`
OUT/network/         kith.yaml (me) and contacts/person-N.yaml (email lists)

Deterministic for a seed. A mix of what real calendars hold: about 60% single events, 25%
weekly series (COUNT or UNTIL, some with an EXDATE, some with a moved or renamed override),
15% daily series; 40% in UTC, 40% with a TZID (America/Los_Angeles, Asia/Tokyo,
Europe/Berlin, each file with its VTIMEZONE), 10% floating, 10% all-day; 1 to 5 attendees,
some declined; a few cancelled or transparent; starts from 400 days back to 30 days ahead.
"""
import argparse
import datetime
import pathlib
import random
import sys

from kithnet import parse_day

ZONES = {
    "America/Los_Angeles": ("-0800", "-0700", "PST", "PDT", "3;BYDAY=2SU", "11;BYDAY=1SU"),
    "Europe/Berlin": ("+0100", "+0200", "CET", "CEST", "3;BYDAY=-1SU", "10;BYDAY=-1SU"),
    "Asia/Tokyo": ("+0900", "+0900", "JST", None, None, None),
}
TOPICS = ["Sync", "1:1", "Lunch", "Review", "Planning", "Coffee", "Interview", "Demo", "Retro", "Standup"]


def vtimezone(tzid):
    """Returns the VTIMEZONE of one of ZONES, with its DST rule when it has one."""
    standard, daylight, std_name, dst_name, dst_rule, std_rule = ZONES[tzid]
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
    if dst_name:
        lines += ["BEGIN:DAYLIGHT", f"TZOFFSETFROM:{standard}", f"TZOFFSETTO:{daylight}", f"TZNAME:{dst_name}",
                  "DTSTART:19700329T020000", f"RRULE:FREQ=YEARLY;BYMONTH={dst_rule}", "END:DAYLIGHT"]
    lines += ["BEGIN:STANDARD", f"TZOFFSETFROM:{daylight}", f"TZOFFSETTO:{standard}", f"TZNAME:{std_name}",
              "DTSTART:19701025T030000"] + ([f"RRULE:FREQ=YEARLY;BYMONTH={std_rule}"] if std_rule else [])
    return lines + ["END:STANDARD", "END:VTIMEZONE"]


def stamp(when, style, tzid):
    """Returns `;PARAMS:VALUE` of a date property in a style: utc, tzid, floating or date."""
    if style == "date":
        return f";VALUE=DATE:{when:%Y%m%d}"
    if style == "utc":
        return f":{when:%Y%m%dT%H%M%S}Z"
    return (f";TZID={tzid}" if style == "tzid" else "") + f":{when:%Y%m%dT%H%M%S}"


def event(rng, uid, people, today):
    """Returns the lines of one event file (VCALENDAR with its VTIMEZONE, master and overrides)."""
    style = rng.choices(["utc", "tzid", "floating", "date"], [4, 4, 1, 1])[0]
    tzid = rng.choice(list(ZONES))
    day = today + datetime.timedelta(days=rng.randrange(-400, 30))
    start = datetime.datetime.combine(day, datetime.time(rng.randrange(24), rng.choice([0, 15, 30, 45])))
    guests = rng.sample(people, rng.randint(1, min(5, len(people))))
    summary = f"{rng.choice(TOPICS)} {uid.split('-')[-1]}"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kith tests//make_calendar//EN"]
    lines += vtimezone(tzid) if style == "tzid" else []
    body = [f"UID:{uid}", "DTSTAMP:20260101T000000Z", "DTSTART" + stamp(start, style, tzid),
            f"SUMMARY:{summary}", "ORGANIZER:mailto:sam@example.org"]
    body += [f"ATTENDEE;PARTSTAT={rng.choices(['ACCEPTED', 'TENTATIVE', 'DECLINED'], [8, 1, 1])[0]}:mailto:{g}"
             for g in guests]
    if rng.random() < 0.03:
        body.append("STATUS:CANCELLED")
    if rng.random() < 0.03:
        body.append("TRANSP:TRANSPARENT")
    kind = rng.random()
    overrides = []
    if kind < 0.25:
        body.append(f"RRULE:FREQ=WEEKLY;COUNT={rng.randint(4, 20)}" if rng.random() < 0.7 else
                    f"RRULE:FREQ=WEEKLY;UNTIL={(start + datetime.timedelta(weeks=rng.randint(3, 30))):%Y%m%dT%H%M%S}Z")
        if rng.random() < 0.3:
            body.append("EXDATE" + stamp(start + datetime.timedelta(weeks=2), style, tzid))
        if rng.random() < 0.3:
            original = start + datetime.timedelta(weeks=1)
            moved = original + datetime.timedelta(days=1, hours=rng.randint(-3, 3))
            overrides = [f"UID:{uid}", "DTSTAMP:20260101T000000Z", "RECURRENCE-ID" + stamp(original, style, tzid),
                         "DTSTART" + stamp(moved, style, tzid), f"SUMMARY:{summary} (moved)"] + body[5:5 + len(guests)]
    elif kind < 0.40:
        body.append(f"RRULE:FREQ=DAILY;COUNT={rng.randint(3, 10)}")
    lines += ["BEGIN:VEVENT"] + body + ["END:VEVENT"]
    lines += ["BEGIN:VEVENT"] + overrides + ["END:VEVENT"] if overrides else []
    return lines + ["END:VCALENDAR"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--events", type=int, required=True)
    parser.add_argument("--people", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--today", type=parse_day, default=parse_day("2026-11-28"))
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    if out.exists() and any(out.iterdir()):
        sys.exit(f"make_calendar: '{out}' is not empty")
    rng = random.Random(args.seed)
    (out / "vdir").mkdir(parents=True)
    (out / "network" / "contacts").mkdir(parents=True)
    (out / "network" / "kith.yaml").write_text("me: {name: Sam Rivera, email: sam@example.org}\n")
    addresses = []
    for i in range(args.people):
        addresses.append(f"person{i}@{rng.choice(['example.org', 'Example.COM', 'mail.example'])}")
        (out / "network" / "contacts" / f"person-{i}.yaml").write_text(
            f"name: Person {i}\nemail: [{addresses[-1]}]\nsince: 2020-01-15\n")
    for n in range(args.events):
        uid = f"gen-{args.seed}-{n}"
        (out / "vdir" / f"{uid}.ics").write_text("\r\n".join(event(rng, uid, addresses, args.today)) + "\r\n")
    (out / "vdir" / "displayname").write_text("Generated\n")
    (out / "vdir" / "color").write_text("#3a87ad\n")


if __name__ == "__main__":
    main()
