"""The fixed cast of make_maildir.py and the rare messages written for them.

Each message says what the oracle (mail_oracle.py) makes of it. "Tn" is n days before
--today; times are UTC noon unless said, so a day does not depend on TZ, except Mei's and
Omar's, which are near midnight on purpose. Nobody in the cast gets random traffic.
"""
import datetime
import zoneinfo
from email.utils import format_datetime

ME = {"name": "Sam Rivera", "email": "sam@example.org", "addresses": ["sam@work.example", "Sam.Rivera@Mail.Example"]}
# notmuch's user.primary_email and user.other_email: sam@old-job.example is only there.
NOTMUCH_ME = ["sam@example.org", "sam@work.example", "sam@old-job.example"]
NAMED_ZONES = {"GMT": 0, "UT": 0, "EST": -5, "EDT": -4, "PST": -8, "PDT": -7}
HOSTILE_SUBJECTS = ["Re: plan: Q4 #1", "yes", "007", "- dash first", "[draft] {x}", "it's \"quoted\"", "null",
                    "key: value # not a comment", "tab\there", "  spaced   out  ", "会議のお知らせ", "emoji 🎉",
                    "A long subject " + "that goes on " * 12 + "and ends"]


def zone(name):
    """Returns the tzinfo of an IANA zone name."""
    return datetime.timezone.utc if name == "UTC" else zoneinfo.ZoneInfo(name)


def named_zone_date(instant, name):
    """Returns an RFC 822 date in an obsolete zone name (EST, PDT, GMT...) for an instant."""
    local = instant.astimezone(datetime.timezone(datetime.timedelta(hours=NAMED_ZONES[name])))
    return format_datetime(local).rsplit(" ", 1)[0] + " " + name


def cast(today):
    """Returns ({slug: person}, {slug: archived person}) of the fixed cast."""
    def day(n):
        """The date n days before today."""
        return today - datetime.timedelta(days=n)
    people = {
        "ada-lovelace": ("Ada Lovelace", ["ada@example.org", "Ada.Lovelace@Analytical.Example"]),
        "bob-okafor": ("Bob Okafor", ["bob@example.org"]),
        "carol-chen": ("Carol Chen", ["Carol.Chen@Example.COM"]),
        "jose-nunez": ("José Núñez", ["jose@example.org"]),
        "eve-lister": ("Eve Lister", ["eve@example.org"]),
        "frank-spam": ("Frank Spam", ["frank@example.org"]),
        "heidi-klein": ("Heidi Klein", ["heidi@example.org"]),
        "ivan-petrov": ("Ivan Petrov", ["ivan@example.org"]),
        "judy-other": ("Judy Other", ["judy@example.org"]),
        "kwame-mensah": ("Kwame Mensah", ["kwame@example.org"]),
        "lena-fischer": ("Lena Fischer", ["lena@example.de"]),
        "mei-yamada": ("Mei Yamada", ["mei@example.jp"]),
        "omar-haddad": ("Omar Haddad", ["omar@example.org"]),
        "yuki-tanaka": ("Yuki Tanaka", ["yuki@example.jp"]),
    }
    people = {slug: {"name": name, "emails": emails, "comment": "the fixed cast of make_maildir.py"}
              for slug, (name, emails) in people.items()}
    people["heidi-klein"]["log"] = [f"date: {day(23)}, kind: email, note: by hand", f"date: {day(22)}, kind: call"]
    archived = {"grace-hopper": {"name": "Grace Hopper", "emails": ["grace@example.org"]}}
    return people, archived


