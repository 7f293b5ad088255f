"""What the structure checkers share: a self-test over small trees, and the command line."""
import os
import sys
import tempfile


def self_test(check, cases):
    """Runs `check` on a tree holding each case's file alone; 1 when a count differs from the one expected.

    `cases` maps a path in the tree to (its text, how many problems `check` must report)."""
    failed = False
    for name, (text, expected) in cases.items():
        with tempfile.TemporaryDirectory() as root:
            os.makedirs(os.path.join(root, os.path.dirname(name)))
            with open(os.path.join(root, name), 'w') as f:
                f.write(text)
            got = check(root)
            if len(got) != expected:
                print('self-test: %s: %d problems, expected %d: %s' % (name, len(got), expected, got))
                failed = True
    return 1 if failed else 0


def main(check, cases):
    """`SCRIPT SOURCE_DIR` prints what `check` finds there (exit 1 when anything); `SCRIPT --self-test` runs the cases."""
    if sys.argv[1:] == ['--self-test']:
        sys.exit(self_test(check, cases))
    found = check(sys.argv[1])
    print('\n'.join(found))
    sys.exit(1 if found else 0)
