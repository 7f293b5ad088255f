#!/usr/bin/env python3
"""Checks the floor plan of lib/kith (ARCHITECTURE.md) from the sources, without building.

Usage: check_floors.py SOURCE_DIR FLOOR...   (the floors lowest first, as lib/kith/CMakeLists.txt lists them)
       check_floors.py --self-test           (shows that each rule below fails on a tree that breaks it)

Rules, each reported as `path:line: what`:
- every file of the library is in a floor's folder, lib/kith/<floor>/, and every such folder is a floor;
- a file of the library includes the project's headers only as "kith/<floor>/<name>.hpp", of its own
  floor or a lower one, and never a header of cmd/;
- every .cpp of lib/ and cmd/ has a header of its own (cmd/main.cpp excepted);
- no include cycle between modules (a module: a .cpp and its header) nor between floors.
"""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
OWN = re.compile(r'^kith/([a-z_]+)/([a-z_0-9]+)\.hpp$')


def includes(path):
    """Returns (line number, included path) for each quoted #include of a file."""
    found = []
    with open(path, encoding='utf-8', errors='replace') as f:
        for number, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if m:
                found.append((number, m.group(1)))
    return found


def cycles(edges):
    """Returns the strongly connected components of more than one node (Tarjan), each sorted."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(100000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def check(source, floors):
    """Returns the list of problems found in the tree at `source`."""
    problems = []
    lib = os.path.join(source, 'lib', 'kith')
    rank = {floor: i for i, floor in enumerate(floors)}
    module_edges, floor_edges = {}, {}
    for entry in sorted(os.listdir(lib)):
        path = os.path.join(lib, entry)
        if os.path.isdir(path) and entry not in rank:
            problems.append(f'lib/kith/{entry}: a folder that is no floor (floors: {" ".join(floors)})')
        elif os.path.isfile(path) and entry.endswith(('.cpp', '.hpp')):
            problems.append(f'lib/kith/{entry}: a file outside every floor; move it into lib/kith/<floor>/')
    for floor in floors:
        folder = os.path.join(lib, floor)
        if not os.path.isdir(folder):
            problems.append(f'lib/kith/{floor}: the floor has no folder')
            continue
        names = sorted(n for n in os.listdir(folder) if n.endswith(('.cpp', '.hpp')))
        for name in names:
            stem = name[:-4]
            module = f'{floor}/{stem}'
            module_edges.setdefault(module, set())
            floor_edges.setdefault(floor, set())
            shown = f'lib/kith/{floor}/{name}'
            if name.endswith('.cpp') and stem + '.hpp' not in names:
                problems.append(f'{shown}: a .cpp without a header of its own ({stem}.hpp)')
            for line, included in includes(os.path.join(folder, name)):
                m = OWN.match(included)
                if not m:
                    problems.append(f'{shown}:{line}: includes "{included}"; the library includes its own '
                                    'headers as "kith/<floor>/<name>.hpp" only (and nothing of cmd/)')
                    continue
                to_floor, to_stem = m.group(1), m.group(2)
                if to_floor not in rank:
                    problems.append(f'{shown}:{line}: includes "{included}", of no floor')
                    continue
                if not os.path.isfile(os.path.join(lib, to_floor, to_stem + '.hpp')):
                    problems.append(f'{shown}:{line}: includes "{included}", which does not exist')
                    continue
                if rank[to_floor] > rank[floor]:
                    problems.append(f'{shown}:{line}: includes "{included}" of floor {to_floor}, above {floor}; '
                                    f'a floor uses only itself and the floors below ({" < ".join(floors)})')
                if to_stem != stem or to_floor != floor:
                    module_edges[module].add(f'{to_floor}/{to_stem}')
                if to_floor != floor:
                    floor_edges[floor].add(to_floor)
    for component in cycles(module_edges):
        problems.append(f'lib/kith: an include cycle between modules: {" ".join(component)}')
    for component in cycles(floor_edges):
        problems.append(f'lib/kith: an include cycle between floors: {" ".join(component)}')
    cmd = os.path.join(source, 'cmd')
    if os.path.isdir(cmd):
        for name in sorted(os.listdir(cmd)):
            if name.endswith('.cpp') and name != 'main.cpp' and not os.path.isfile(os.path.join(cmd, name[:-4] + '.hpp')):
                problems.append(f'cmd/{name}: a .cpp without a header of its own ({name[:-4]}.hpp)')
    return problems


def self_test():
    """Builds small trees that break one rule each and checks that each is reported."""
    floors = ['low', 'high']
    cases = {
        'an upward include': ({'low/a.hpp': '#include "kith/high/b.hpp"\n', 'high/b.hpp': ''}, 'above low'),
        'a cycle between modules': ({'low/a.hpp': '#include "kith/low/b.hpp"\n', 'low/b.hpp': '#include "kith/low/a.hpp"\n'},
                                    'cycle between modules: low/a low/b'),
        'a .cpp without a header': ({'low/a.cpp': ''}, 'without a header of its own'),
        'a cmd header in lib': ({'low/a.hpp': '#include "lookup.hpp"\n'}, 'nothing of cmd/'),
        'a relative include': ({'low/a.hpp': '#include "../high/b.hpp"\n', 'high/b.hpp': ''}, '"kith/<floor>/<name>.hpp" only'),
        'a file outside the floors': ({'a.hpp': ''}, 'outside every floor'),
        'a folder that is no floor': ({'top/a.hpp': ''}, 'no floor'),
    }
    failed = 0
    for what, (files, expected) in cases.items():
        with tempfile.TemporaryDirectory() as root:
            for floor in floors:
                os.makedirs(os.path.join(root, 'lib', 'kith', floor), exist_ok=True)
            for name, text in files.items():
                path = os.path.join(root, 'lib', 'kith', name)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, 'w') as f:
                    f.write(text)
            problems = check(root, floors)
            if not any(expected in p for p in problems):
                print(f'self-test: {what} was not reported (got: {problems})')
                failed += 1
    with tempfile.TemporaryDirectory() as root:  # and a tree that keeps every rule passes
        for floor in floors:
            os.makedirs(os.path.join(root, 'lib', 'kith', floor))
        with open(os.path.join(root, 'lib', 'kith', 'high', 'b.hpp'), 'w') as f:
            f.write('#include "kith/low/a.hpp"\n')
        open(os.path.join(root, 'lib', 'kith', 'low', 'a.hpp'), 'w').close()
        problems = check(root, floors)
        if problems:
            print(f'self-test: a tree that keeps the rules was refused: {problems}')
            failed += 1
    print(f'self-test: {len(cases) + 1 - failed} of {len(cases) + 1} cases as expected')
    return 1 if failed else 0


def main(argv):
    if argv[1:] == ['--self-test']:
        return self_test()
    if len(argv) < 3:
        print(__doc__)
        return 2
    source, floors = argv[1], argv[2:]
    problems = check(source, floors)
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f'floors {" < ".join(floors)}: every include goes down or stays on its floor; no cycle; '
          'every .cpp has its header')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
