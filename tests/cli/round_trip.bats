#!/usr/bin/env bats
# Property test (issue 8, item 5) through the real CLI: random Unicode text with every YAML
# indicator goes through every text field of add, log, follow and introduce (its why), and
# reads back identically, both with kith and with an independent YAML reader. Fixed seed and
# a fixed number of runs, so that a slow build (the sanitizers) tests the same texts.
load helpers

@test "any text typed into add, log, follow and introduce reads back identically" {
    run -0 -0 python3 - "$KITH" <<'PY'
import random, subprocess, sys, yaml

kith = sys.argv[1]
pieces = ["?", ":", "-", "#", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", '"', "%", "@", "`",
          "\\", "~", " ", "  ", "\t", "\n", ": ", " #", "- ", "? ", "---", "...", "no", "No", "yes", "null",
          "Null", "true", "off", "007", "0x1F", "2026-11-28", "10:30", "Ada", "job", "x", "é", "Núñez",
          "山田", "😀", "\u00a0", "\u0085", "\u2028", "\ufeff", "{a: b}", "[a, b]", "\\n", "%YAML", "&a", "*a", "!!str"]
rng = random.Random(20261128)
def text():
    return "".join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
def run(*args):
    done = subprocess.run([kith, *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"kith {args!r} exited {done.returncode}: {done.stderr}")
def load(slug):
    with open(f"contacts/{slug}.yaml", encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.BaseLoader)  # every scalar as the text it is
def same(what, got, want):
    if got != want:
        sys.exit(f"{what}: wrote {want!r}, read back {got!r}")

runs = 0
while runs < 16:
    a, b = f"p{runs}a", f"p{runs}b"
    fields = {f: text() for f in ["title", "org", "role", "address", "prefer", "assistant", "met",
                                  "introduced-by", "why", "notes", "aka", "email", "phone", "interest", "tag"]}
    name = "N" + text()
    run("add", *[f"--{k}={v}" for k, v in fields.items()], f"--slug={a}", "--", name)
    run("add", f"--slug={b}", "--", "M" + text())
    kind, note, later, what, why = text(), text(), "x" + text(), text(), text()
    run("log", f"--kind={kind}", f"--note={note}", "--follow-up", "2w", later, "--", a)
    run("follow", "--", a, "3w", what)
    run("introduce", f"--why={why}", "--", a, b)
    run("check")
    c = load(a)
    same("name", c["name"], name)
    for key in ["title", "org", "role", "address", "prefer", "assistant", "met", "why", "notes"]:
        same(key, c[key], fields[key])
    same("introduced_by", c["introduced_by"], fields["introduced-by"])
    for key, option in [("aka", "aka"), ("email", "email"), ("phone", "phone"), ("interests", "interest"), ("tags", "tag")]:
        same(key, c[key], [fields[option]])
    logged = [e for e in c["log"] if e.get("kind") == kind and e.get("note") == note]
    same("log kind and note", len(logged), 1)
    intro = [e for e in c["log"] if e.get("kind") == "intro"]
    same("introduce why", [e.get("note") for e in intro], [why])
    same("follow-ups", sorted(f["what"] for f in c["followups"]), sorted([later, what]))
    runs += 1
PY
}
