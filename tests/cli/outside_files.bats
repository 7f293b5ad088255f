# Files kith writes outside the network (issue 18, items 2 and 24, and merge-file's result):
# export -o, report -o and merge-file's result are made under an unpredictable name beside the
# target and renamed into place; a link or anything but a regular file at the target, or a link
# as the folder itself, is refused and left as it is; files are 0600 and new folders 0700.
load helpers

# The file a planted link points at: it must come out of every test as it went in.
victim() { printf 'precious\n' > "$BATS_TEST_TMPDIR/victim"; }
victim_untouched() { [ "$(cat "$BATS_TEST_TMPDIR/victim")" = precious ]; }

@test "export -o: a link planted at the temp name kith used to use is never written through" {
    victim
    mkdir "$BATS_TEST_TMPDIR/vdir"
    ln -s "$BATS_TEST_TMPDIR/victim" "$BATS_TEST_TMPDIR/vdir/.ada-lovelace.vcf.kith-tmp"
    run --separate-stderr kith export vcard -o "$BATS_TEST_TMPDIR/vdir"
    assert_success
    victim_untouched
    [ ! -L "$BATS_TEST_TMPDIR/vdir/ada-lovelace.vcf" ]
    grep -q '^FN:Ada Lovelace' "$BATS_TEST_TMPDIR/vdir/ada-lovelace.vcf"
    # nothing left beside the cards but the planted link: every temp file was renamed into place
    [ "$(ls -A "$BATS_TEST_TMPDIR/vdir" | grep -vc '\.vcf$')" -eq 1 ]
}

@test "export -o: a link at a card's name is refused, nothing is written, the link stays" {
    victim
    mkdir "$BATS_TEST_TMPDIR/vdir"
    ln -s "$BATS_TEST_TMPDIR/victim" "$BATS_TEST_TMPDIR/vdir/grace-hopper.vcf"
    run --separate-stderr kith export vcard -o "$BATS_TEST_TMPDIR/vdir"
    assert_failure 4
    assert_stderr_has "vdir/grace-hopper.vcf: is a link; kith never writes through one"
    victim_untouched
    [ -L "$BATS_TEST_TMPDIR/vdir/grace-hopper.vcf" ]
    [ "$(ls -A "$BATS_TEST_TMPDIR/vdir")" = grace-hopper.vcf ]
}

@test "export -o: a folder that is a link is refused; the folder it leads to gets nothing" {
    mkdir "$BATS_TEST_TMPDIR/elsewhere"
    ln -s "$BATS_TEST_TMPDIR/elsewhere" "$BATS_TEST_TMPDIR/vdir"
    run --separate-stderr kith export vcard -o "$BATS_TEST_TMPDIR/vdir"
    assert_failure 4
    assert_stderr_has "vdir: is a link; kith writes into a folder itself, never through a link"
    run --separate-stderr kith export vcard -o "$BATS_TEST_TMPDIR/vdir/"
    assert_failure 4
    [ -z "$(ls -A "$BATS_TEST_TMPDIR/elsewhere")" ]
    # the folders above it are the user's path, links included
    ln -s "$BATS_TEST_TMPDIR/elsewhere" "$BATS_TEST_TMPDIR/above"
    run --separate-stderr kith export vcard -o "$BATS_TEST_TMPDIR/above/cards"
    assert_success
    [ -f "$BATS_TEST_TMPDIR/elsewhere/cards/ada-lovelace.vcf" ]
}

@test "export -o: new folders are 0700 and cards 0600, also over cards written 0644 before" {
    umask 022
    run --separate-stderr kith export vcard -o "$BATS_TEST_TMPDIR/new/cards"
    assert_success
    [ "$(stat -c %a "$BATS_TEST_TMPDIR/new")" = 700 ]
    [ "$(stat -c %a "$BATS_TEST_TMPDIR/new/cards")" = 700 ]
    [ "$(stat -c %a "$BATS_TEST_TMPDIR/new/cards/ada-lovelace.vcf")" = 600 ]
    chmod 644 "$BATS_TEST_TMPDIR/new/cards/ada-lovelace.vcf"
    chmod 755 "$BATS_TEST_TMPDIR/new/cards"
    run --separate-stderr kith export vcard -o "$BATS_TEST_TMPDIR/new/cards"
    assert_success
    [ "$(stat -c %a "$BATS_TEST_TMPDIR/new/cards/ada-lovelace.vcf")" = 600 ]
    [ "$(stat -c %a "$BATS_TEST_TMPDIR/new/cards")" = 755 ]  # a folder that exists keeps its mode
}

@test "export -o: a pipe at a card's name is refused at once, never opened" {
    mkdir "$BATS_TEST_TMPDIR/vdir"
    mkfifo "$BATS_TEST_TMPDIR/vdir/ada-lovelace.vcf"
    run --separate-stderr timeout "$(time_bound 10)" "$KITH" export vcard -o "$BATS_TEST_TMPDIR/vdir"
    assert_failure 4
    assert_stderr_has "ada-lovelace.vcf: is not a regular file"
    [ -p "$BATS_TEST_TMPDIR/vdir/ada-lovelace.vcf" ]
}

@test "report -o: a link at the target is refused and the file it leads to kept" {
    victim
    ln -s "$BATS_TEST_TMPDIR/victim" "$BATS_TEST_TMPDIR/report.html"
    run --separate-stderr kith report -o "$BATS_TEST_TMPDIR/report.html"
    assert_failure 4
    assert_stderr_has "report.html: is a link; kith never writes through one"
    victim_untouched
    [ -L "$BATS_TEST_TMPDIR/report.html" ]
}

