#!/usr/bin/env bats
# libnotmuch and libical (with glib, GMime, Xapian and ICU behind them) are opened by the two
# syncs that read mail and calendars, when they first need them: every other command starts
# without loading them, and a sync whose library is missing says which package installs it.
load helpers

# Prints the shared libraries the dynamic loader maps for one run of kith with "$@".
loaded_by() { LD_DEBUG=files "$KITH" "$@" 2>&1 >/dev/null | sed -n 's/.*file=\([^ ]*\).*/\1/p' | sort -u; }

# Runs "$@" in a mount namespace where the library file $1 (a glob) reads as empty: the
# dynamic loader cannot open it, as on a machine without its package.
without_library() {
    local file; file="$(ls /usr/lib/*/$1 /usr/lib/$1 2>/dev/null | head -1)"
    [ -n "$file" ] || { echo "no library $1 on this machine" >&2; return 99; }
    shift
    unshare -m sh -c 'mount --bind /dev/null "$0" && exec "$@"' "$(readlink -f "$file")" "$@"
}

# unshare -m needs the capability to mount (root in CI, as `make test`'s apt-get does).
needs_mount_namespace() { unshare -m true 2>/dev/null || skip "unshare -m is not permitted here"; }

@test "commands that do not read mail or calendars load neither libnotmuch nor libical" {
    for args in "due" "list" "show ada" "stats" "export json" "__complete names"; do
        # shellcheck disable=SC2086
        loaded="$(loaded_by $args)"
        [ -n "$loaded" ]   # the loader's trace is there to be read
        run grep -E 'libnotmuch|libical|libxapian|libgmime|libicu' <<< "$loaded"
        assert_failure 1
    done
}

@test "sync calendar loads libical when it reads a file, and sync mail libnotmuch" {
    mkdir -p "$BATS_TEST_TMPDIR/cal"
    printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nEND:VCALENDAR\r\n' > "$BATS_TEST_TMPDIR/cal/a.ics"
    run -0 grep -c '^libical' <<< "$(loaded_by sync calendar "$BATS_TEST_TMPDIR/cal")"
    export NOTMUCH_CONFIG="$BATS_TEST_TMPDIR/absent-config"
    run -0 grep -c '^libnotmuch' <<< "$(loaded_by sync mail)"
}

@test "a sync calendar without libical: a clear error naming the package, exit 2, nothing written" {
    needs_mount_namespace
    mkdir -p "$BATS_TEST_TMPDIR/cal"
    printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nEND:VCALENDAR\r\n' > "$BATS_TEST_TMPDIR/cal/a.ics"
    git init -q . && git add -A && git -c user.name=t -c user.email=t@t commit -qm start
    run without_library 'libical.so.[0-9]*' "$KITH" sync calendar "$BATS_TEST_TMPDIR/cal"
    assert_failure 2
    assert_output --regexp "^kith: error: cannot load 'libical\.so\.[0-9]+', which this command needs: install it \(on Debian, the package 'libical[0-9]+'\); the loader said: .*libical\.so\.[0-9.]+: file too short$"
    run -0 git status --porcelain
    assert_output ""
}

@test "a sync mail without libnotmuch: a clear error naming the package, exit 2; other commands run" {
    needs_mount_namespace
    export NOTMUCH_CONFIG="$BATS_TEST_TMPDIR/absent-config"
    run without_library 'libnotmuch.so.[0-9]*' "$KITH" sync mail
    assert_failure 2
    assert_output --regexp "^kith: error: cannot load 'libnotmuch\.so\.[0-9]+', which this command needs: install it \(on Debian, the package 'libnotmuch[0-9]+'\); the loader said: .*libnotmuch\.so\.[0-9.]+: file too short$"
    run without_library 'libnotmuch.so.[0-9]*' "$KITH" list
    assert_success
    assert_output --partial "Ada Lovelace"
}
