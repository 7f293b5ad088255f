#!/usr/bin/python3
"""Writes a Maildir and the kith network it belongs to, for `kith sync mail` and its oracle.

Usage: make_maildir.py OUT --seed N [--messages M] [--people P] [--span DAYS] [--today DATE]

OUT/mail/          the Maildir notmuch indexes: cur/ new/ tmp/ (the inbox), Sent/ and Archive/
                   (each with cur/ new/ tmp/), and mbsync's .uidvalidity files (not mail)
OUT/mail.tags      TAG<TAB>MESSAGE-ID lines to apply after `notmuch new` (spam, deleted)
OUT/mail.me        the addresses notmuch's config gives as yours: the first is
                   user.primary_email, the others user.other_email (one only notmuch knows)
OUT/mail.counts    files, non-mail files, files in tmp/, duplicate copies, distinct messages
OUT/network/       kith.yaml (me: name, email, addresses) and contacts/*.yaml, archive/*.yaml

Deterministic for a seed. The fixed cast (edge_cases.py: Ada, Bob, Carol, ...) and its
messages are always written, at days counted back from --today (default 2026-11-28, the
day the CLI suites pin); then random traffic among `person-N` fills the archive up to M
files, and the network up to P people, dated over the --span days before --today (default
420; a real archive of 50,000 messages spans years, so a first sync reads a part of it:
give the benchmark e.g. --span 1825). The random traffic is the common case (received,
sent, To/Cc, aliases with the domain in another case, lists, strangers, a person writing to
someone else, spam, duplicate copies, dates near midnight in several zones); the edge
cases are the rare ones, listed in edge_cases.py.
"""
import argparse
import datetime
import email.message
import os
import pathlib
import random
import sys
from email.header import Header
from email.utils import format_datetime, formataddr

import edge_cases
from kithnet import parse_day

FIRST = ["Ada", "Grace", "Linus", "Mei", "Priya", "Omar", "Lena", "Tom", "Sofia", "Kwame", "Taro", "Amara",
         "Ingrid", "Chen", "Fatima", "Lucas", "Noor", "Olga", "Ravi", "Diego", "Aiko", "Bjorn", "Zoe", "Ines"]
LAST = ["Lovelace", "Hopper", "Okafor", "Chen", "Nunez", "Shah", "Haddad", "Fischer", "Becker", "Rossi",
        "Mensah", "Yamada", "Nwosu", "Larsen", "Wang", "Khan", "Silva", "Hassan", "Ivanova", "Patel"]
ACCENTED = ["José Núñez", "Zoë Brontë", "Björn Ångström", "Ingrid Øverås", "Chloé Lefèvre", "Mei 山田"]
DOMAINS = [f"{word}.example" for word in ("acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne",
                                           "tyrell", "cyberdyne", "soylent", "aperture", "wonka", "gringotts")]
WORDS = ["lunch", "engine", "paper", "plans", "draft", "review", "hiring", "budget", "trip", "intro", "notes",
         "slides", "offsite", "contract", "launch", "roadmap", "coffee", "follow-up", "question", "thanks"]
# Subjects a YAML writer must quote or escape, when kith logs them as notes with --subjects.
HOSTILE = ["Re: plan: Q4 #1", "yes", "007", "- dash first", "[draft] {x}", "it's \"quoted\"", "null", "~",
           "key: value", "50% off & more", "tab\there", "  spaced   out  ", "*star", "&anchor", "!tag", "@at",
           "> folded", "| literal", "Über das Café", "会議のお知らせ", "emoji 🎉 party", "1:30"]
ZONES = ["UTC", "America/Los_Angeles", "America/New_York", "Asia/Tokyo", "Asia/Kolkata", "Europe/Berlin"]
OFFSETS = [0, -480, -420, -300, -240, 60, 120, 330, 540, 600, 765, -600, 840, -720]  # minutes east of UTC
LIST_IDS = ["Dev list <dev.lists.example.org>", "<announce.lists.example.org>", "Kith users <users.kith.example>"]


