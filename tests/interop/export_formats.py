#!/usr/bin/python3
"""Property test (issue 18, items 3, 19 and 24): random text in every text field of the field
table (lib/kith/model/fields.cpp), log and follow-ups included, goes through every format kith writes
and is read back by a real parser: python3-vobject (vCard 4.0 and 3.0, stdout and a vdir),
Python's csv and json, python3-icalendar (export ics, due --format ics), the tsv of list and due,
and `kith email` read as mutt reads a query_command. Same people, same values, where the
format can carry them; where it cannot, the documented replacement:
- vCard and iCalendar carry no control character but the tab: each becomes U+FFFD, and CR LF,
  CR and LF are each one line break;
- a CSV cell beginning with = + - @ tab CR or ' gets a leading ' (spreadsheet formulas);
- a tsv cell has its tabs and line breaks (U+2028, U+2029 too) as spaces, other controls as U+FFFD;
- `kith email` gives only addresses that read as one address, names on one line, escaped.
Seeded and deterministic; a few seconds. Usage: export_formats.py KITH [SEED]
Debian's python3 on purpose: vobject and icalendar are Debian packages."""
import atexit, csv, datetime, io, json, os, pathlib, random, re, shutil, subprocess, sys, tempfile
from email.utils import getaddresses

import icalendar, vobject

KITH = sys.argv[1]
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 20261128
TODAY = "2026-11-28"
PEOPLE, ARCHIVED = 160, 20
rng = random.Random(SEED)

PIECES = [";", ",", ":", "\\", '"', "'", "=", "+", "-", "@", "\t", "\r", "\n", "\r\n", "\\n", "\\,", " ", "  ",
          "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\u202e", "\u00a0", "\ufeff",
          "😀", "𝄞", "é", "山田", "Ada", "x", "BEGIN:VCARD", "END:VCARD", "\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:forged",
          "END:VEVENT", "mailto:", "a@b.example", "<x@y>", ",evil@example.org", "%0A", "#", "- ", "|", "{a: b}"]


def text():
    """Random text: pieces of hostile syntax and random code points, never empty."""
    out = []
    for _ in range(rng.randint(1, 6)):
        roll = rng.random()
        if roll < 0.7:
            out.append(rng.choice(PIECES))
        elif roll < 0.85:
            out.append(chr(rng.randint(1, 0x1F)))  # every C0 control
        else:
            out.append(chr(rng.choice([rng.randint(0x20, 0x7E), rng.randint(0xA0, 0xD7FF), rng.randint(0x10000, 0x1FAFF)])))
    return "".join(out)


def yaml_quoted(value):
    """A YAML double-quoted scalar that reads back as exactly `value`."""
    out = []
    for ch in value:
        cp = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif cp < 0x20 or 0x7F <= cp <= 0x9F or cp in (0x2028, 0x2029, 0xFEFF):
            out.append("\\u%04x" % cp)
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def day(offset):
    """A day `offset` days from TODAY, as YYYY-MM-DD."""
    return (datetime.date.fromisoformat(TODAY) + datetime.timedelta(days=offset)).isoformat()


TIERS = [text() for _ in range(3)]
TEXTS = ["name", "title", "org", "role", "address", "prefer", "assistant", "met", "introduced_by", "why", "notes", "uid"]
LISTS = ["aka", "email", "phone", "url", "interests", "tags"]


def person(i):
    p = {"slug": f"p{i:03d}", "archived": i >= PEOPLE - ARCHIVED}
    for key in TEXTS:
        p[key] = text() if key == "name" or rng.random() < 0.8 else None
    p["name"] = f"N{i:03d}Q {p['name']}"  # a unique token to find them by
    if rng.random() < 0.2:
        p["uid"] = None  # kith derives a stable one
    for key in LISTS:
        p[key] = [text() for _ in range(rng.randint(0, 3))]
    if rng.random() < 0.5:  # a plain address too, which `kith email` gives
        p["email"].append(rng.choice(["ada", "o'neil+tag", "josé", "山田", "😀"]) + f".{i}@example.org")
    p["tier"] = rng.choice(TIERS)
    p["cadence"] = rng.choice([None, "2w", "30d"])
    p["birthday"] = rng.choice([None, "1990-03-04", "--07-15", "2000-02-29"])
    p["since"] = "2025-01-01"
    p["snooze"] = None
    p["dates"] = [{"date": rng.choice(["2010-06-01", "--10-02"]), "what": rng.choice(["anniversary", text()])}
                  for _ in range(rng.randint(0, 2))]
    p["followups"] = [{"due": day(rng.randint(-30, 300)), "what": text(), "done": None} for _ in range(rng.randint(0, 2))]
    p["log"] = [{"date": day(-rng.randint(1, 400)), "kind": text(), "note": text(), "with": rng.choice([None, text()])}
                for _ in range(rng.randint(0, 3))]
    return p


