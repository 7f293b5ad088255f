# What an import reads (issue 18, items 8, 14 and 21): every line end, inputs that yield
# nothing, long lines, bytes that are not text, cells left out, and inputs of any size.
load helpers

# Every file of the network with its checksum, to show that nothing was written.
tree_sums() { (cd "$NET" && find . -path ./.kith -prune -o -type f -print0 | sort -z | xargs -0 sha1sum); }

# Prints $1 with each LF turned into the line end $2.
with_ends() { printf '%s' "${1//$'\n'/$2}"; }

@test "every line end reads: LF, CRLF, CR alone, iOS 5's CR CR LF, and a mixture (vCard, Google, LinkedIn)" {
    local card=$'BEGIN:VCARD\nVERSION:2.1\nFN:Iris Five\nNOTE;ENCODING=QUOTED-PRINTABLE:soft=\nbreak\nTITLE:folded\n  title\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nN:Six;Ivo;;;\nEMAIL:ivo@six.example\nEND:VCARD\n'
    local google=$'First Name,Last Name,E-mail 1 - Value,Notes\nIris,Five,,"two\nlines"\nIvo,Six,ivo@six.example,\n'
    local linkedin=$'Notes:\n"When exporting your connection data..."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nIris,Five,,,,,15 Mar 2024\nIvo,Six,,ivo@six.example,,,07-Feb-22\n'
    local end
    for end in $'\n' $'\r\n' $'\r' $'\r\r\n'; do
        with_ends "$card" "$end" > "$BATS_TEST_TMPDIR/c.vcf"
        with_ends "$google" "$end" > "$BATS_TEST_TMPDIR/g.csv"
        with_ends "$linkedin" "$end" > "$BATS_TEST_TMPDIR/l.csv"
        for format in vcard google linkedin; do
            file=$BATS_TEST_TMPDIR/c.vcf
            [ "$format" = google ] && file=$BATS_TEST_TMPDIR/g.csv
            [ "$format" = linkedin ] && file=$BATS_TEST_TMPDIR/l.csv
            run --separate-stderr kith import "$format" "$file" --dry-run
            assert_success
            assert_output "would add Iris Five as iris-five
would add Ivo Six as ivo-six
dry run: 2 added, 0 merged, 0 skipped, 0 failed"
        done
    done
    # A mixture, one end per line, and the texts as they were written.
    printf 'BEGIN:VCARD\r\r\nVERSION:2.1\rFN:Iris Five\nNOTE;ENCODING=QUOTED-PRINTABLE:soft=\r\nbreak\r\r\nTITLE:folded\r  title\nEND:VCARD\r\n' > "$BATS_TEST_TMPDIR/mixed.vcf"
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/mixed.vcf"
    assert_success
    assert_output --partial "1 added"
    [ "$(exported "Iris Five" notes)" = "'softbreak'" ]
    [ "$(exported "Iris Five" title)" = "'folded title'" ]
}

