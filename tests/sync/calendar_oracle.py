#!/usr/bin/python3
"""The entries `kith sync calendar` must write, computed with python3-icalendar and dateutil.

Usage: calendar_oracle.py NETWORK PATH... [--since DATE] [--today DATE] [--no-summary]

Prints `slug<TAB>date<TAB>meeting<TAB>summary` lines, sorted (no summary column when the
note is empty). An invalid file is reported on stderr as `PATH:LINE: what` (`PATH: what`
when the line is not known), nothing is taken from it, the others are read, and the exit
status is 3 at the end.

Files: a PATH that is a file is read whatever its name; a folder gives its `*.ics` files and
those of its subfolders (a vdir root holds one folder per calendar), sorted, names starting
with `.` skipped, other files (vdirsyncer's `displayname`, `color`) ignored. A file is
invalid when icalendar cannot parse it or notes an error in any component (a line that is
not `NAME:VALUE`, a value of the wrong type: libical marks the same with X-LIC-ERROR).

Instances: VEVENTs only. An event is a UID within a file: the master (no RECURRENCE-ID)
expanded by its RRULE and RDATEs minus its EXDATEs (dateutil's rruleset, in the wall time of
DTSTART's zone, so a weekly 16:30 stays 16:30 across DST), then every instance that has an
override (same UID, RECURRENCE-ID equal to the instance's original start, compared as an
instant; RANGE=THISANDFUTURE is not read) is replaced by the override, which brings its own
DTSTART (maybe another day), SUMMARY, STATUS, TRANSP and attendees. An override that
matches no instance is an instance of its own.

Times: `...Z` is UTC; TZID is the file's VTIMEZONE of that name (dateutil's tzical), else
the system's zone of that name, else read as floating; no zone is floating: the wall time
as written. A timed instance's day is the local date (TZ from the environment) of its start;
a floating one's, the written date; an all-day one's (VALUE=DATE), the date of DTSTART
whatever TZ, and a multi-day event counts on its first day only.

What counts (issue 22, item 6): an instance whose day is in --since..--today (defaults:
$KITH_TODAY or today, and a year before it), whose STATUS is not CANCELLED and TRANSP not
TRANSPARENT, and which you did not decline (an ATTENDEE with one of your addresses, me.email
or me.addresses, and PARTSTAT=DECLINED: the meeting did not happen for you). It counts for
each person (contacts/ only) with an address in ORGANIZER or ATTENDEE (`mailto:`, the scheme
in any case; addresses compare by kithnet.address_key) unless one of that person's ATTENDEE
lines says PARTSTAT=DECLINED (an organizer who declined did not meet either); other
PARTSTATs (ACCEPTED, TENTATIVE, NEEDS-ACTION) count.

Entries (item 7): one per person, day and event; its note is the SUMMARY (unescaped, blank
runs made one space, ends trimmed; none when empty or with --no-summary) of that day's
earliest instance. An event is logged already when the person's log (or an entry written
before it, in order of person, day, note and summary) has a meeting that day whose note is its
summary, or either has none (a note left out names no event): it gives nothing new.
"""
import argparse
import datetime
import io
import os
import pathlib
import re
import sys
import zoneinfo

import icalendar
from dateutil import rrule, tz

from kithnet import (address_key, env_today, log_entries, my_addresses, normalize_note, one_year_before,
                     parse_day, people_by_address, print_entries, read_contacts)

MARGIN = datetime.timedelta(days=2)


def ics_files(paths):
    """Yields the files to read for the PATH arguments."""
    for path in map(pathlib.Path, paths):
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                yield from (pathlib.Path(folder, f) for f in sorted(files)
                            if f.endswith(".ics") and not f.startswith("."))
        else:
            yield path


def error_line(text, prop, message):
    """Returns the 1-based line of the file an icalendar error is about, or None."""
    quoted = re.search(r"'([^']*)'", message)
    for number, line in enumerate(text.splitlines(), 1):
        if prop is None and quoted and line.strip() == quoted.group(1).strip():
            return number
        if prop and re.match(re.escape(prop) + r"[;:]", line, re.I) and (not quoted or quoted.group(1) in line):
            return number
    return None


