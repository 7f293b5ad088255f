#!/usr/bin/env bats
# kith report: one self-contained page, well-formed, nothing fetched, the same figures as stats.
load helpers

# Parses the page with python3's XML parser and prints nothing when it is well-formed.
well_formed() { python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$1"; }

# Prints every src, href or url() that points outside the file (http://, https://, //).
external_urls() {
    python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for m in re.finditer(r'''(?:\b(?:src|href|xlink:href)\s*=\s*["']([^"']*)["']|url\(\s*["']?([^"')]*))''', text, re.I):
    url = (m.group(1) or m.group(2) or "").strip()
    if re.match(r'(?i)(https?:)?//', url) or re.match(r'(?i)[a-z][a-z0-9+.-]*:', url) and not url.lower().startswith("data:"):
        print(url)
PY
}

@test "report writes one well-formed page and says where" {
    run kith report -o out.html
    assert_success
    assert_output --partial "wrote 'out.html'"
    run well_formed out.html
    assert_success
    assert_output ""
    grep -q '<svg class="heatmap"' out.html
    grep -q 'id="kith-figures"' out.html
}

@test "report writes kith-report.html by default, and to stdout with -o -" {
    run kith report
    assert_success
    [ -s kith-report.html ]
    run kith report -o -
    assert_success
    assert_output --partial "<!DOCTYPE html>"
    cmp <(kith report -o -) kith-report.html
}

@test "report fetches nothing: no external src, href or url(), no script code" {
    kith report -o out.html
    run -0 external_urls out.html
    assert_output ""
    ! grep -q '<script>' out.html
    ! grep -Eq '<script[^>]*src=' out.html
    [ "$(grep -o '<script' out.html | wc -l)" -eq 1 ]
    grep -q '<script type="application/json"' out.html
}

@test "the external-url check catches what it must" {
    printf '<p><img src="https://x.org/a.png"/><a href="//x.org"></a><i style="background:url(http://x)"></i></p>' > bad.html
    run -0 external_urls bad.html
    assert_line "https://x.org/a.png"
    assert_line "//x.org"
    assert_line "http://x"
}

@test "report escapes hostile names and notes; the page stays well-formed" {
    cat > contacts/eve.yaml <<'YAML'
name: "<b>Eve</b> & \"Mallory\" 'x' \x01 ]]> </script>"
tier: core
followups:
  - {due: 2026-11-01, what: "<i>promise</i>"}
log:
  - {date: 2026-09-01, kind: "<kind>", note: "a < b && c > d \" ' \t tab"}
YAML
    run kith report -o out.html
    assert_success
    run well_formed out.html
    assert_success
    ! grep -q '<b>Eve' out.html
    grep -q '&lt;b&gt;Eve&lt;/b&gt; &amp; &quot;Mallory&quot; &#39;x&#39;' out.html
    grep -q 'a &lt; b &amp;&amp; c &gt; d' out.html
    run -0 external_urls out.html
    assert_output ""
}

@test "report figures agree with stats --format json" {
    kith report -o out.html --months 6 --top 5
    kith stats --format json --months 6 --top 5 > stats.json
    run python3 - out.html stats.json <<'PY'
import json, sys, xml.etree.ElementTree as E
ns = {"h": "http://www.w3.org/1999/xhtml"}
root = E.parse(sys.argv[1]).getroot()
stats = json.load(open(sys.argv[2]))
embedded = json.loads(root.find(".//h:script[@id='kith-figures']", ns).text)
assert embedded == stats, "embedded figures differ from stats"
header = root.find(".//h:header", ns)
assert int(header.get("data-people")) == stats["people"]
assert int(header.get("data-interactions")) == stats["interactions"]
tiers = root.findall(".//h:div[@class='tier']", ns)
assert [t.get("data-tier") for t in tiers] == [t["tier"] for t in stats["tiers"]]
for div, t in zip(tiers, stats["tiers"]):
    for attr, key in [("members", "members"), ("on-time", "on_time"), ("due-soon", "due_soon"), ("overdue", "overdue")]:
        assert int(div.get("data-" + attr)) == t[key], (t["tier"], key)
promises = root.find(".//h:section[@id='promises']", ns)
for attr, key in [("on-time", "on_time"), ("late", "late"), ("open-past-due", "open_past_due")]:
    assert int(promises.get("data-" + attr)) == stats["promises"][key], key
assert int(root.find(".//h:section[@id='overdue']", ns).get("data-count")) == stats["overdue_count"]
cells = root.findall(".//{http://www.w3.org/2000/svg}rect[@data-count]")
assert [int(c.get("data-count")) for c in cells] == stats["days"], "heatmap cells differ"
assert sum(stats["days"]) == stats["interactions"] == sum(stats["weeks"])
rows = root.findall(".//h:section[@id='overdue']//h:tbody/h:tr", ns)
assert [r[0].text for r in rows] == [p["name"] for p in stats["overdue"]]
print("agree")
PY
    assert_success
    assert_output "agree"
}

@test "report refuses a bad --months, and says when it cannot write" {
    run kith report --months 0
    assert_failure 2
    run kith report -o "$BATS_TEST_TMPDIR/no/such/dir/out.html"
    assert_failure 4
    assert_output --partial "cannot write"
}

@test "report renders in headless chromium without console errors, and is not blank" {
    command -v chromium >/dev/null || skip "chromium is not installed (apt-get install chromium; 'make test' installs it)"
    # Debian's python3 has python3-pil; a python3 earlier on PATH (pyenv, venv) may not.
    local py=""
    for candidate in python3 /usr/bin/python3; do
        "$candidate" -c 'import PIL' 2>/dev/null && { py="$candidate"; break; }
    done
    [ -n "$py" ] || fail "python3-pil is needed to measure the screenshot (apt-get install python3-pil; 'make test' installs it)"
    kith report -o "$BATS_TEST_TMPDIR/report.html"
    run timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$BATS_TEST_TMPDIR/chromium" --enable-logging=stderr --v=0 \
        --screenshot="$BATS_TEST_TMPDIR/report.png" --window-size=1200,1600 "file://$BATS_TEST_TMPDIR/report.html"
    assert_success
    refute_output --partial "CONSOLE"
    refute_output --partial "Uncaught"
    refute_output --regexp "net::ERR_"
    [ -s "$BATS_TEST_TMPDIR/report.png" ]
    run "$py" - "$BATS_TEST_TMPDIR/report.png" <<'PY'
import sys
from PIL import Image, ImageStat
image = Image.open(sys.argv[1]).convert("L")
assert image.size == (1200, 1600), image.size
variance = ImageStat.Stat(image).var[0]
colours = len(set(Image.open(sys.argv[1]).convert("RGB").resize((300, 400)).getdata()))
print(f"variance {variance:.0f}, colours {colours}")
assert variance > 100 and colours > 20, "the screenshot looks blank"
PY
    assert_success
}
