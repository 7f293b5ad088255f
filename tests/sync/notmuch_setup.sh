#!/bin/sh
# Indexes a Maildir written by make_maildir.py with the real notmuch, and prints the path of
# the config to put in NOTMUCH_CONFIG.
# Usage: notmuch_setup.sh MAILDIR [--no-user]
#
# Writes MAILDIR.notmuch-config (MAILDIR.notmuch-config-nouser with --no-user): database.path
# is MAILDIR (the database goes to MAILDIR/.notmuch), user.primary_email and
# user.other_email come from MAILDIR.me (left out with --no-user), search.exclude_tags is
# empty (so only a program that excludes spam and deleted itself leaves them out), and
# show.extra_headers=List-Id (notmuch show only; libnotmuch does not read it). Then runs
# `notmuch new --quiet` (its notes on non-mail files go to stderr) and tags the messages
# MAILDIR.tags lists (TAG<TAB>MESSAGE-ID) with `notmuch tag --batch`.
set -eu
maildir=$(cd "$1" && pwd)
config=$maildir.notmuch-config
[ "${2:-}" = --no-user ] && config=$config-nouser
command -v notmuch >/dev/null || { echo "notmuch_setup: notmuch is not installed (make deps)" >&2; exit 2; }
{
    echo "[database]"
    echo "path=$maildir"
    echo "[user]"
    echo "name=Sam Rivera"
    if [ "${2:-}" != --no-user ]; then
        echo "primary_email=$(head -n 1 "$maildir.me")"
        echo "other_email=$(tail -n +2 "$maildir.me" | tr '\n' ';')"
    fi
    echo "[new]"
    echo "tags=unread;inbox;"
    echo "[search]"
    echo "exclude_tags="
    echo "[maildir]"
    echo "synchronize_flags=true"
    echo "[show]"
    echo "extra_headers=List-Id"
} > "$config"
rm -rf "$maildir/.notmuch"
NOTMUCH_CONFIG=$config notmuch new --quiet
if [ -s "$maildir.tags" ]; then
    awk -F '\t' '{ gsub(/"/, "\"\"", $2); print "+" $1 " -- id:\"" $2 "\"" }' "$maildir.tags" |
        NOTMUCH_CONFIG=$config notmuch tag --batch
fi
echo "$config"