def parse_file(path):
    """Returns the VCALENDARs of a file; raises ValueError("LINE: what" or "what") when it is invalid."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except ValueError as error:
        raise ValueError(str(error).splitlines()[0][:200]) from None
    for component in (c for calendar in calendars for c in calendar.walk()):
        for prop, message in component.errors:
            line = error_line(text, prop, message)
            raise ValueError(f"{line}: {message}" if line else message)
    if not calendars:
        raise ValueError("no VCALENDAR")
    return calendars


def file_zones(calendar):
    """Returns {TZID: tzinfo} of a calendar's VTIMEZONEs."""
    zones = {}
    for vtimezone in calendar.walk("VTIMEZONE"):
        parsed = tz.tzical(io.StringIO(vtimezone.to_ical().decode()))
        zones.update((key, parsed.get(key)) for key in parsed.keys())
    return zones


def props(component, name):
    """Returns the properties of a name as a list (icalendar gives one or a list)."""
    found = component.get(name)
    return [] if found is None else found if isinstance(found, list) else [found]


def parse_value(text, params, zones):
    """Returns a date (all-day), a naive datetime (floating) or an aware datetime of one value."""
    text = text.split("/")[0]  # a PERIOD counts from its start
    if params.get("VALUE", "").upper() == "DATE" or len(text) == 8:
        return datetime.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    when = datetime.datetime.strptime(text.rstrip("Zz"), "%Y%m%dT%H%M%S")
    if text[-1] in "Zz":
        return when.replace(tzinfo=datetime.timezone.utc)
    tzid = params.get("TZID")
    if tzid in zones:
        return when.replace(tzinfo=zones[tzid])
    try:
        return when.replace(tzinfo=zoneinfo.ZoneInfo(tzid)) if tzid else when
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return when


def values(component, name, zones):
    """Returns every value of a (maybe repeated, maybe comma-separated) date property."""
    return [parse_value(text, prop.params, zones) for prop in props(component, name)
            for text in prop.to_ical().decode().split(",")]


def to_frame(value, start):
    """Returns a value as a naive wall time in the frame of `start` (midnight for a date)."""
    if isinstance(value, datetime.datetime) and value.tzinfo and isinstance(start, datetime.datetime) \
            and start.tzinfo:
        value = value.astimezone(start.tzinfo)
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time())
    return value.replace(tzinfo=None)


def from_frame(naive, start):
    """Returns a wall time of `start`'s frame as an instance start of the same kind as `start`."""
    if not isinstance(start, datetime.datetime):
        return naive.date()
    return naive.replace(tzinfo=start.tzinfo)


def rule_text(prop, start, zones):
    """Returns an RRULE's text with UNTIL moved into the frame of `start` (dateutil wants it naive)."""
    text = prop.to_ical().decode()
    until = re.search(r"UNTIL=([0-9TZz]+)", text)
    if not until:
        return text
    bound = to_frame(parse_value(until.group(1), {}, zones), start)
    if len(until.group(1)) == 8:
        bound = bound.replace(hour=23, minute=59, second=59)
    return text.replace(until.group(0), "UNTIL=" + bound.strftime("%Y%m%dT%H%M%S"))


def expand(master, zones, first, last):
    """Returns the original starts (naive, in DTSTART's frame) of a master's instances near first..last."""
    start = values(master, "DTSTART", zones)[0]
    dtstart = to_frame(start, start)
    rules = rrule.rruleset()
    for prop in props(master, "RRULE"):
        rules.rrule(rrule.rrulestr(rule_text(prop, start, zones), dtstart=dtstart))
    if not props(master, "RRULE"):
        rules.rdate(dtstart)
    for value in values(master, "RDATE", zones):
        rules.rdate(to_frame(value, start))
    for value in values(master, "EXDATE", zones):
        rules.exdate(to_frame(value, start))
    low = datetime.datetime.combine(first - MARGIN, datetime.time())
    return start, rules.between(low, datetime.datetime.combine(last + MARGIN, datetime.time()), inc=True)