@test "report -o: a pipe at the target is refused at once, never opened" {
    mkfifo "$BATS_TEST_TMPDIR/report.html"
    run --separate-stderr timeout "$(time_bound 10)" "$KITH" report -o "$BATS_TEST_TMPDIR/report.html"
    assert_failure 4
    assert_stderr_has "report.html: is not a regular file"
}

@test "report -o: the page is 0600, also over a page written 0644 before, and no temp file stays" {
    umask 022
    mkdir "$BATS_TEST_TMPDIR/out"
    run --separate-stderr kith report -o "$BATS_TEST_TMPDIR/out/report.html"
    assert_success
    [ "$(stat -c %a "$BATS_TEST_TMPDIR/out/report.html")" = 600 ]
    chmod 644 "$BATS_TEST_TMPDIR/out/report.html"
    run --separate-stderr kith report -o "$BATS_TEST_TMPDIR/out/report.html"
    assert_success
    [ "$(stat -c %a "$BATS_TEST_TMPDIR/out/report.html")" = 600 ]
    [ "$(ls -A "$BATS_TEST_TMPDIR/out")" = report.html ]
    run --separate-stderr kith report  # the default name, in the working folder
    assert_success
    [ "$(stat -c %a kith-report.html)" = 600 ]
}

# Every file of the network with its checksum, to show that nothing was written.
network_sums() { (cd "$NET" && find . -path ./.kith -prune -o -type f -print0 | sort -z | xargs -0 sha1sum); }

@test "report -o and export -o refuse the network's own files and folders, also through a link or .." {
    mkdir -p archive .git/hooks "$BATS_TEST_TMPDIR/out"
    ln -s "$NET/archive" "$BATS_TEST_TMPDIR/out/back"
    before=$(network_sums)
    for page in contacts/ada-lovelace.yaml kith.yaml .gitignore ./archive/../.kith/index .git/hooks/pre-commit \
                "$BATS_TEST_TMPDIR/out/back/report.html" "$NET/contacts/new.html"; do
        run --separate-stderr kith report -o "$page"
        assert_failure 2
        assert_stderr_has "$page: "
        [[ "$stderr" == *"the network's own"*"write it elsewhere"* ]] || { echo "$page: $stderr"; false; }
    done
    for dir in contacts archive/ .git/hooks "$BATS_TEST_TMPDIR/out/back" contacts/../.kith/cards; do
        run --separate-stderr kith export vcard -o "$dir"
        assert_failure 2
        [[ "$stderr" == *"the network's own folder"* ]] || { echo "$dir: $stderr"; false; }
    done
    [ "$(network_sums)" = "$before" ]
    [ ! -e .kith/cards ]
    # beside them, in the network's folder or a folder of one's own there, is fine
    run --separate-stderr kith report -o report.html
    assert_success
    run --separate-stderr kith export vcard -o cards
    assert_success
    [ -f cards/ada-lovelace.vcf ]
}

@test "merge-file: a link given as the result (OURS) is refused and the file it leads to kept" {
    cp contacts/ada-lovelace.yaml "$BATS_TEST_TMPDIR/base"
    cp contacts/ada-lovelace.yaml "$BATS_TEST_TMPDIR/victim"
    before=$(cat "$BATS_TEST_TMPDIR/victim")
    sed 's/^tier: .*/tier: close/' contacts/ada-lovelace.yaml > "$BATS_TEST_TMPDIR/theirs"
    ln -s "$BATS_TEST_TMPDIR/victim" "$BATS_TEST_TMPDIR/ours"
    run --separate-stderr kith merge-file "$BATS_TEST_TMPDIR/base" "$BATS_TEST_TMPDIR/ours" "$BATS_TEST_TMPDIR/theirs"
    assert_failure 4
    assert_stderr_has "ours: is a link; kith never writes through one"
    [ "$(cat "$BATS_TEST_TMPDIR/victim")" = "$before" ]
    [ -L "$BATS_TEST_TMPDIR/ours" ]
}

@test "merge-file: the result replaces OURS whole (a new file renamed into place), nothing left beside it" {
    mkdir "$BATS_TEST_TMPDIR/m"
    cp contacts/ada-lovelace.yaml "$BATS_TEST_TMPDIR/m/base"
    cp contacts/ada-lovelace.yaml "$BATS_TEST_TMPDIR/m/ours"
    sed 's/^tier: .*/tier: close/' contacts/ada-lovelace.yaml > "$BATS_TEST_TMPDIR/m/theirs"
    ln "$BATS_TEST_TMPDIR/m/ours" "$BATS_TEST_TMPDIR/hardlink"  # a second name of OURS' old file
    run --separate-stderr kith merge-file "$BATS_TEST_TMPDIR/m/base" "$BATS_TEST_TMPDIR/m/ours" "$BATS_TEST_TMPDIR/m/theirs"
    assert_success
    grep -qx 'tier: close' "$BATS_TEST_TMPDIR/m/ours"
    cmp "$BATS_TEST_TMPDIR/hardlink" contacts/ada-lovelace.yaml  # the old file was replaced, not written into
    [ "$(ls -A "$BATS_TEST_TMPDIR/m" | tr '\n' ' ')" = "base ours theirs " ]
}
