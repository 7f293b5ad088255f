# Issue 18, item 1: what a repository brings into .kith/ is data, never instructions. An attacker
# commits a record of intent (`git add -f .kith/intent`) whose step renames a payload (a shell
# script) onto a git hook, git's config, kith.yaml, or a path outside; the victim clones or pulls,
# then runs kith (TAB completion's hidden __complete included) and git commit. Nothing may run,
# nothing outside contacts/ and archive/ may change, and the record is reported (exit 3).
load store_helpers

git_env() {
    command -v git >/dev/null || skip "git is not installed"
    export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=tester@example.org
    export GIT_COMMITTER_NAME=Tester GIT_COMMITTER_EMAIL=tester@example.org GIT_CONFIG_NOSYSTEM=1
    git config --global init.defaultBranch main
    git config --global pull.rebase false
    MARK="$BATS_TEST_TMPDIR/payload-ran"
    OUTSIDE="$BATS_TEST_TMPDIR/outside"
}

# Prints a record of intent, version $1 (2: kind from to before; 3: and after), of the steps on
# stdin, one a line, fields separated by '|'; with the checksum kith checks (FNV-1a, public).
record() {
    python3 -c '
import sys
version = sys.argv[1]
text = "kith-intent-%s\n" % version + "".join(line.rstrip("\n").replace("|", "\t") + "\n" for line in sys.stdin if line.strip())
h = 0xcbf29ce484222325
for b in text.encode():
    h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
sys.stdout.write(text + "end\t%d\n" % h)' "$1"
}

# Prints the state kith records for a file: its size and FNV-1a hash.
state() {
    python3 -c '
import sys
data = open(sys.argv[1], "rb").read()
h = 0xcbf29ce484222325
for b in data:
    h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
print("%d:%d" % (len(data), h))' "$1"
}

# Makes $1 the attacker's network (a bare repository $1.git behind it) and commits a record
# whose steps are the lines on stdin (for record()), each renaming its own payload: a shell
# script named like kith's temp file, contacts/.ada-lovelace.yaml.xK3aBN for the Nth step.
evil_repo() {
    local dir="$1" n=0 step steps=""
    kith init --git "$dir" >/dev/null 2>&1
    cp "$KITH_EXAMPLES/contacts/ada-lovelace.yaml" "$dir/contacts/"
    while IFS= read -r step; do
        n=$((n + 1))
        printf '#!/bin/sh\necho ran > "%s"\n' "$MARK" > "$dir/contacts/.ada-lovelace.yaml.xK3aB$n"
        chmod +x "$dir/contacts/.ada-lovelace.yaml.xK3aB$n"
        steps+="${step//xK3aB9/xK3aB$n}"$'\n'
    done
    mkdir -p "$dir/.kith"
    record 2 <<<"$steps" > "$dir/.kith/intent"
    git -C "$dir" add -A && git -C "$dir" add -f .kith/intent
    git -C "$dir" commit -qm "a network to share"
    git clone -q --bare "$dir" "$dir.git"
}

# Prints what the victim's clone $1 holds outside contacts/ and archive/ (.git's config and
# hooks, kith.yaml, the folder around it), to compare before and after.
outside_of() {
    (cd "$1" && find .git/hooks .git/config kith.yaml "$OUTSIDE" -maxdepth 1 -printf '%p %s %m\n' 2>/dev/null | sort
     md5sum .git/config kith.yaml)
}

# The hostile steps: a hook, git's config, the settings, a path with ../, an absolute path,
# and a contact file with an empty `before` (an unconditional replace).
hostile_steps() {
    local temp=contacts/.ada-lovelace.yaml.xK3aB9
    printf '%s\n' "replace|$temp|.git/hooks/pre-commit|" "replace|$temp|.git/config|" "replace|$temp|kith.yaml|" \
        "new|$temp|../outside/x|-" "new|$temp|$OUTSIDE/y|-" "replace|$temp|contacts/ada-lovelace.yaml|"
}

# Runs the victim's commands in clone $1: a read, TAB's __complete, a write; then a git commit.
victim_runs() {
    cd "$1"
    run --separate-stderr "$KITH" log ada -m "hello"
    assert_failure 3
    [[ "$stderr" == *".kith/intent: a record of intent that git tracks"*"did nothing of it"*"git rm --cached .kith/intent"* ]] ||
        { echo "$stderr"; false; }
    ! grep -q hello contacts/ada-lovelace.yaml
    run "$KITH" __complete names   # TAB: prints nothing, says nothing, obeys nothing
    assert_success
    run --separate-stderr "$KITH" list
    assert_failure 3
    echo x > notes.txt && git add notes.txt
    run git commit -qm "the victim's own commit"
    assert_success
}