def contact_file(p):
    lines = []
    for key in ["name", "aka", "tier", "cadence", "title", "org", "role", "email", "phone", "address", "url", "prefer",
                "assistant", "interests", "tags", "met", "introduced_by", "why", "notes", "birthday", "since", "uid"]:
        value = p[key]
        if value is None or value == []:
            continue
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(yaml_quoted(v) for v in value)}]")
        elif key in ("cadence", "birthday", "since"):
            lines.append(f"{key}: {value}")
        else:
            lines.append(f"{key}: {yaml_quoted(value)}")
    for key, fields in [("dates", ["date", "what"]), ("followups", ["due", "what"]), ("log", ["date", "kind", "note", "with"])]:
        if not p[key]:
            continue
        lines.append(f"{key}:")
        for item in p[key]:
            parts = [f"{f}: {item[f] if f in ('date', 'due') else yaml_quoted(item[f])}" for f in fields if item[f] is not None]
            lines.append("  - {" + ", ".join(parts) + "}")
    return "\n".join(lines) + "\n"


def kith(*args, ok=(0,)):
    done = subprocess.run([KITH, "-d", NET, *args], capture_output=True, env=ENV)
    if done.returncode not in ok:
        sys.exit(f"kith {' '.join(args)} exited {done.returncode}: {done.stderr.decode(errors='replace')}")
    return done.stdout


def fail(what, got, want):
    sys.exit(f"{what}:\n  wrote {want!r}\n  read  {got!r}")


def same(what, got, want):
    if got != want:
        fail(what, got, want)


# --- what each format does to a value it cannot carry (the documented replacements) ---
CTL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def card_text(value):
    """vCard and iCalendar TEXT: line breaks as LF, other controls but the tab as U+FFFD."""
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "\ufffd", re.sub(r"\r\n?", "\n", value))


def csv_cell(value):
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r", "'") else value


def tsv_cell(value):
    value = re.sub(r"[\t\n\r\u2028\u2029]", " ", value)
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", "\ufffd", value)


def visible(value):
    """kith's visible(): what a terminal would obey, as an escape (names in `kith email`)."""
    names = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\e"}
    def one(m):
        c = m.group(0)
        return names.get(c) or ("\\x%02x" % ord(c) if ord(c) < 0x80 else "\\u%04x" % ord(c))
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]", one, value)


# --- the network ---
work = tempfile.mkdtemp()
atexit.register(shutil.rmtree, work, True)
NET = os.path.join(work, "network")
ENV = dict(os.environ, KITH_TODAY=TODAY, NO_COLOR="1", LC_ALL="C.UTF-8", HOME=work, TZ="UTC")
ENV.pop("KITH_DIR", None)
subprocess.run([KITH, "init", NET], capture_output=True, env=ENV, check=True)
pathlib.Path(NET, "kith.yaml").write_text(
    "tiers:\n" + "".join(f"  - {{name: {yaml_quoted(t)}, cadence: {c}}}\n" for t, c in zip(TIERS, ["30d", "90d", "180d"])),
    encoding="utf-8")
os.makedirs(os.path.join(NET, "archive"), exist_ok=True)
people = [person(i) for i in range(PEOPLE)]
for p in people:
    folder = "archive" if p["archived"] else "contacts"
    pathlib.Path(NET, folder, p["slug"] + ".yaml").write_text(contact_file(p), encoding="utf-8")
kith("check")
active = [p for p in people if not p["archived"]]
everyone = active + [p for p in people if p["archived"]]  # export order: contacts/, then archive/

# --- JSON: every field as written ---
exported = json.loads(kith("export", "json", "--archived"))
same("json: people", len(exported), len(everyone))
for p, j in zip(everyone, exported):
    for key in TEXTS + ["tier", "cadence", "birthday", "since", "snooze"]:
        same(f"json {p['slug']} {key}", j[key], p[key])
    for key in LISTS:
        same(f"json {p['slug']} {key}", j[key], p[key])
    same(f"json {p['slug']} archived", j["archived"], p["archived"])
    same(f"json {p['slug']} dates", j["dates"], p["dates"])
    same(f"json {p['slug']} followups", j["followups"], p["followups"])
    same(f"json {p['slug']} log", j["log"], p["log"])

