#!/usr/bin/env python3
"""Writes a synthetic kith network of N people (default 10000) into a folder, for the benchmark.

Usage: generate.py FOLDER [N] [--heavy]
Deterministic (seeded): the same N gives the same files. Interests follow a long-tailed
distribution over a few hundred topics, as real interests do. --heavy makes the network of
issue 11: a skewed log (most people a few entries, some 200, about 25 on average), Unicode
names, and notes with colons, quotes, `no` and `007`.
"""
import datetime
import os
import random
import sys

FIRST = ["Ada", "Grace", "Linus", "Mei", "José", "Priya", "Omar", "Lena", "Tom", "Sofia", "Kwame", "Taro",
         "Amara", "Ingrid", "Chen", "Fatima", "Lucas", "Noor", "Olga", "Ravi", "Zoë", "Björn", "Aiko", "Diego"]
LAST = ["Lovelace", "Hopper", "Okafor", "Chen", "Núñez", "Shah", "Haddad", "Fischer", "Becker", "Rossi",
        "Mensah", "Yamada", "Nwosu", "Larsen", "Wang", "Khan", "Silva", "Hassan", "Ivanova", "Patel"]
TITLES = ["Engineer", "Director", "VP Engineering", "Founder", "Analyst", "Designer", "Recruiter", "Professor",
          "Product Manager", "Journalist", "Investor", "CTO", "Researcher"]
WORDS = ["hardware", "compilers", "robotics", "poetry", "mathematics", "startups", "cycling", "running",
         "design", "hiring", "security", "databases", "music", "chess", "climbing", "photography"]
TOPICS = WORDS + [f"topic-{i}" for i in range(400)]
TAGS = ["london", "berlin", "paris", "tokyo", "mentor", "customer", "investor", "press", "alumni"] + \
       [f"group-{i}" for i in range(100)]
ORGS = [f"Company {i}" for i in range(800)]
KINDS = ["call", "coffee", "lunch", "email", "meeting", "message", "note", "congrats"]


def pick_topic(rng):
    return TOPICS[min(int(rng.paretovariate(0.8)) - 1, len(TOPICS) - 1)] if rng.random() < 0.5 else rng.choice(TOPICS)


def person(i, rng):
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
    interests = sorted({pick_topic(rng) for _ in range(rng.randint(1, 4))})
    tags = sorted({rng.choice(TAGS) for _ in range(rng.randint(0, 3))})
    lines = [
        f"# synthetic person {i}",
        f"name: {name}",
        f"tier: {rng.choice(['core', 'close', 'close', 'loose', 'loose', 'loose'])}",
        f"title: {rng.choice(TITLES)}",
        f"org: {rng.choice(ORGS)}",
        f"email: [person{i}@example.org]",
        f"interests: [{', '.join(interests)}]",
        f"tags: [{', '.join(tags)}]" if tags else "tags: []",
        f"why: learn about {rng.choice(WORDS)}",
        f"since: 20{rng.randint(15, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
    ]
    if rng.random() < 0.2:
        lines.append(f"birthday: --{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    if rng.random() < 0.3:
        lines += ["followups:", f"  - {{due: 2026-{rng.randint(1, 12):02d}-{rng.randint(10, 28)}, what: send the notes}}"]
    lines.append("log:")
    for year_month in sorted({(rng.randint(2024, 2026), rng.randint(1, 11)) for _ in range(rng.randint(1, 12))}):
        lines.append(f"  - {{date: {year_month[0]}-{year_month[1]:02d}-{rng.randint(10, 28)}, "
                     f"kind: {rng.choice(KINDS)}, note: Talked about {rng.choice(WORDS)}}}")
    return name, "\n".join(lines) + "\n"


NOTES = ["Talked about {w}", "Re: {w} - said \"yes\" to a call", "no", "007", "Agenda: {w}; next: {w2}",
         "It's about {w}: later", "Met at the {w} meetup", "'quoted' {w}", "Sent the {w} paper", "yes: {w}"]


def yaml_note(text):
    """Quotes a note as kith's editor would when it must: double quotes with escapes."""
    plain = text[:1].isalpha() and ": " not in text and "#" not in text and '"' not in text and "'" not in text \
        and text not in ("no", "yes")
    return text if plain else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


FIRST_DAY = datetime.date(2024, 1, 1)
SPAN = (datetime.date(2026, 11, 27) - FIRST_DAY).days  # nothing after bench/run's KITH_TODAY


def entries_of(rng):
    """Skewed: most people a few entries, one in twelve 100 to 200; about 25 on average."""
    if rng.random() < 0.08:
        return rng.randint(100, 200)
    return min(200, int(rng.expovariate(1 / 14.0)) + 1)


def heavy_person(i, rng):
    name, text = person(i, rng)
    lines = text.rstrip("\n").split("\n")
    lines = lines[:lines.index("log:") + 1]
    lines[1] = f"name: {rng.choice(FIRST)} {rng.choice(LAST)}-{rng.choice(['Ø', 'ñ', 'ü', 'é', '李', 'Ж'])} {i}"
    days = sorted(rng.randint(0, SPAN) for _ in range(entries_of(rng)))
    for day in days:
        when = FIRST_DAY + datetime.timedelta(days=day)
        year, month, dom = when.year, when.month, when.day
        note = rng.choice(NOTES).format(w=rng.choice(WORDS), w2=rng.choice(WORDS))
        lines.append(f"  - {{date: {year}-{month:02d}-{dom:02d}, kind: {rng.choice(KINDS)}, note: {yaml_note(note)}}}")
    return name, "\n".join(lines) + "\n"


def main():
    args = [a for a in sys.argv[1:] if a != "--heavy"]
    heavy = "--heavy" in sys.argv
    # An unknown option is no folder name: twice a '--help' folder of 10,000 people was made.
    if not args or len(args) > 2 or any(a.startswith("-") for a in args) or (len(args) == 2 and not args[1].isdigit()):
        sys.exit("usage: bench/generate.py FOLDER [PEOPLE] [--heavy]")
    folder = args[0]
    count = int(args[1]) if len(args) > 1 else 10000
    rng = random.Random(20261128)
    os.makedirs(os.path.join(folder, "contacts"), exist_ok=True)
    with open(os.path.join(folder, "kith.yaml"), "w") as f:
        f.write("me: {name: Bench Mark}\n")
    for i in range(count):
        _, text = heavy_person(i, rng) if heavy else person(i, rng)
        with open(os.path.join(folder, "contacts", f"person-{i}.yaml"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
