# The real sync chain for the CardDAV suites: a Radicale server on 127.0.0.1, vdirsyncer between
# a vdir and an address book on it, and curl playing the phone (DAVx5, iOS: carddav_phone.bash).
# Load after helpers (`load helpers`, then `load carddav_helpers`), and stop the server in
# teardown: `teardown() { radicale_stop; }`. Radicale also dies with the test's shell.

SYNC_TOOLS="$BATS_TEST_DIRNAME/../sync"
# shellcheck source=tests/cli/carddav_phone.bash
source "$BATS_TEST_DIRNAME/carddav_phone.bash"
VDIRSYNCER_TEMPLATE="$BATS_TEST_DIRNAME/../fixtures/vdirsyncer.conf"
# The storages' names in VDIRSYNCER_TEMPLATE, as vdirsyncer's output names them.
VDIR_STORAGE=kith_vdir
DAV_STORAGE=kith_carddav

# Starts Radicale (no authentication, storage under the test's temp folder) on a port the
# kernel picks (127.0.0.1:0, read back from its log, so no other program can hold it), and
# waits until it answers. Sets RADICALE_PID, RADICALE_PORT and RADICALE_URL; its log is
# $BATS_TEST_TMPDIR/radicale/log. Call it from the test's own shell (not in `run` or $(...)):
# the server is set to die with the shell that started it.
radicale_start() {
    if [ "$BASHPID" != "$$" ]; then
        echo "radicale_start: call it in the test's shell, not in a subshell" >&2
        return 1
    fi
    local dir="$BATS_TEST_TMPDIR/radicale" shell=$BASHPID # (expanded after `&`, it would be the child's)
    mkdir -p "$dir"
    cat >"$dir/config" <<CONFIG
[server]
hosts = 127.0.0.1:0
[auth]
type = none
[rights]
type = authenticated
[storage]
filesystem_folder = $dir/storage
[logging]
level = info
CONFIG
    : >"$dir/log" # there before the server's shell opens it, so that waiting can read it at once
    # PR_SET_PDEATHSIG (1): the kernel sends SIGTERM when this shell ends, however it ends.
    /usr/bin/python3 -c 'import ctypes, os, signal, sys
ctypes.CDLL(None).prctl(1, signal.SIGTERM)
if os.getppid() != int(sys.argv[1]):
    sys.exit("radicale_start: the test shell ended before radicale started")
os.execvp(sys.argv[2], sys.argv[2:])' "$shell" radicale --config "$dir/config" </dev/null >"$dir/log" 2>&1 3>&- &
    RADICALE_PID=$!
    radicale_wait_ready "$dir/log"
}