@test "an input that yields no card or row is an error naming the file and what it looked like" {
    before=$(tree_sums)
    : > "$BATS_TEST_TMPDIR/empty.vcf"
    printf '\n  \r\n\n' > "$BATS_TEST_TMPDIR/blank.vcf"
    head -c 4096 /dev/urandom > "$BATS_TEST_TMPDIR/random.bin"
    printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10' > "$BATS_TEST_TMPDIR/image.png"
    printf 'First Name,Last Name\r\n' > "$BATS_TEST_TMPDIR/header-only.csv"
    printf 'Notes:\r\nnothing else here\r\n' > "$BATS_TEST_TMPDIR/notes.csv"
    local FIX="$KITH_SOURCE/tests/fixtures"
    check_refused() {  # FORMAT FILE WORDS...
        local format=$1 file=$2
        shift 2
        run --separate-stderr kith import "$format" "$file"
        assert_failure 3
        [[ "$stderr" == *"$file"* ]] || { echo "$format $file: $stderr"; false; }
        for words in "$@"; do [[ "$stderr" == *"$words"* ]] || { echo "$format $file: no '$words' in: $stderr"; false; }; done
        refute_output --partial "would"
        refute_output --regexp '^[1-9][0-9]* added'
    }
    for format in vcard google linkedin; do
        check_refused "$format" "$BATS_TEST_TMPDIR/empty.vcf" "it is empty"
        check_refused "$format" "$BATS_TEST_TMPDIR/blank.vcf" "it holds only blank lines"
        check_refused "$format" "$BATS_TEST_TMPDIR/random.bin" "it looks binary"
        check_refused "$format" "$BATS_TEST_TMPDIR/image.png" "it looks binary (it starts with the bytes 89 50 4e 47"
    done
    check_refused vcard "$FIX/google-contacts.csv" "holds no vCard" "its first line is 'First Name," "try 'kith import google'"
    check_refused vcard "$FIX/linkedin-connections.csv" "holds no vCard" "try 'kith import linkedin'"
    check_refused google "$FIX/apple-3.0.vcf" "not a Google Contacts export" "BEGIN:VCARD" "try 'kith import vcard'"
    check_refused linkedin "$FIX/android-2.1.vcf" "not a LinkedIn Connections.csv" "try 'kith import vcard'"
    check_refused linkedin "$FIX/google-contacts.csv" "not a LinkedIn Connections.csv" "try 'kith import google'"
    check_refused linkedin "$BATS_TEST_TMPDIR/notes.csv" "no 'First Name,...,Connected On' header" "its first line is 'Notes:'"
    check_refused google "$BATS_TEST_TMPDIR/header-only.csv" "holds no contact, only the header line"
    run --separate-stderr kith import vcard - < /dev/null
    assert_failure 3
    [[ "$stderr" == *"stdin: holds no vCard"*"it is empty"* ]]
    # A vdir: the file that holds no card is named; the others are imported.
    mkdir "$BATS_TEST_TMPDIR/vdir" "$BATS_TEST_TMPDIR/no-cards"
    cp "$FIX/nextcloud-4.0.vcf" "$BATS_TEST_TMPDIR/vdir/a.vcf"
    cp "$BATS_TEST_TMPDIR/image.png" "$BATS_TEST_TMPDIR/vdir/b.vcf"
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/vdir" --dry-run
    assert_failure 3
    assert_line --regexp '^dry run: [1-9][0-9]* added, 0 merged, 0 skipped, 1 failed$'
    [[ "$stderr" == *"vdir/b.vcf: holds no vCard"*"it looks binary"* ]]
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/no-cards"
    assert_failure 3
    [[ "$stderr" == *"no-cards: holds no .vcf file"* ]]
    [ "$(tree_sums)" = "$before" ]
}

@test "a vCard line over 64 KiB keeps its name: its value is skipped with a warning at file:line, the rest imported" {
    python3 - "$BATS_TEST_TMPDIR/long.vcf" <<'PY'
import sys
big = "x" * (100 * 1024)
photo = "A" * (200 * 1024)
folded = "".join("\r\n " + photo[i:i + 74] for i in range(0, len(photo), 74))
with open(sys.argv[1], "w", newline="") as f:
    f.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Long Lines\r\nNOTE:" + big + "\r\nTITLE:after the long note\r\n"
            "PHOTO;ENCODING=b;TYPE=JPEG:" + photo + "\r\nEMAIL:long@lines.example\r\nEND:VCARD\r\n"
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Folded Lines\r\nNOTE:" + "".join("\r\n " + big[i:i + 70] for i in range(0, len(big), 70)) +
            "\r\nPHOTO;ENCODING=b;TYPE=JPEG:" + folded + "\r\nROLE:after the folded photo\r\nEND:VCARD\r\n")
PY
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/long.vcf"
    assert_success
    assert_output --partial "2 added (2 with warnings), 0 merged, 0 skipped, 0 failed"
    [[ "$stderr" == *"long.vcf:4: 'NOTE' is longer than 64 KiB"*"its value is skipped"* ]]
    [[ "$stderr" == *"long.vcf:6: 'PHOTO' is longer than 64 KiB"* ]]
    # each distinct warning once, at its first place, with a count (the second NOTE at 12, PHOTO at 1476)
    [[ "$stderr" == *"long.vcf:4: 'NOTE' is longer than 64 KiB"*"(2 times)"* ]]
    [[ "$stderr" == *"long.vcf:6: 'PHOTO' is longer than 64 KiB"*"(2 times)"* ]]
    [[ "$stderr" != *"long.vcf:12:"* ]]
    [[ "$stderr" != *"needs ':'"* ]]
    [ "$(exported "Long Lines" title)" = "'after the long note'" ]
    [ "$(exported "Long Lines" email)" = "['long@lines.example']" ]
    [ "$(exported "Folded Lines" role)" = "'after the folded photo'" ]
    [ "$(exported "Folded Lines" notes)" = "None" ]   # skipped, not cut
}

@test "a NUL in a value is reported, not cut; a byte that is not UTF-8 is read alone, the valid UTF-8 around it kept" {
    printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nul Byte\r\nNOTE:before\0after\r\nTITLE:caf\xc3\xa9 \xe9t\xe9\r\nORG:Gr\xfcn GmbH\r\nEND:VCARD\r\n' > "$BATS_TEST_TMPDIR/bytes.vcf"
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/bytes.vcf"
    assert_success
    [[ "$stderr" == *"bytes.vcf:4: 'NOTE' holds 1 NUL byte"*"left out, the rest of the value kept"* ]]
    [ "$(exported "Nul Byte" notes)" = "'beforeafter'" ]
    [ "$(exported "Nul Byte" title)" = "'café été'" ]
    [ "$(exported "Nul Byte" org)" = "'Grün GmbH'" ]
    printf 'First Name,Last Name,Organization Name\nJos\xc3\xa9,M\xfcller,Caf\xc3\xa9 \x80\n' > "$BATS_TEST_TMPDIR/bytes.csv"
    run --separate-stderr kith import google "$BATS_TEST_TMPDIR/bytes.csv"
    assert_success
    [ "$(exported "José Müller" org)" = "'Café €'" ]
}