def mailbox(name, address):
    """Returns a header's mailbox, the display name RFC 2047-encoded when it is not ASCII."""
    return formataddr((name, address), charset="utf-8") if name else address


def build(mid, frm, date, to=(), cc=(), bcc=(), subject=None, list_id=None, headers=(), body="Hello,\n"):
    """Returns the bytes of a message made with Python's email module (compat32 policy).

    `date` is a datetime with a time zone (written as RFC 5322), a string (written as is)
    or None (no Date header). `mid` None leaves the Message-ID out. Raw 8-bit header values
    come as str with surrogate escapes, which the email module writes back as the bytes.
    """
    msg = email.message.Message()
    msg["From"] = frm
    for name, value in (("To", to), ("Cc", cc), ("Bcc", bcc)):
        if value:
            msg[name] = ", ".join(value) if isinstance(value, (list, tuple)) else value
    if subject is not None:
        raw_8bit = any("\udc80" <= c <= "\udcff" for c in subject)
        msg["Subject"] = subject if subject.isascii() or raw_8bit else Header(subject, "utf-8").encode()
    if isinstance(date, datetime.datetime):
        msg["Date"] = format_datetime(date)
    elif date is not None:
        msg["Date"] = date
    if mid is not None:
        msg["Message-ID"] = f"<{mid}>"
    if list_id:
        msg["List-Id"] = list_id
    for name, value in headers:
        msg[name] = value
    msg["MIME-Version"] = "1.0"
    msg["Content-Type"] = "text/plain; charset=utf-8"
    msg.set_payload(body)
    return msg.as_bytes()


class Archive:
    """The Maildir being written and the records beside it."""

    def __init__(self, out):
        """Makes the Maildir folders under OUT/mail."""
        self.mail = pathlib.Path(out, "mail")
        for folder in ("", "Sent", "Archive"):
            for sub in ("cur", "new", "tmp"):
                (self.mail / folder / sub).mkdir(parents=True, exist_ok=True)
        self.serial = 0
        self.tags = []
        self.counts = {"files": 0, "non_mail": 0, "in_tmp": 0, "duplicate_copies": 0}

    def write(self, data, folder="", sub="cur", kind="mail"):
        """Writes one file under a deterministic Maildir name; kind: mail, non_mail, copy, tmp."""
        self.serial += 1
        name = f"{1780000000 + self.serial}.M{self.serial}P1.gen" + (":2,S" if sub == "cur" else "")
        (self.mail / folder / sub / name).write_bytes(data)
        if sub == "tmp":
            self.counts["in_tmp"] += 1
            return
        self.counts["files"] += 1
        if kind == "non_mail":
            self.counts["non_mail"] += 1
        elif kind == "copy":
            self.counts["duplicate_copies"] += 1

    def tag(self, tag, mid):
        """Records that the message `mid` gets `tag` after `notmuch new`."""
        self.tags.append(f"{tag}\t{mid}")

    def finish(self, out, me_for_notmuch):
        """Writes mail.tags, mail.me, mail.counts and the .uidvalidity files mbsync leaves."""
        for folder in ("", "Sent"):
            (self.mail / folder / ".uidvalidity").write_bytes(b"1700000000\n42\n")
            self.counts["files"] += 1
            self.counts["non_mail"] += 1
        counts = dict(self.counts)
        counts["messages"] = counts["files"] - counts["non_mail"] - counts["duplicate_copies"]
        pathlib.Path(out, "mail.tags").write_text("".join(line + "\n" for line in self.tags))
        pathlib.Path(out, "mail.me").write_text("".join(a + "\n" for a in me_for_notmuch))
        pathlib.Path(out, "mail.counts").write_text("".join(f"{k}\t{v}\n" for k, v in counts.items()))


