#!/usr/bin/env bats
# Red-team reproductions against the index in .kith/ and the NAME lookups: each test is a way
# a hostile or unlucky user made kith crash, fail, or print other bytes than without the index.
load helpers

warm_up() { kith list --archived >/dev/null; kith due >/dev/null; [ -f .kith/index ]; }

# Builds a preload library that cuts .kith/index down to its header right after kith maps it:
# what another process (cp over it, rsync --inplace, a sync tool, truncate) does at that moment.
truncating_shim() {
    command -v cc >/dev/null || skip "no C compiler"
    cat > "$BATS_TEST_TMPDIR/trunc.c" <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
void* mmap(void* addr, size_t len, int prot, int flags, int fd, off_t off) {
    void* (*real)(void*, size_t, int, int, int, off_t) =
        (void* (*)(void*, size_t, int, int, int, off_t))dlsym(RTLD_NEXT, "mmap");
    void* at = real(addr, len, prot, flags, fd, off);
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = fd >= 0 ? readlink(link, path, sizeof path - 1) : -1;
    if (at != MAP_FAILED && n > 11) {
        path[n] = 0;
        if (strcmp(path + n - 11, ".kith/index") == 0) truncate(path, 64);
    }
    return at;
}
C
    cc -shared -fPIC -o "$BATS_TEST_TMPDIR/trunc.so" "$BATS_TEST_TMPDIR/trunc.c" -ldl
}

# ASan must come first among the libraries and reserves terabytes of address space, so a
# preloaded shim and `ulimit -v` cannot be used with it: those two run in the plain suite only.
skip_under_asan() { if ldd "$KITH" 2>/dev/null | grep -q libasan; then skip "not under AddressSanitizer"; fi; }

@test "an index cut short by another process while kith reads it: no crash (SIGBUS), same output" {
    skip_under_asan
    truncating_shim
    warm_up
    rm -rf .kith; kith due --format json > "$BATS_TEST_TMPDIR/cold"
    warm_up
    run env LD_PRELOAD="$BATS_TEST_TMPDIR/trunc.so" "$KITH" due --format json
    assert_success
    diff "$BATS_TEST_TMPDIR/cold" <(printf '%s\n' "$output")
}

@test "an index whose header claims a name table of almost 1 GiB: ignored, not allocated (exit 70 under a memory limit)" {
    skip_under_asan
    warm_up
    kith due --format json > "$BATS_TEST_TMPDIR/cold"
    # One damaged field: names_size (header bytes 48..55) set to what reaches max_index_bytes.
    python3 - <<'PY'
import struct
path = ".kith/index"
data = bytearray(open(path, "rb").read())
names_at = struct.unpack_from("<Q", data, 40)[0]
struct.pack_into("<Q", data, 48, (1 << 30) - names_at)
open(path, "wb").write(data)
PY
    # ASan reserves terabytes of address space for its shadow: the bound is the plain build's to check.
    local limit='ulimit -v 400000 && '
    [ "${KITH_SANITIZED:-0}" = 1 ] && limit=''
    run bash -c "${limit}"'exec "$KITH" due --format json'
    assert_success
    diff "$BATS_TEST_TMPDIR/cold" <(printf '%s\n' "$output")
}

@test "Ctrl-C while a read command writes the index leaves no temp file, and check still passes" {
    generated_network "$BATS_TEST_TMPDIR/big" 600
    cd "$BATS_TEST_TMPDIR/big"
    # Up to 20 cold `kith due`, each sent SIGINT the moment its index temp file shows in .kith/.
    python3 - <<'PY'
import os, shutil, signal, subprocess
for attempt in range(20):
    shutil.rmtree(".kith", ignore_errors=True)
    p = subprocess.Popen([os.environ["KITH"], "due"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while p.poll() is None:
        try:
            if any(n.startswith(".index.") for n in os.listdir(".kith")):
                p.send_signal(signal.SIGINT)
                break
        except FileNotFoundError:
            pass
    p.wait()
    if os.path.isdir(".kith") and any(n.startswith(".index.") for n in os.listdir(".kith")):
        break
PY
    kith due >/dev/null
    run -0 ls -A .kith
    refute_output --partial ".index."
    run kith check
    assert_success
}

@test "an index that is a named pipe: ignored, no command hangs" {
    kith due --format json > "$BATS_TEST_TMPDIR/cold"
    kith __complete people > "$BATS_TEST_TMPDIR/cold-complete"
    rm -rf .kith && mkdir .kith && mkfifo .kith/index
    run timeout "$(time_bound 10)" "$KITH" due --format json
    assert_success
    diff "$BATS_TEST_TMPDIR/cold" <(printf '%s\n' "$output")
    run timeout "$(time_bound 10)" "$KITH" __complete people
    assert_success
    diff "$BATS_TEST_TMPDIR/cold-complete" <(printf '%s\n' "$output")
}