@test "a record committed with git add -f and brought by clone is refused: nothing runs, nothing outside changes" {
    git_env
    mkdir -p "$OUTSIDE"
    evil_repo "$BATS_TEST_TMPDIR/evil" < <(hostile_steps)
    git clone -q "$BATS_TEST_TMPDIR/evil.git" "$BATS_TEST_TMPDIR/victim"
    before=$(outside_of "$BATS_TEST_TMPDIR/victim")
    ada=$(md5sum < "$BATS_TEST_TMPDIR/victim/contacts/ada-lovelace.yaml")
    victim_runs "$BATS_TEST_TMPDIR/victim"
    [ ! -e "$MARK" ]
    [ "$(outside_of "$BATS_TEST_TMPDIR/victim")" = "$before" ]
    [ "$(md5sum < contacts/ada-lovelace.yaml)" = "$ada" ]
    [ -e .kith/intent ]   # left for the user to look at
}

@test "a record a collaborator pushes is refused at the victim's next pull, by TAB as by any command" {
    git_env
    mkdir -p "$OUTSIDE"
    kith init --git "$BATS_TEST_TMPDIR/seed" >/dev/null 2>&1
    git clone -q --bare "$BATS_TEST_TMPDIR/seed" "$BATS_TEST_TMPDIR/shared.git"
    git clone -q "$BATS_TEST_TMPDIR/shared.git" "$BATS_TEST_TMPDIR/victim"
    git clone -q "$BATS_TEST_TMPDIR/shared.git" "$BATS_TEST_TMPDIR/mallory"
    cd "$BATS_TEST_TMPDIR/mallory"
    mkdir -p contacts
    cp "$KITH_EXAMPLES/contacts/ada-lovelace.yaml" contacts/
    printf '#!/bin/sh\necho ran > "%s"\n' "$MARK" > contacts/.ada-lovelace.yaml.xK3aB9
    chmod +x contacts/.ada-lovelace.yaml.xK3aB9
    mkdir -p .kith
    record 2 <<<"replace|contacts/.ada-lovelace.yaml.xK3aB9|.git/hooks/pre-commit|" > .kith/intent
    git add -A && git add -f .kith/intent contacts/.ada-lovelace.yaml.xK3aB9 && git commit -qm "more people"
    git push -q origin main
    cd "$BATS_TEST_TMPDIR/victim"
    git pull -q --no-edit origin main
    before=$(outside_of .)
    run "$KITH" __complete people
    assert_success
    [ ! -e .git/hooks/pre-commit ]
    victim_runs "$BATS_TEST_TMPDIR/victim"
    [ ! -e "$MARK" ]
    [ "$(outside_of .)" = "$before" ]
}

@test "a well-formed record of this version that git tracks is refused all the same" {
    git_env
    local evil="$BATS_TEST_TMPDIR/evil"
    kith init --git "$evil" >/dev/null 2>&1
    cp "$KITH_EXAMPLES/contacts/ada-lovelace.yaml" "$evil/contacts/"
    printf 'name: Ada Lovelace\nnotes: forged by the repository\n' > "$evil/contacts/.ada-lovelace.yaml.xK3aB9"
    mkdir -p "$evil/.kith"
    record 3 > "$evil/.kith/intent" <<<"replace|contacts/.ada-lovelace.yaml.xK3aB9|contacts/ada-lovelace.yaml|$(state "$evil/contacts/ada-lovelace.yaml")|$(state "$evil/contacts/.ada-lovelace.yaml.xK3aB9")"
    git -C "$evil" add -A && git -C "$evil" add -f .kith/intent contacts/.ada-lovelace.yaml.xK3aB9
    git -C "$evil" commit -qm forged
    git clone -q "$evil" "$BATS_TEST_TMPDIR/victim"
    cd "$BATS_TEST_TMPDIR/victim"
    run --separate-stderr "$KITH" show ada
    assert_failure 3
    [[ "$stderr" == *".kith/intent: a record of intent that git tracks"* ]]
    ! grep -q forged contacts/ada-lovelace.yaml
    # The same record at its second name, outside .kith/, is refused the same way.
    git rm -q --cached .kith/intent && mv .kith/intent .kith-intent && git add .kith-intent && git commit -qm moved
    run --separate-stderr "$KITH" show ada
    assert_failure 3
    [[ "$stderr" == *".kith-intent: a record of intent that git tracks"*"git rm --cached .kith-intent"* ]]
    ! grep -q forged contacts/ada-lovelace.yaml
}