def write_contact(folder, slug, name, emails, log=(), comment=None):
    """Writes one contact file the way a user keeps it (flow-style email list and log)."""
    lines = [f"# {comment}"] if comment else []
    lines += [f"name: {name}", f"email: [{', '.join(emails)}]", "since: 2020-01-15"]
    if log:
        lines.append("log:")
        lines += [f"  - {{{entry}}}" for entry in log]
    pathlib.Path(folder, f"{slug}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_network(out, people, archived):
    """Writes OUT/network: kith.yaml with "me", contacts/ and archive/."""
    net = pathlib.Path(out, "network")
    for sub in ("contacts", "archive"):
        (net / sub).mkdir(parents=True, exist_ok=True)
    me = edge_cases.ME
    (net / "kith.yaml").write_text(
        "# A network generated by tests/sync/make_maildir.py\n"
        f"me: {{name: {me['name']}, email: {me['email']}, addresses: [{', '.join(me['addresses'])}]}}\n",
        encoding="utf-8")
    for slug, person in people.items():
        write_contact(net / "contacts", slug, person["name"], person["emails"], person.get("log", ()),
                      person.get("comment"))
    for slug, person in archived.items():
        write_contact(net / "archive", slug, person["name"], person["emails"], (), person.get("comment"))


class Traffic:
    """Random, ordinary mail among the generated people, you and strangers."""

    def __init__(self, rng, today, span, people, archive):
        """Keeps what the random messages are drawn from and where they go."""
        self.rng, self.today, self.span, self.people, self.archive = rng, today, span, people, archive
        self.slugs = [slug for slug in people if slug.startswith("person-")]
        me = edge_cases.ME
        self.mine = [me["email"]] + list(me["addresses"]) + [me["email"]] * 3  # mostly the primary

    def recase_domain(self, address):
        """Returns the address with its domain's case changed now and then (the local part kept)."""
        local, _, domain = address.rpartition("@")
        choice = self.rng.random()
        domain = domain.upper() if choice < 0.1 else domain.lower() if choice < 0.3 else domain
        return f"{local}@{domain}"

    def person(self):
        """Returns a random generated person's mailbox (one of their addresses)."""
        slug = self.rng.choice(self.slugs)
        person = self.people[slug]
        return mailbox(person["name"], self.recase_domain(self.rng.choice(person["emails"])))

    def me(self):
        """Returns one of your mailboxes, mostly the primary address."""
        return mailbox(edge_cases.ME["name"], self.recase_domain(self.rng.choice(self.mine)))

    def stranger(self):
        """Returns an address nobody in the network has."""
        return mailbox("", f"someone{self.rng.randrange(10**6)}@{self.rng.choice(DOMAINS)}")

    def date(self):
        """Returns a Date header value: mostly numeric offsets, some zone names, some near midnight."""
        rng = self.rng
        start = datetime.datetime.combine(self.today - datetime.timedelta(days=self.span), datetime.time(),
                                          datetime.timezone.utc)
        if rng.random() < 0.15:  # within 90 minutes of midnight somewhere the tests set TZ to
            zone = edge_cases.zone(rng.choice(ZONES))
            day = self.today - datetime.timedelta(days=rng.randrange(-3, self.span))
            midnight = datetime.datetime.combine(day, datetime.time(), zone)
            instant = midnight + datetime.timedelta(seconds=rng.randrange(-5400, 5400))
        else:
            instant = start + datetime.timedelta(seconds=rng.randrange((self.span + 3) * 86400))
        style = rng.random()
        if style < 0.03:
            return edge_cases.named_zone_date(instant, rng.choice(["GMT", "UT", "EST", "EDT", "PST", "PDT"]))
        offset = datetime.timezone(datetime.timedelta(minutes=rng.choice(OFFSETS)))
        return instant.astimezone(offset)

    def subject(self):
        """Returns a subject: mostly words, some a YAML writer must quote, a few none."""
        rng = self.rng
        choice = rng.random()
        if choice < 0.03:
            return None
        if choice < 0.15:
            return rng.choice(HOSTILE)
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 5)))
        return ("Re: " if rng.random() < 0.3 else "") + words.capitalize()

    def message(self, serial):
        """Writes one random message (and maybe a duplicate copy, maybe a tag)."""
        rng, archive = self.rng, self.archive
        mid = f"gen{serial}.{rng.randrange(10**9):09d}@mail.gen.example"
        roll = rng.random()
        others = [self.person() for _ in range(rng.choice([0, 0, 0, 1, 2]))]
        folder, tag, list_id = "", None, None
        if roll < 0.40:  # from a person to you, you in To or in Cc
            frm = self.person()
            to, cc = ([self.me()] + others, []) if rng.random() < 0.8 else ([self.person()], [self.me()])
            tag = "spam" if rng.random() < 0.02 else "deleted" if rng.random() < 0.01 else None
        elif roll < 0.75:  # from you to people
            frm, folder = self.me(), "Sent"
            to = [self.person() for _ in range(rng.randint(1, 3))]
            cc = [self.person()] if rng.random() < 0.3 else []
        elif roll < 0.82:  # a mailing list, whoever writes
            frm = rng.choice([self.person(), self.me()])
            to, cc = ["dev@lists.example.org"], [self.me()] if rng.random() < 0.5 else []
            list_id = rng.choice(LIST_IDS)
        elif roll < 0.90:  # strangers
            frm, to, cc = self.stranger(), [self.me()], []
        elif roll < 0.95:  # a person to someone else
            frm, to, cc = self.person(), [self.person(), self.stranger()], []
        else:  # you to strangers and people mixed
            frm, folder = self.me(), "Sent"
            to, cc = [self.stranger()], [self.person()]
        data = build(mid, frm, self.date(), to=to, cc=cc, subject=self.subject(), list_id=list_id,
                     body=f"Message {serial}.\n")
        archive.write(data, folder, "cur" if rng.random() < 0.9 else "new")
        if tag:
            archive.tag(tag, mid)
        if rng.random() < 0.005:
            archive.write(data, "Archive", "cur", kind="copy")