# --- CSV: every column, formulas neutralised ---
rows = list(csv.reader(io.StringIO(kith("export", "csv", "--archived").decode("utf-8"), newline="")))
same("csv: rows", len(rows), len(everyone) + 1)
header = rows[0]
for p, row in zip(everyone, rows[1:]):
    same(f"csv {p['slug']}: cells", len(row), len(header))
    for column, cell in zip(header, row):
        value = p.get(column)
        if column == "archived":
            value = "true" if p["archived"] else "false"
        elif isinstance(value, list):
            value = " ::: ".join(value)
        same(f"csv {p['slug']} {column}", cell, csv_cell(value or ""))


# --- vCard 4.0 and 3.0, from stdout and from a vdir ---
def check_card(p, card, version):
    where = f"vcard {version} {p['slug']}"
    same(f"{where} VERSION", card.version.value, version)
    same(f"{where} FN", card.fn.value, card_text(p["name"]))
    given, _, family = p["name"].rpartition(" ")
    same(f"{where} N", (card.n.value.family, card.n.value.given), (card_text(family), card_text(given)))
    lists = card.contents
    for prop, key in [("nickname", "aka"), ("email", "email"), ("tel", "phone"), ("url", "url")]:
        same(f"{where} {prop}", [c.value for c in lists.get(prop, [])], [card_text(v) for v in p[key]])
    same(f"{where} CATEGORIES", [v for c in lists.get("categories", []) for v in c.value], [card_text(v) for v in p["tags"]])
    for prop, key in [("title", "title"), ("role", "role"), ("note", "notes")]:
        want = p[key].rstrip("\r\n") if key == "notes" and p[key] else p[key]
        same(f"{where} {prop}", [c.value for c in lists.get(prop, [])], [card_text(want)] if want else [])
    same(f"{where} ORG", [c.value for c in lists.get("org", [])], [[card_text(p["org"])]] if p["org"] else [])
    same(f"{where} ADR", [c.value.street for c in lists.get("adr", [])], [card_text(p["address"])] if p["address"] else [])
    if p["uid"] is not None:
        same(f"{where} UID", card.uid.value, card_text(p["uid"]))


for version in ("4", "3"):
    cards = list(vobject.readComponents(kith("export", "vcard", "--archived", "--vcard-version", version).decode("utf-8")))
    same(f"vcard {version}: cards", len(cards), len(everyone))
    for p, card in zip(everyone, cards):
        check_card(p, card, version + ".0")
    vdir = os.path.join(work, "vdir" + version, "cards")
    kith("export", "vcard", "--archived", "--vcard-version", version, "-o", vdir)
    files = sorted(pathlib.Path(vdir).iterdir())
    same(f"vdir {version}: files", [f.name for f in files], sorted(p["slug"] + ".vcf" for p in everyone))
    for f in files:
        read = list(vobject.readComponents(f.read_text(encoding="utf-8")))
        same(f"vdir {version} {f.name}: cards", len(read), 1)
        check_card(next(p for p in everyone if p["slug"] + ".vcf" == f.name), read[0], version + ".0")

# --- iCalendar: export ics and due --format ics, against due --format json ---
due = json.loads(kith("due", "--format", "json", "--within", "1y", ok=(0, 1)))
by_slug = {p["slug"]: p for p in people}


def rfc5545_unescape(value):
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def raw_lines(ics):
    """The content lines, unfolded: each must be free of control characters but the tab."""
    lines = re.sub(r"\r\n[ \t]", "", ics).split("\r\n")
    for line in lines:
        if CTL.search(line):
            fail("ics: a control character in a content line", line, "none")
    return lines


def expected_description(item, p, events):
    out = ""
    if item["what"] in ("birthday", "date"):
        source = p["birthday"] if item["what"] == "birthday" else next(d["date"] for d in p["dates"] if d["what"] == item["detail"])
        if not source.startswith("--"):
            out += ("born " if item["what"] == "birthday" else "since ") + source[:4] + "\n"
    elif events:
        out += "due: " + item["due"] + "\n"
    out += "tier: " + item["tier"]
    if item["what"] == "contact":
        out += "\nlast: " + item["detail"]
    if p["prefer"]:
        out += "\nprefer: " + p["prefer"]
    return out


