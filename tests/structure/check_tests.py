#!/usr/bin/env python3
"""Checks that the tests say why they pass (issue 19, item 7), from their sources.

Usage: check_tests.py SOURCE_DIR   (reports each problem as `path:line: what`, exits 1 when any)
       check_tests.py --self-test  (shows that each rule fails on a test that breaks it)

Rules:
- every bats `run` asserts the exit status it expects: `run -N` or `run !` on its line, or
  a status assertion (assert_success, assert_failure, $status, refused_untouched) before the
  next `run`, the end of its if-branch or the end of the test;
- a unit test checks a refusal with CHECK_REFUSED (kind and words of the error), never with a
  bare CHECK_THROWS_AS(..., Error), which passes on any error at all;
- a unit test file `test_NAME.cpp` puts what it defines in its own `namespace unit_NAME`: the
  unit tests compile in unity batches, where two files' helpers of one name would clash.
"""
import glob
import os
import re

import structure_check

RUN = re.compile(r'^\s*run(\s|$)')
RUN_WITH_STATUS = re.compile(r'^\s*run\s+(-\d+|-"?\$\w+"?|!)(\s|$)')
BRANCH_END = re.compile(r'^\s*((else|fi)\s*(#.*)?|elif\s.*;\s*then\s*)$')  # bash's, not a heredoc's python
STATUS = re.compile(r'assert_success|assert_failure|\$status|\$\{status|refused_untouched')
BARE_THROWS = re.compile(r'\bCHECK_THROWS_AS\s*\((?:[^;]|\n)*?,\s*(kith::)?Error\s*\)\s*;')


def unasserted_runs(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    found = []
    for i, line in enumerate(lines):
        if not RUN.match(line) or RUN_WITH_STATUS.match(line):
            continue
        asserted = False
        for following in lines[i + 1:]:
            if RUN.match(following) or following.startswith('}') or following.startswith('@test') or \
                    BRANCH_END.match(following):  # an assertion in the other branch is not this run's
                break
            if STATUS.search(following):
                asserted = True
                break
        if not asserted:
            found.append('%s:%d: a run that asserts no exit status (use run -N, or assert_success/assert_failure)'
                         % (path, i + 1))
    return found


def bare_throws(path):
    text = open(path, encoding='utf-8').read()
    return ['%s:%d: CHECK_THROWS_AS(..., Error) passes on any error: use CHECK_REFUSED(expr, kind, words)'
            % (path, text.count('\n', 0, m.start()) + 1) for m in BARE_THROWS.finditer(text)]


def own_namespace(path):
    name = os.path.basename(path)[len('test_'):-len('.cpp')]
    if re.search(r'^namespace unit_%s \{$' % re.escape(name), open(path, encoding='utf-8').read(), re.M):
        return []
    return ['%s:1: a unit test file without its own namespace: put what follows the includes in '
            '`namespace unit_%s {`' % (path, name)]


def check(source):
    problems = []
    for path in sorted(glob.glob(os.path.join(source, 'tests/cli/*.bats')) +
                       glob.glob(os.path.join(source, 'tests/cli/*.bash'))):
        problems += unasserted_runs(path)
    for path in sorted(glob.glob(os.path.join(source, 'tests/unit/*.cpp'))):
        problems += bare_throws(path)
    for path in sorted(glob.glob(os.path.join(source, 'tests/unit/test_*.cpp'))):
        problems += own_namespace(path)
    return problems


# Small trees and how many problems each must show (the self-test).
SELF_TEST_CASES = {
    'tests/cli/a.bats': ('@test "x" {\n    run kith due\n    assert_output ""\n}\n', 1),
    'tests/cli/b.bats': ('@test "x" {\n    run -1 kith due\n    run kith list\n    assert_success\n}\n', 0),
    'tests/cli/c.bats': ('@test "x" {\n    if true; then\n        run kith due\n    else\n        assert_success\n    fi\n}\n', 1),
    'tests/unit/test_a.cpp': ('namespace unit_a {\nCHECK_THROWS_AS(parse("x",\n    "y"), Error);\n'
                              'CHECK_THROWS_AS(f(), std::logic_error);\n}\n', 1),
    'tests/unit/test_b.cpp': ('namespace {\nint x;\n}\n', 1),
    'tests/unit/test_c.cpp': ('#include <a>\nnamespace unit_c {\nint x;\n}  // namespace unit_c\n', 0),
}


if __name__ == '__main__':
    structure_check.main(check, SELF_TEST_CASES)