@test "google: a bad event value is reported with its column, labels go with their own event, a dropped cell is reported" {
    printf '%s\n' 'First Name,Last Name,Event 1 - Label,Event 1 - Value,Event 2 - Label,Event 2 - Value,Address 1 - Formatted,Address 2 - Formatted' \
        'Eve,Dates,,not a date,Anniversary,2001-06-09,1 Home St,2 Work Rd,spare cell' > "$BATS_TEST_TMPDIR/events.csv"
    run --separate-stderr kith import google "$BATS_TEST_TMPDIR/events.csv"
    assert_success  # a value left out is a warning: the person is added
    assert_output --partial "1 added (1 with warnings), 0 merged, 0 skipped, 0 failed"
    [[ "$stderr" == *"events.csv:2: 'Event 1 - Value' 'not a date' is not a date; left out"* ]]
    [[ "$stderr" == *"events.csv:2: 1 address after the first left out ('2 Work Rd')"* ]]
    [[ "$stderr" == *"events.csv:2: 1 cell past the header's 8 columns left out"* ]]
    [ "$(exported "Eve Dates" dates 0 what)" = "'anniversary'" ]
    [ "$(exported "Eve Dates" address)" = "'1 Home St'" ]
}

@test "a huge input is read in bounded memory; past the caps it is refused whole, saying so" {
    # 200 MB of one card's photo, through a pipe: read a chunk at a time (before, the whole
    # input was held: twice its size in memory). Under the sanitizers, which bound no memory
    # here, 20 MB take the same path through the reader.
    local thousands=2800
    [ "${KITH_SANITIZED:-0}" = 1 ] && thousands=280
    run bash -c "python3 -c '
import sys
w = sys.stdout.write
w(\"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nPHOTO;ENCODING=b:\")
line = \"\r\n \" + \"A\" * 74
for _ in range($thousands): w(line * 1000)
w(\"\r\nTITLE:kept\r\nEND:VCARD\r\n\")' | /usr/bin/time -f 'rss %M' '$KITH' import vcard - --dry-run"
    assert_success
    assert_line "dry run: 1 added (1 with warnings), 0 merged, 0 skipped, 0 failed"
    rss=$(printf '%s\n' "$output" | sed -n 's/^rss //p')
    [ -n "$rss" ]
    # The bound holds for kith as built for use; the sanitizers' shadow memory alone is larger.
    [ "${KITH_SANITIZED:-0}" = 1 ] || [ "$rss" -lt 65536 ] || { echo "max RSS $rss KB"; false; }
    # More people than an import reads at once: refused before anything is written.
    before=$(tree_sums)
    python3 -c 'import sys; sys.stdout.write("".join("BEGIN:VCARD\nFN:P%d\nEND:VCARD\n" % i for i in range(50001)))' > "$BATS_TEST_TMPDIR/many.vcf"
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/many.vcf"
    assert_failure 3
    [[ "$stderr" == *"many.vcf:150001: an import reads at most 50000 people at a time"*"nothing was imported (split the file)"* ]]
    assert_output ""
    [ "$(tree_sums)" = "$before" ]
    # A CSV record that never ends (a quote never closed) is refused at its line, not read on.
    python3 -c 'import sys; sys.stdout.write("First Name,Notes\nAda,\"" + "x\n" * 600000)' > "$BATS_TEST_TMPDIR/open.csv"
    run --separate-stderr kith import google "$BATS_TEST_TMPDIR/open.csv"
    assert_failure 3
    [[ "$stderr" == *"open.csv:2: a record runs over more than 1 MiB"* ]]
}

@test "a vdir's .vcf that is no file (a link to nothing, a loop, a folder, a pipe) is reported; the others are imported" {
    local vdir="$BATS_TEST_TMPDIR/vdir"
    mkdir -p "$vdir/folder.vcf"
    printf 'BEGIN:VCARD\nVERSION:3.0\nFN:Iris Five\nEND:VCARD\n' > "$vdir/iris.vcf"
    ln -s nowhere "$vdir/dangling.vcf"
    ln -s loop.vcf "$vdir/loop.vcf"
    mkfifo "$vdir/pipe.vcf"
    run --separate-stderr timeout "$(time_bound 10)" "$KITH" import vcard "$vdir"
    assert_failure 3
    assert_output "add Iris Five as iris-five
1 added, 0 merged, 0 skipped, 4 failed"
    for name in dangling folder loop pipe; do
        [[ "$stderr" == *"$vdir/$name.vcf: is not a file kith can read"*"skipped"* ]] || { echo "$name: $stderr"; false; }
    done
    [ -f contacts/iris-five.yaml ]
}

@test "import: a name of only dots or commas matches no one: such records are different people" {
    printf 'BEGIN:VCARD\nVERSION:3.0\nFN:.\nEMAIL:one@example.org\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:,,\nEMAIL:two@example.org\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:. .\nTEL:+1 555 0101\nEND:VCARD\n' > "$BATS_TEST_TMPDIR/dots.vcf"
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/dots.vcf"
    assert_success
    assert_line "3 added, 0 merged, 0 skipped, 0 failed"
    grep -q one@example.org contacts/contact.yaml
    grep -q two@example.org contacts/contact-2.yaml
    grep -q '555 0101' contacts/contact-3.yaml
}

@test "vCard: an empty line after a soft break ends the value; a card cut short is reported and the next cards read" {
    # a quoted-printable value whose last line is a soft break, then an empty line
    printf 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Iris Five\r\nNOTE;ENCODING=QUOTED-PRINTABLE:first=\r\n\r\nTEL:+1 555 0101\r\nEND:VCARD\r\n' > "$BATS_TEST_TMPDIR/soft.vcf"
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/soft.vcf"
    assert_success
    [ "$(exported "Iris Five" notes)" = "'first'" ]
    [ "$(exported "Iris Five" phone 0)" = "'+1 555 0101'" ]
    # a card with no END:VCARD before the next BEGIN:VCARD; a 2.1 AGENT's card stays inside its card
    printf '%s\n' BEGIN:VCARD VERSION:3.0 "FN:Cut Short" EMAIL:cut@example.org \
        BEGIN:VCARD VERSION:3.0 "FN:Next One" END:VCARD \
        BEGIN:VCARD VERSION:2.1 "FN:Has Agent" AGENT: BEGIN:VCARD VERSION:2.1 "FN:The Agent" END:VCARD TITLE:Boss END:VCARD \
        BEGIN:VCARD VERSION:3.0 "FN:Last One" END:VCARD > "$BATS_TEST_TMPDIR/cut.vcf"
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/cut.vcf"
    assert_failure 3
    assert_output "add Next One as next-one
add Has Agent as has-agent
add Last One as last-one
3 added, 0 merged, 0 skipped, 1 failed"
    [[ "$stderr" == *"cut.vcf:1: card has no END:VCARD before the next card's BEGIN:VCARD at line 5"* ]] || { echo "$stderr"; false; }
    [ "$(exported "Has Agent" title)" = "'Boss'" ]
}

@test "import: tens of thousands of values in one field are de-duplicated in linear time (vCard and Google)" {
    # 120,000 phones, 90,000 of them different: comparing each value with every one kept before
    # it took 40 s and more for each file. The plain build's run bounds the time; under the
    # sanitizers a tenth of them (all different) goes through the same code.
    local count=120000 distinct=90000
    [ "${KITH_SANITIZED:-0}" = 1 ] && count=12000 distinct=12000
    python3 -c '
import sys
values = ["%d" % (10000 + i % 90000) for i in range(int(sys.argv[3]))]
open(sys.argv[1], "w").write("BEGIN:VCARD\nVERSION:3.0\nFN:Many Phones\n" + "".join("TEL:%s\n" % v for v in values) + "END:VCARD\n")
open(sys.argv[2], "w").write("First Name,Last Name,Phone 1 - Value\nMany,Cells,\"" + ":::".join(values) + "\"\n")' \
        "$BATS_TEST_TMPDIR/phones.vcf" "$BATS_TEST_TMPDIR/phones.csv" "$count"
    run --separate-stderr timeout "$(time_bound 20)" "$KITH" import vcard "$BATS_TEST_TMPDIR/phones.vcf"
    assert_success
    assert_output "add Many Phones as many-phones
1 added, 0 merged, 0 skipped, 0 failed"
    run --separate-stderr timeout "$(time_bound 20)" "$KITH" import google "$BATS_TEST_TMPDIR/phones.csv"
    assert_success
    assert_output "add Many Cells as many-cells
1 added, 0 merged, 0 skipped, 0 failed"
    run --separate-stderr kith export json
    assert_success
    [ "$(printf '%s' "$output" | python3 -c 'import json, sys; print(sorted(len(p["phone"]) for p in json.load(sys.stdin) if p["name"].startswith("Many ")))')" = "[$distinct, $distinct]" ]
}