# Waits until the Radicale being started logged its port and answers: at most 30 s (a bound, not a
# wait: a busy machine may take that long to start Python).
radicale_wait_ready() {
    local log=$1 line _
    RADICALE_PORT=
    for _ in $(seq 1 600); do
        if ! kill -0 "$RADICALE_PID" 2>/dev/null; then
            echo "radicale exited while starting:" >&2
            cat "$log" >&2
            return 1
        fi
        while IFS= read -r line; do
            [[ $line =~ Listening\ on\ \'\[127\.0\.0\.1\]:([0-9]+)\' ]] && RADICALE_PORT=${BASH_REMATCH[1]}
        done <"$log"
        if [ -n "$RADICALE_PORT" ] && curl -sf -o /dev/null -X OPTIONS "http://127.0.0.1:$RADICALE_PORT/"; then
            RADICALE_URL="http://127.0.0.1:$RADICALE_PORT"
            return 0
        fi
        sleep 0.05
    done
    echo "radicale did not answer within 30 s:" >&2
    cat "$log" >&2
    return 1
}

# Stops the Radicale this test started, and waits until it is gone (SIGKILL after 5 s).
radicale_stop() {
    [ -n "${RADICALE_PID:-}" ] || return 0
    local pid=$RADICALE_PID
    RADICALE_PID=
    kill -TERM "$pid" 2>/dev/null || return 0
    wait_gone "$pid" || kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# Waits (at most 5 s) until the process $1 has ended: gone, or a zombie (state Z) that its
# parent has yet to wait for.
wait_gone() {
    local state _
    for _ in $(seq 1 250); do
        state=Z
        [ -r "/proc/$1/stat" ] && read -r _ _ state _ <"/proc/$1/stat"
        [ "$state" = Z ] && return 0
        sleep 0.02
    done
    echo "process $1 still runs after 5 s" >&2
    return 1
}

# Prints the PIDs of the Radicale servers this bats run started that are still running.
radicale_left() { pgrep -f -- "radicale --config $BATS_RUN_TMPDIR/" || true; }

# Creates the CardDAV address book NAME (letters, digits, -) under /kith/ on the server and
# sets ADDRESSBOOK_URL to it.
addressbook_create() {
    dav '201|405' -X MKCOL "$RADICALE_URL/kith/" >/dev/null || return 1 # 405: it exists already
    dav 201 -X MKCOL -H 'Content-Type: application/xml; charset=utf-8' --data-binary @- \
        "$RADICALE_URL/kith/$1/" >/dev/null <<XML || return 1
<?xml version="1.0" encoding="utf-8"?>
<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">
  <D:set><D:prop>
    <D:resourcetype><D:collection/><C:addressbook/></D:resourcetype>
    <D:displayname>$1</D:displayname>
  </D:prop></D:set>
</D:mkcol>
XML
    ADDRESSBOOK_URL="$RADICALE_URL/kith/$1/"
}

# Writes the vdirsyncer config (VDIRSYNCER_TEMPLATE, its paths filled in: the vdir VDIR, which
# is made if missing, the status under the test's temp folder, ADDRESSBOOK_URL) to
# VDIRSYNCER_CONFIG and runs `vdirsyncer discover`.
vdirsyncer_configure() {
    local vdir=$1 dir="$BATS_TEST_TMPDIR/vdirsyncer" text
    mkdir -p "$dir" "$vdir"
    text=$(<"$VDIRSYNCER_TEMPLATE")
    text=${text//@STATUS@/"$dir/status/"}
    text=${text//@VDIR@/"$vdir/"}
    text=${text//@URL@/"$ADDRESSBOOK_URL"}
    VDIRSYNCER_CONFIG="$dir/config"
    printf '%s\n' "$text" >"$VDIRSYNCER_CONFIG"
    vdirsyncer_run discover >"$dir/discover.log" || { cat "$dir/discover.log" >&2; return 1; }
}

# Runs vdirsyncer with our config and no terminal (it never waits for an answer); its log
# (vdirsyncer writes it on stderr) comes on stdout.
vdirsyncer_run() { vdirsyncer --config "$VDIRSYNCER_CONFIG" --verbosity INFO "$@" </dev/null 2>&1; }

# Runs `vdirsyncer sync`, prints its output and keeps it for synced_count; fails when vdirsyncer
# fails or logs an error (a conflict, two cards with one UID, ...).
vdirsyncer_sync() {
    local log="$BATS_TEST_TMPDIR/vdirsyncer/sync.log" status=0
    vdirsyncer_run sync >"$log" || status=$?
    cat "$log"
    if [ "$status" -ne 0 ] || grep -qE '^(error|critical):' "$log"; then
        echo "vdirsyncer sync failed (exit $status)" >&2
        return 1
    fi
}

# Prints how many cards the last vdirsyncer_sync wrote towards one side: `up` (to the server)
# or `down` (to the vdir), all of them or only the new, updated or deleted ones:
# `synced_count up`, `synced_count down new`. vdirsyncer 0.19 logs "Copying (uploading) item
# UID to STORAGE" for a new card whichever way it goes, "Copying (updating) ..." and
# "Deleting item UID from STORAGE". Fails on a log with no sync in it or a line it cannot read.
synced_count() {
    local log="$BATS_TEST_TMPDIR/vdirsyncer/sync.log" storage verbs
    case $1 in
        up) storage=$DAV_STORAGE ;;
        down) storage=$VDIR_STORAGE ;;
        *) echo "synced_count: 'up' or 'down', not '$1'" >&2; return 2 ;;
    esac
    case ${2:-all} in
        new) verbs='Copying \(uploading\) item .* to' ;;
        updated) verbs='Copying \(updating\) item .* to' ;;
        deleted) verbs='Deleting item .* from' ;;
        all) verbs='(Copying \((uploading|updating)\) item .* to|Deleting item .* from)' ;;
        *) echo "synced_count: 'new', 'updated', 'deleted' or 'all', not '$2'" >&2; return 2 ;;
    esac
    if ! grep -q '^Syncing ' "$log"; then
        echo "synced_count: $log holds no sync" >&2
        return 1
    fi
    if grep -E '^(Copying|Deleting)' "$log" | grep -vE "^(Copying \((uploading|updating)\) item .* to|Deleting item .* from) ($VDIR_STORAGE|$DAV_STORAGE)\$" >&2; then
        echo "synced_count: the line above is not in vdirsyncer 0.19's format" >&2
        return 1
    fi
    grep -cE "^$verbs $storage\$" "$log" || true
}

# Asserts what the last vdirsyncer_sync wrote, given as pairs of synced_count's arguments and
# the count expected: `assert_synced "up new" 12 down 0`.
assert_synced() {
    local query got
    while [ $# -ge 2 ]; do
        read -ra query <<<"$1"
        got=$(synced_count "${query[@]}") || return 1
        if [ "$got" != "$2" ]; then
            echo "synced_count $1: $got, expected $2, in:" >&2
            cat "$BATS_TEST_TMPDIR/vdirsyncer/sync.log" >&2
            return 1
        fi
        shift 2
    done
}

# Prints the files of the vdir $1 whose UID line is UID:$2 (one, unless the vdir is broken).
vdir_file() { grep -slxF -e "UID:$2" -e "UID:$2"$'\r' -- "$1"/*.vcf || true; }

# Prints one JSON line per card of the files given, as python3-vobject reads them; see
# tests/sync/card_fields.py.
card_fields() { /usr/bin/python3 "$SYNC_TOOLS/card_fields.py" "$@"; }

# Lists the vdir $1 with khard (a config of its own pointing there), one card a line.
khard_list() {
    local config="$BATS_TEST_TMPDIR/khard.conf"
    cat >"$config" <<CONFIG
[addressbooks]
[[vdir]]
path = $1
[general]
default_action = list
[contact table]
display = formatted_name
CONFIG
    khard --config "$config" list --parsable
}