def write_all(archive, today, build):
    """Writes the edge-case messages into the archive (a make_maildir.Archive) with `build`."""

    def at(n, hour=12, minute=0, shown=0):
        """The instant n days before today at hour:minute UTC, written in offset `shown` minutes."""
        instant = datetime.datetime.combine(today - datetime.timedelta(days=n), datetime.time(hour, minute),
                                            datetime.timezone.utc)
        return instant.astimezone(datetime.timezone(datetime.timedelta(minutes=shown)))

    def local(n, hour, minute, second, offset_minutes):
        """n days before today at hour:minute:second in a UTC offset (for the near-midnight cases)."""
        tz = datetime.timezone(datetime.timedelta(minutes=offset_minutes))
        return datetime.datetime.combine(today - datetime.timedelta(days=n), datetime.time(hour, minute, second), tz)

    me, sent = "Sam Rivera <sam@example.org>", "Sent"

    def mail(n, frm, date, folder="", sub="cur", tag=None, **fields):
        """Writes edge case n (Message-ID edge-n@gen.example), tagged when asked."""
        mid = f"edge-{n}@gen.example"
        archive.write(build(mid, frm, date, body=f"Edge case {n}.\n", **fields), folder, sub)
        if tag:
            archive.tag(tag, mid)

    mail("01", "Ada Lovelace <ada@example.org>", at(40), sub="new", to=me, subject="Lunch next week?")  # ada T40
    mail("02", me, at(39), sent, to="Bob Okafor <bob@example.org>", subject="Re: the engine paper")  # bob T39
    mail("03", me, at(38), sent, to="x@elsewhere.example", cc="Carol <Carol.Chen@example.com>",
         subject="Slides")  # carol T38: the domain in another case matches
    mail("04", me, at(37), sent, to="carol.chen@example.com", subject="Lower case")  # nobody: local part differs
    mail("05", "ada@example.org", at(36, shown=60), to="sam@WORK.Example", subject="Alias")  # ada T36
    mail("06", "bob@example.org", at(35), to="SAM@example.org", subject="Not you")  # nobody: your local part
    mail("07", "Sam Rivera <Sam.Rivera@mail.example>", at(34), sent, to="bob@example.org",
         subject="From the alias")  # bob T34
    mail("08", "kwame@example.org", at(33), to="sam@old-job.example", subject="Old job")  # kwame T33, notmuch's
    mail("09", "eve@example.org", at(32), to=me, subject="[dev] release", list_id="Dev list <dev.lists.example.org>")
    mail("10", me, at(31), sent, to="dev@lists.example.org", cc="eve@example.org", subject="Re: [dev] release",
         list_id="<dev.lists.example.org>")  # nobody: both are list mail
    mail("11", "ada@example.org", at(30), to="judy@example.org", subject="Not to you")  # nobody
    mail("12", "ada@example.org", at(29), to="judy@example.org", cc=me, subject="Cc you")  # ada T29 (not judy)
    mail("13", me, at(28), sent, to="ada@example.org", cc="judy@example.org", subject="To and Cc")  # ada, judy T28
    mail("14a", "someone@stranger.example", at(27), to=me, subject="Hello")  # nobody
    mail("14b", me, at(27), sent, to="someone@stranger.example", subject="Re: Hello")  # nobody
    mail("15a", "frank@example.org", at(26), to=me, subject="Buy now", tag="spam")  # nobody: spam
    mail("15b", me, at(25), sent, to="frank@example.org", subject="Stop", tag="deleted")  # nobody: deleted
    mail("16", me, at(24), sent, to="undisclosed-recipients:;", bcc="ivan@example.org",
         subject="Bcc only")  # nobody: Bcc is neither To nor Cc
    mail("17a", "heidi@example.org", at(23), to=me, subject="Logged by hand")  # nothing: an email entry that day
    mail("17b", "heidi@example.org", at(22), to=me, subject="After the call")  # heidi T22: a call does not count
    latin1 = "José Núñez <jose@example.org>".encode("latin-1").decode("ascii", "surrogateescape")
    mail("18", latin1, at(21), to=me, subject="Café crème brûlée".encode("latin-1").decode("ascii", "surrogateescape"))
    mail("19", "=?UTF-8?Q?Okafor=2C_Bob?= <bob@example.org>", at(20), to='"Rivera, Sam" <sam@example.org>',
         subject="Über das Café — nächste Woche")  # bob T20, subject RFC 2047-encoded
    mail("20", "ada@example.org", at(19), to=me, subject="Twice")  # ada T19; a copy with the same Message-ID:
    archive.write(build("edge-20@gen.example", "ada@example.org", at(19), to=me, subject="Twice",
                        headers=[("X-Copy", "archived")], body="The archived copy.\n"), "Archive", "cur", "copy")
    archive.write(bytes(range(256)) * 4, kind="non_mail")  # binary: not mail for notmuch
    archive.write(b"Received: from x by y; Mon, 1 Jun 2026 10:00:00 +0000\nMessage-ID: <edge-21b@gen.example>\n"
                  b"Date: Mon, 1 Jun 2026 10:00:00 +0000\n\nNo From, To or Subject.\n", kind="non_mail")
    mail("22", "ada@example.org", at(18), sub="tmp", to=me, subject="Being delivered")  # nothing: tmp/
    mail("23", "grace@example.org", at(17), to=me, subject="From the archive")  # nothing: grace is archived
    mail("24a", me, at(16), sent, to=me, subject="Note to self")  # nobody
    mail("24b", me, at(16, 15), sent, to="sam@work.example", cc="lena@example.de", subject="Self, Cc Lena")  # lena
    mail("25", me, at(15), sent, to=["ada@example.org", "Bob <bob@example.org>"], cc="Carol.Chen@Example.COM",
         subject="Three at once")  # ada, bob, carol T15
    mail("26", '"Okafor, Bob" <bob@example.org>', at(14), to="sam@example.org (Sam at home)",
         subject="Comma in the name")  # bob T14
    mail("27", '"bob"@example.org', at(13), to=me, subject="Quoted local part")  # bob T13
    archive.write(build(None, "lena@example.de", at(12), to=me, subject="No Message-ID"))  # lena T12
    mail("29b", "lena@example.de", at(11, 9), to=me, subject="Second of the day")
    mail("29a", "lena@example.de", at(11, 8), to=me, subject="First of the day")  # lena T11: the earliest
    mail("30b", "lena@example.de", at(10, 10), to=me, subject="Tie B")
    mail("30a", "lena@example.de", at(10, 10), to=me, subject="Tie A")  # lena T10: same time, lowest id
    mail("31a", "lena@example.de", at(9, 8), to=me)  # lena T9 with no note: the earliest has no subject
    mail("31b", "lena@example.de", at(9, 9), to=me, subject="Later subject")
    mail("32a", "omar@example.org", None, to=me, subject="No date")  # nothing: notmuch's date is 0
    mail("32b", "omar@example.org", "the day after tomorrow", to=me, subject="Bad date")  # nothing, the same
    no_zone = format_datetime(at(6, 23, 30)).rsplit(" ", 1)[0]
    mail("32c", "omar@example.org", no_zone, to=me, subject="No zone")  # read as UTC: T6 23:30Z
    mail("32d", me, named_zone_date(at(5, 2), "EST"), sent, to="omar@example.org",
         subject="EST")  # 21:00 EST on T6 = 02:00Z on T5
    mail("32e", "omar@example.org", at(-3), to=me, subject="From the future")  # nothing: after today
    mail("32f", "omar@example.org", at(400), to=me, subject="Long ago")  # nothing with the default --since
    mail("33a", "mei@example.jp", local(18, 23, 30, 0, -480), to=me, subject="Late in California")
    mail("33b", me, local(16, 0, 30, 0, 540), sent, to="mei@example.jp", subject="Early in Tokyo")
    mail("33c", "mei@example.jp", local(15, 23, 59, 59, 0), to="bob@example.org", cc=me, subject="Last second")
    mail("33d", me, local(13, 0, 0, 0, 0), sent, to="x@elsewhere.example", cc="mei@example.jp",
         subject="First second")
    mail("33e", "mei@example.jp", local(12, 12, 0, 0, 840), to=me, subject="Kiribati noon")
    for i, subject in enumerate(HOSTILE_SUBJECTS):  # yuki: one a day from T60, subjects a YAML writer must quote
        mail(f"34-{i:02d}", "Yuki Tanaka <yuki@example.jp>", at(60 - i), to=me, subject=subject)
    mail("35", "Ada Lovelace <Ada.Lovelace@analytical.example>", at(41), to=me, subject="Second address")  # ada T41
    mail("36", "someone@stranger.example", at(42), to=me, cc="ada@example.org",
         subject="Ada in Cc")  # nobody: ada neither wrote to you nor got mail from you