def random_people(rng, count, today):
    """Returns {slug: person} for `count` generated people: some with two addresses, some in mixed case."""
    people = {}
    kinds = ["email", "email", "call", "meeting", "coffee", "note"]
    for i in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = rng.choice(ACCENTED) + f" {i}" if rng.random() < 0.05 else f"{first} {last} {i}"
        domain = rng.choice(DOMAINS)
        emails = [f"{first.lower()}.{last.lower()}{i}@{domain}"]
        if rng.random() < 0.1:
            emails = [f"{first}.{last}{i}@{domain.capitalize().replace('.example', '.EXAMPLE')}"]
        if rng.random() < 0.2:
            emails.append(f"{first.lower()}{i}@{rng.choice(DOMAINS)}")
        log = []
        for _ in range(rng.choice([0, 0, 0, 1, 2, 5])):
            day = today - datetime.timedelta(days=rng.randrange(1, 420))
            kind = rng.choice(kinds)
            log.append(f"date: {day}, kind: {kind}" + (", note: by hand" if rng.random() < 0.3 else ""))
        people[f"person-{i}"] = {"name": name, "emails": emails, "log": sorted(log)}
    return people


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--messages", type=int, default=400, help="files in the archive, about (default 400)")
    parser.add_argument("--people", type=int, default=40, help="people in the network (default 40)")
    parser.add_argument("--span", type=int, default=420, help="days the random mail spans (default 420)")
    parser.add_argument("--today", type=parse_day, default=parse_day("2026-11-28"))
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    if out.exists() and any(out.iterdir()):
        sys.exit(f"make_maildir: '{out}' is not empty")
    rng = random.Random(args.seed)
    archive = Archive(out)
    people, archived = edge_cases.cast(args.today)
    people.update(random_people(rng, max(0, args.people - len(people) - len(archived)), args.today))
    edge_cases.write_all(archive, args.today, build)
    traffic = Traffic(rng, args.today, args.span, people, archive)
    for serial in range(max(0, args.messages - archive.counts["files"])):
        traffic.message(serial)
    archive.finish(out, edge_cases.NOTMUCH_ME)
    write_network(out, people, archived)


if __name__ == "__main__":
    main()
