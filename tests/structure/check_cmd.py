#!/usr/bin/env python3
"""Checks that the commands are adapters (issue 19, item 5), from the sources of cmd/.

Usage: check_cmd.py SOURCE_DIR   (reports each problem as `path:line: what`, exits 1 when any)
       check_cmd.py --self-test  (shows that each rule fails on a file that breaks it)

Rules, for every file of cmd/:
- it includes no header of the editor (`editor*.hpp`, `undo.hpp`) nor the store's primitives
  (`beneath.hpp`): a command calls the library's verbs, which change a file's text;
- but main.cpp and process.*, it opens, writes, renames or removes no file itself (streams, system
  calls, std::filesystem's changes, the store's writes outside a Transaction, the writers' lock):
  the store floor of the library does;
- but app.cpp (and main.cpp, which returns what app.cpp chose, and process.*, which reads the
  status of the programs it runs), it returns no number as an exit code and exits nowhere: a
  command returns an Outcome, or throws an Error of the right kind.
"""
import glob
import os
import re

import structure_check

INCLUDE = re.compile(r'^\s*#\s*include\s*"(?:[^"]*/)?((?:editor[a-z_]*|undo|beneath)\.hpp)"')
FILE_IO = re.compile(
    r'std::[io]?fstream\b|\bfopen\s*\(|::(open|openat|creat|unlink|unlinkat|rename|renameat|mkdir|rmdir|truncate)\s*\('
    r'|std::(remove|rename)\s*\(|\b(fs|filesystem)::(remove|remove_all|rename|create_directory|create_directories'
    r'|copy|copy_file|resize_file|permissions)\s*\(|\bstore\.(write|remove|make_folder|move)\s*\(|\bWriteLock\b')
EXIT_CODE = re.compile(r'\breturn\s+-?\d+\s*;|\breturn\b[^;]*\?\s*-?\d+\s*:\s*-?\d+\s*;|\b(std::)?_?exit\s*\(')

MAY_TOUCH_FILES = ('cmd/main.cpp', 'cmd/process.cpp', 'cmd/process.hpp')
MAY_EXIT = ('cmd/app.cpp', 'cmd/main.cpp', 'cmd/process.cpp', 'cmd/process.hpp')


def code_lines(path):
    """Yields (line number, line) of a file, with // comments and the text of string literals blanked."""
    with open(path, encoding='utf-8', errors='replace') as f:
        for number, line in enumerate(f, 1):
            if line.lstrip().startswith('#'):
                yield number, line
                continue
            line = re.sub(r'"(\\.|[^"\\])*"', '""', line)
            yield number, line.split('//')[0]


def check(source):
    problems = []
    for path in sorted(glob.glob(os.path.join(source, 'cmd/*.[ch]pp'))):
        name = os.path.relpath(path, source)
        for number, line in code_lines(path):
            where = '%s:%d: ' % (name, number)
            m = INCLUDE.match(line)
            if m:
                problems.append(where + 'includes %s: call a verb of the library instead' % m.group(1))
            if name not in MAY_TOUCH_FILES and not line.lstrip().startswith('#'):
                m = FILE_IO.search(line)
                if m:
                    problems.append(where + "touches a file itself ('%s'): the store floor does" % m.group(0).strip())
            if name not in MAY_EXIT:
                m = EXIT_CODE.search(line)
                if m:
                    problems.append(where + "picks an exit code ('%s'): return an Outcome, app.cpp maps it"
                                    % m.group(0).strip())
    return problems


# Small trees and how many problems each must show (the self-test).
SELF_TEST_CASES = {
    'cmd/a.cpp': ('#include "kith/edit/editor_lists.hpp"\n#include "kith/edit/undo.hpp"\n'
                  '#include "kith/store/beneath.hpp"\n#include "kith/edit/comments.hpp"\n', 3),
    'cmd/b.cpp': ('std::ifstream in(path);\n::unlink(p.c_str());\nstore.remove(copy);\n'
                  'std::filesystem::create_directories(dir, ec);\nconst WriteLock lock(root);\n'
                  'folder.write(name, text);  // an OutsideFolder: the library writes\n', 5),
    'cmd/c.cpp': ('    return 1;\n    return items.empty() ? 0 : 1;\n    return Outcome::done;\n'
                  '    return n == 0;\n    say("return 3;");\n', 2),
    'cmd/app.cpp': ('    return 3;\n', 0),
    'cmd/main.cpp': ('    std::ifstream in(p);\n    return 80;\n', 0),
    'cmd/sync_vdir.cpp': ('#include "kith/edit/editor.hpp"\n', 1),
}


if __name__ == '__main__':
    structure_check.main(check, SELF_TEST_CASES)
