#!/bin/sh
# Exported vCards (4.0 and 3.0) are read by python3-vobject (every card, every property)
# and listed by khard from a vdir (Debian's python3 on purpose: vobject is a Debian package).
# The cards come from the real command: the example network, with every fixture imported,
# exported by `kith export vcard -o DIR`.
# Usage: vcard_interop.sh KITH NETWORK FIXTURES
set -eu
kith=$1 network=$2 fixtures=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$network" "$work/network"
export KITH_TODAY=2026-11-28
for f in "$fixtures"/*.vcf; do "$kith" -d "$work/network" import vcard "$f" >/dev/null 2>&1 || true; done
"$kith" -d "$work/network" import google "$fixtures/google-contacts.csv" >/dev/null 2>&1 || true
"$kith" -d "$work/network" import linkedin "$fixtures/linkedin-connections.csv" >/dev/null 2>&1 || true
for version in 4 3; do
  vdir=$work/v$version
  "$kith" -d "$work/network" export vcard --archived --vcard-version "$version" -o "$vdir" 2>/dev/null
  count=$(ls "$vdir" | grep -c '\.vcf$')
  [ "$count" -gt 10 ] || { echo "only $count cards written"; exit 1; }
  /usr/bin/python3 - "$vdir" "$version" <<'PY'
import pathlib, sys, vobject
vdir, version = pathlib.Path(sys.argv[1]), sys.argv[2] + ".0"
files = sorted(vdir.glob("*.vcf"))
for f in files:
    raw = f.read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b""), f"{f.name}: bare LF"
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), f"{f.name}: a line over 75 octets"
    cards = list(vobject.readComponents(raw.decode("utf-8"), validate=False))
    assert len(cards) == 1, f.name
    card = cards[0]
    assert card.version.value == version, (f.name, card.version.value)
    assert card.fn.value, f.name
    assert card.uid.value, f.name
    for child in card.getChildren():
        child.value  # every property decodes
print(f"vobject read {len(files)} cards of version {version}")
PY
  mkdir -p "$work/home/.config/khard"
  cat > "$work/home/.config/khard/khard.conf" <<CONF
[addressbooks]
[[kith]]
path = $vdir
[general]
default_action = list
[contact table]
display = formatted_name
CONF
  out=$(HOME=$work/home XDG_CONFIG_HOME=$work/home/.config khard list --parsable kith)
  lines=$(printf '%s\n' "$out" | grep -c .)
  [ "$lines" -eq "$count" ] || { echo "khard listed $lines of $count cards"; printf '%s\n' "$out"; exit 1; }
  printf '%s\n' "$out" | grep -q "Ada Lovelace" || { echo "khard misses Ada Lovelace"; exit 1; }
  printf '%s\n' "$out" | grep -q "José Núñez" || { echo "khard misses José Núñez"; exit 1; }
  echo "khard listed $lines cards of version $version"
done