@test "an untracked record (a copy, a tarball, a sync) whose steps are not kith's own is refused and reported" {
    git_env
    mkdir -p "$OUTSIDE"
    local temp=contacts/.ada-lovelace.yaml.xK3aB9
    while IFS= read -r step; do
        printf '#!/bin/sh\necho ran > "%s"\n' "$MARK" > "$NET/$temp"
        chmod +x "$NET/$temp"
        mkdir -p "$NET/.kith" "$NET/.git/hooks"
        record 2 <<<"$step" > "$NET/.kith/intent"
        cp "$NET/kith.yaml" "$BATS_TEST_TMPDIR/kith.yaml.before"
        snapshot ada-lovelace
        run --separate-stderr kith log ada -m "hello"
        assert_failure 3
        [[ "$stderr" == *".kith/intent: a record of intent that kith did not write ("*"did nothing of it"* ]] || { echo "$stderr"; false; }
        [ ! -e "$NET/.git/hooks/pre-commit" ] && [ ! -e "$NET/.git/config" ]
        cmp "$NET/kith.yaml" "$BATS_TEST_TMPDIR/kith.yaml.before"
        [ -z "$(ls -A "$OUTSIDE")" ] && [ ! -e "$BATS_TEST_TMPDIR/outside/x" ]
        [ -z "$(changes ada-lovelace)" ]
        [ -e "$NET/$temp" ]
        rm "$NET/.kith/intent"
    done < <(hostile_steps)
    [ ! -e "$MARK" ]
    run kith log ada -m "hello"   # once the record is gone, kith works again
    assert_success
}

@test "a record reached through a .kith that is a link the repository brings is refused as tracked" {
    git_env
    local evil="$BATS_TEST_TMPDIR/evil"
    kith init --git "$evil" >/dev/null 2>&1
    cp "$KITH_EXAMPLES/contacts/ada-lovelace.yaml" "$evil/contacts/"
    printf 'name: Ada Lovelace\nnotes: forged by the repository\n' > "$evil/contacts/.ada-lovelace.yaml.xK3aB9"
    mkdir -p "$evil/cache"
    record 3 > "$evil/cache/intent" <<<"replace|contacts/.ada-lovelace.yaml.xK3aB9|contacts/ada-lovelace.yaml|$(state "$evil/contacts/ada-lovelace.yaml")|$(state "$evil/contacts/.ada-lovelace.yaml.xK3aB9")"
    git -C "$evil" add -A && git -C "$evil" commit -qm "a cache"
    git -C "$evil" rm -rq --cached .gitignore && rm "$evil/.gitignore" && ln -s cache "$evil/.kith"
    git -C "$evil" add .kith && git -C "$evil" commit -qm "a link"
    git clone -q "$evil" "$BATS_TEST_TMPDIR/victim"
    cd "$BATS_TEST_TMPDIR/victim"
    [ -L .kith ]
    run --separate-stderr "$KITH" show ada
    assert_failure 3
    [[ "$stderr" == *".kith/intent: a record of intent that git tracks"* ]] || { echo "$stderr"; false; }
    ! grep -q forged contacts/ada-lovelace.yaml
}

@test "a .kith that is a link the repository brings into .git/ is refused: kith writes none of git's files" {
    git_env
    local evil="$BATS_TEST_TMPDIR/evil"
    kith init --git "$evil" >/dev/null 2>&1
    cp "$KITH_EXAMPLES/contacts/ada-lovelace.yaml" "$evil/contacts/"
    git -C "$evil" rm -q --cached .gitignore && rm "$evil/.gitignore" && ln -s .git "$evil/.kith"
    git -C "$evil" add -A && git -C "$evil" commit -qm "a network to share"
    git clone -q "$evil" "$BATS_TEST_TMPDIR/victim"
    cd "$BATS_TEST_TMPDIR/victim"
    [ -L .kith ]
    # kith's index, lock and edit copies would land on git's index, config and hooks
    for target in .git .git/hooks ./contacts/../.GIT; do
        ln -sfn "$target" .kith
        before=$(find .git -type f -printf '%p %s %T@\n' | sort)
        run --separate-stderr "$KITH" log ada -m hello
        assert_failure 3
        [[ "$stderr" == *".kith: leads into .git/, git's own folder"* ]] || { echo "$target: $stderr"; false; }
        [ "$(find .git -type f -printf '%p %s %T@\n' | sort)" = "$before" ] || { echo "$target: .git changed"; false; }
        ! grep -q hello contacts/ada-lovelace.yaml
    done
    run git status --short
    assert_success
}