def instances(components, zones, first, last):
    """Yields (component, start) of each instance of one event: its master and overrides."""
    masters = [c for c in components if "RECURRENCE-ID" not in c and "DTSTART" in c]
    overrides = [c for c in components if "RECURRENCE-ID" in c]
    for master in masters[:1]:
        start, found = expand(master, zones, first, last)
        replaced = {to_frame(values(o, "RECURRENCE-ID", zones)[0], start) for o in overrides}
        yield from ((master, from_frame(naive, start)) for naive in found if naive not in replaced)
    for override in overrides:
        yield override, values(override, "DTSTART" if "DTSTART" in override else "RECURRENCE-ID", zones)[0]


def local_day(start):
    """Returns the day an instance counts on: the local date of a timed start, else as written."""
    if isinstance(start, datetime.datetime):
        return (start.astimezone() if start.tzinfo else start).date()
    return start


def order(start):
    """Returns a sort key of an instance start (floating and all-day read as local time)."""
    if not isinstance(start, datetime.datetime):
        start = datetime.datetime.combine(start, datetime.time())
    return start.timestamp()


def addresses_in(component):
    """Returns (present address keys, declined address keys) of ORGANIZER and ATTENDEE lines."""
    present, declined = set(), set()
    for name in ("ORGANIZER", "ATTENDEE"):
        for prop in props(component, name):
            value = str(prop)
            key = address_key(value[7:]) if value[:7].lower() == "mailto:" else None
            if not key:
                continue
            present.add(key)
            if name == "ATTENDEE" and str(prop.params.get("PARTSTAT", "")).upper() == "DECLINED":
                declined.add(key)
    return present, declined


def file_entries(path, window, mine, people):
    """Returns {(slug, day, event): (order, summary)} of one file (raises ValueError when invalid)."""
    first, last = window
    found = {}
    for calendar in parse_file(path):
        zones = file_zones(calendar)
        events = {}
        for component in calendar.walk("VEVENT"):
            events.setdefault(str(component.get("UID", "")) or id(component), []).append(component)
        for uid, components in events.items():
            for component, start in instances(components, zones, first, last):
                day = local_day(start)
                if not first <= day <= last or str(component.get("STATUS", "")).upper() == "CANCELLED" \
                        or str(component.get("TRANSP", "")).upper() == "TRANSPARENT":
                    continue
                present, declined = addresses_in(component)
                if declined & mine:
                    continue
                gone = {slug for key in declined for slug in people.get(key, ())}
                note = normalize_note(str(component.get("SUMMARY", "")))
                for slug in {slug for key in present for slug in people.get(key, ())} - gone:
                    key = (slug, day.isoformat(), uid)
                    found[key] = min(found.get(key, (order(start), note)), (order(start), note))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("network")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--since", type=parse_day)
    parser.add_argument("--today", type=parse_day)
    parser.add_argument("--no-summary", action="store_true")
    args = parser.parse_args()
    today = args.today or env_today()
    window = (args.since or one_year_before(today), today)
    contacts = read_contacts(args.network)
    people, mine = people_by_address(contacts), my_addresses(args.network)
    entries, status = set(), 0
    for path in ics_files(args.paths):
        try:
            found = file_entries(path, window, mine, people)
        except (ValueError, OSError) as error:
            print(f"{path}:{error}" if re.match(r"\d+:", str(error)) else f"{path}: {error}", file=sys.stderr)
            status = 3
            continue
        entries.update((slug, day, "" if args.no_summary else summary, summary)
                       for (slug, day, _), (_, summary) in found.items())
    notes = {}  # (slug, day) -> the notes of its meeting entries, logged or written
    for slug, contact in contacts.items():
        for date, _, note in log_entries(contact, "meeting"):
            notes.setdefault((slug, date), []).append(note)
    written = set()
    for slug, day, note, summary in sorted(entries):
        had = notes.setdefault((slug, day), [])
        if not any(n == "" or summary == "" or n == summary for n in had):
            had.append(note)
            written.add((slug, day, "meeting", note))
    print_entries(written)
    sys.exit(status)


if __name__ == "__main__":
    main()
