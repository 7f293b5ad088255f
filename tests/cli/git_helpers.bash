# Shared by the suites that merge with git: two clones of one network.

# Two clones of one network, each with kith's merge driver: $A and $B; Ada Lovelace is in both.
git_setup() {
    command -v git >/dev/null || skip "git is not installed"
    export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=tester@example.org
    export GIT_COMMITTER_NAME=Tester GIT_COMMITTER_EMAIL=tester@example.org GIT_CONFIG_NOSYSTEM=1
    git config --global init.defaultBranch main
    git config --global pull.rebase false
    SEED="$BATS_TEST_TMPDIR/seed" A="$BATS_TEST_TMPDIR/a" B="$BATS_TEST_TMPDIR/b"
    kith init --git "$SEED" 2>/dev/null
    sed -i 's/autocommit: false/autocommit: true/' "$SEED/kith.yaml"
    git -C "$SEED" commit -qam "autocommit on"
    kith -d "$SEED" add "Ada Lovelace" --tier core --tag london 2>/dev/null
    git clone -q "$SEED" "$A"
    git clone -q "$SEED" "$B"
    kith init --git "$A" 2>/dev/null
    kith init --git "$B" 2>/dev/null
}
