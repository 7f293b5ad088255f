# The phone of the CardDAV suites: curl talking to the address book at ADDRESSBOOK_URL as DAVx5
# does (PUT with If-None-Match / If-Match, DELETE, GET, PROPFIND, REPORT), and the cards it
# writes. Loaded by carddav_helpers.bash.

# Runs curl; prints the response body (as bytes) and fails unless the HTTP status matches the
# regular expression $1 (`dav '201|204' -X PUT ...`).
dav() {
    local expected=$1 body="$BATS_TEST_TMPDIR/dav.body" code
    shift
    code=$(curl -sS -o "$body" -w '%{http_code}' "$@") || return 1
    if ! [[ $code =~ ^($expected)$ ]]; then
        echo "HTTP $code (expected $expected) from: curl $*" >&2
        cat "$body" >&2
        return 1
    fi
    cat "$body"
}

# Prints the server's cards with their UIDs (REPORT addressbook-query), as dav_listing.py reads
# them with its ARGS: `--uid UID` for the HREF ETAG of one card, `--uids` for every UID.
phone_query() {
    local xml
    xml=$(dav 207 -X REPORT -H 'Depth: 1' -H 'Content-Type: application/xml; charset=utf-8' --data-binary @- \
        "$ADDRESSBOOK_URL" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<C:addressbook-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">
  <D:prop><D:getetag/><C:address-data/></D:prop>
</C:addressbook-query>
XML
    ) || return 1
    /usr/bin/python3 "$SYNC_TOOLS/dav_listing.py" "$@" <<<"$xml"
}

# Puts the card FILE (whose UID is $1) on the server as DAVx5 does: a new card as UID.vcf with
# If-None-Match: *; a card the server has (412, or 409 when its href is another) over its own
# href with If-Match: its etag.
phone_put() {
    local uid=$1 file=$2 code found href etag
    grep -qF "UID:$uid" "$file" || { echo "phone_put: $file has no 'UID:$uid'" >&2; return 1; }
    code=$(curl -sS -o "$BATS_TEST_TMPDIR/dav.body" -w '%{http_code}' -X PUT -H 'If-None-Match: *' \
        -H 'Content-Type: text/vcard; charset=utf-8' --data-binary "@$file" "$ADDRESSBOOK_URL$(uri_escape "$uid").vcf") || return 1
    case $code in
        201) return 0 ;;
        409 | 412) ;;
        *) echo "HTTP $code putting a new card $uid:" >&2; cat "$BATS_TEST_TMPDIR/dav.body" >&2; return 1 ;;
    esac
    found=$(phone_found "$uid") || return 1
    read -r href etag <<<"$found"
    dav '201|204' -X PUT -H "If-Match: $etag" -H 'Content-Type: text/vcard; charset=utf-8' \
        --data-binary "@$file" "$RADICALE_URL$href" >/dev/null
}

# Prints $1 percent-encoded for a URL path segment (every byte but letters, digits and .~_-).
uri_escape() {
    local LC_ALL=C text=$1 out="" char i
    for ((i = 0; i < ${#text}; i++)); do
        char=${text:i:1}
        case $char in
            [a-zA-Z0-9.~_-]) out+=$char ;;
            *) printf -v char '%%%02X' "'$char" && out+=$char ;;
        esac
    done
    printf '%s\n' "$out"
}

# Prints the HREF ETAG of the server's card with UID $1, or fails saying the server lacks it.
phone_found() {
    local found
    found=$(phone_query --uid "$1") || return 1
    [ -n "$found" ] || { echo "the server has no card with the UID '$1'" >&2; return 1; }
    echo "$found"
}

# Deletes the card whose UID is $1 from the server, with If-Match: its etag.
phone_delete() {
    local found href etag
    found=$(phone_found "$1") || return 1
    read -r href etag <<<"$found"
    dav '200|204' -X DELETE -H "If-Match: $etag" "$RADICALE_URL$href" >/dev/null
}

# Prints the card whose UID is $1 as the server serves it, byte for byte (redirect it to a file).
phone_get() {
    local found href etag
    found=$(phone_found "$1") || return 1
    read -r href etag <<<"$found"
    dav 200 "$RADICALE_URL$href"
}

# Prints HREF ETAG of every card on the server (PROPFIND, Depth: 1), sorted.
phone_list() {
    local xml
    xml=$(dav 207 -X PROPFIND -H 'Depth: 1' -H 'Content-Type: application/xml; charset=utf-8' --data-binary @- \
        "$ADDRESSBOOK_URL" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>
XML
    ) || return 1
    /usr/bin/python3 "$SYNC_TOOLS/dav_listing.py" <<<"$xml"
}

# Copies every card on the server, as it serves them, into the folder $1 (made if missing).
phone_dump() {
    local href etag
    mkdir -p "$1"
    phone_list >"$BATS_TEST_TMPDIR/dav.list" || return 1
    while read -r href etag; do
        dav 200 "$RADICALE_URL$href" >"$1/${href##*/}" || return 1
    done <"$BATS_TEST_TMPDIR/dav.list"
}

# Prints a card shaped as DAVx5 (or iOS: --dialect ios) writes it; see tests/sync/phone_card.py.
phone_card() { /usr/bin/python3 "$SYNC_TOOLS/phone_card.py" "$@"; }