def check_calendar(what, ics, events):
    components = [c for c in icalendar.Calendar.from_ical(ics).walk() if c.name in ("VEVENT", "VTODO")]
    same(f"{what}: items", len(components), len(due))
    raw = [line for line in raw_lines(ics.decode("utf-8")) if line.startswith(("SUMMARY:", "DESCRIPTION:"))]
    for n, (item, component) in enumerate(zip(due, components)):
        p = by_slug[item["slug"]]
        summary = {"contact": "Get in touch with " + p["name"], "birthday": p["name"] + "'s birthday"}.get(
            item["what"], p["name"] + ": " + item["detail"])
        for prop, want, line in [("SUMMARY", summary, raw[2 * n]), ("DESCRIPTION", expected_description(item, p, events), raw[2 * n + 1])]:
            want = card_text(want)
            same(f"{what} {item['slug']} {prop} (RFC 5545)", rfc5545_unescape(line.split(":", 1)[1]), want)
            # icalendar 4.0.3 unescapes with chained str.replace, so it reads an escaped backslash
            # before 'n' or ',' wrongly; where there is none, its value is compared as well.
            if "\\" not in want:
                same(f"{what} {item['slug']} {prop}", str(component[prop]), want)


check_calendar("export ics", kith("export", "ics"), False)
check_calendar("due ics", kith("due", "--format", "ics", "--within", "1y", ok=(0, 1)), False)
check_calendar("due ics events", kith("due", "--format", "ics", "--ics-events", "--within", "1y", ok=(0, 1)), True)

# --- tsv: one record a line, every cell as tsv_cell gives it ---
for listing, expected in [(["--format", "tsv"], active), (["--format", "tsv", "--archived"], everyone[len(active):])]:
    listed = kith("list", *listing).decode("utf-8").split("\n")
    same("list tsv: lines", len(listed), len(expected) + 2)  # header, people, and the final empty string
    rows = [line.split("\t") for line in listed[1:-1]]
    same("list tsv: slugs", sorted(r[0] for r in rows), [p["slug"] for p in expected])
    for cells in rows:
        p = by_slug[cells[0]]
        same("list tsv: cells", len(cells), 6)
        same(f"list tsv {p['slug']}", cells[1:3], [tsv_cell(p["name"]), tsv_cell(p["tier"])])
due_tsv = kith("due", "--format", "tsv", "--within", "1y", ok=(0, 1)).decode("utf-8").split("\n")
same("due tsv: lines", len(due_tsv), len(due) + 2)
columns = due_tsv[0].split("\t")
for line, item in zip(due_tsv[1:-1], due):
    cells = dict(zip(columns, line.split("\t")))
    same("due tsv: cells", len(line.split("\t")), len(columns))
    p = by_slug[item["slug"]]
    same(f"due tsv {item['slug']}", [cells["name"], cells["tier"], cells["detail"], cells["prefer"]],
         [tsv_cell(x) for x in (p["name"], item["tier"], item["detail"], p["prefer"] or "")])

# --- kith email, read as mutt reads query_command: lines, tab-separated fields, address lists ---
# Every active person's name holds "Q " after their number: one query finds them all.
flat = lambda v: visible(re.sub(r"[\t\r\n]", " ", v or ""))
out = kith("email", "q ").decode("utf-8")
first, *lines = out.split("\n")[:-1]  # mutt reads a line up to "\n"
given = int(re.match(r"kith: (\d+) address", first).group(1))
left_out = int((re.search(r"\((\d+) left out", first) or [0, 0])[1])
addresses = sum(len(p["email"]) for p in active)
same("email: addresses given and left out", (len(lines), given + left_out), (given, addresses))
expected = {(a, flat(p["name"]), flat(p["org"])) for p in active for a in p["email"]}
for line in lines:
    fields = line.split("\t")  # strtok(buf, "\t\n")
    same("email: fields", len(fields), 3)
    same(f"email: recipients in {fields[0]!r}", getaddresses([fields[0]]), [("", fields[0])])
    if tuple(fields) not in expected:
        fail("email: a line", line, "an address of a person, with their name and org")
print(f"{len(everyone)} people, every field through json, csv, vCard 4.0 and 3.0 (stdout and vdir), "
      f"{len(due)} calendar items three ways, tsv of list and due, {given} of {addresses} addresses given by `kith email`: all read back")
