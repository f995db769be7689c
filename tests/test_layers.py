# SPDX-License-Identifier: MIT
"""The package's layers run one way (docs/architecture.md):

    engine <- deck <- text <- table <- {ui, phones, paper} <- tools

A layer imports only the layers under it, and the ground (`paths`, `files`); nothing imports `tools`. The
screen also drives the phones and exports the paper (the facilitator turns phones on and prints the report
from the projector), so `ui` may import `phones` and `paper`; neither imports `ui`, nor each other. Every
import counts, also one made inside a function or only for type checking: an arrow back up fails here, one
test per package, with the file and line of the import.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

from booster import paths

PACKAGE = paths.PACKAGE
GROUND = {"paths", "files"}
# What each part may import besides itself and the ground. Engine: nothing of the program (its own test
# also keeps it free of pygame, files and the clock).
ALLOWED: dict[str, set[str]] = {
    "ground": set(),
    "engine": set(),
    "deck": {"engine"},
    "text": {"deck", "engine"},
    "table": {"text", "deck", "engine"},
    "phones": {"table", "text", "deck", "engine"},
    "paper": {"table", "text", "deck", "engine"},
    "ui": {"phones", "paper", "table", "text", "deck", "engine"},
    "tools": {"ui", "phones", "paper", "table", "text", "deck", "engine"},
    "main": {"tools"},
}


def _part(module: str) -> str:
    """The part a module of the package belongs to (`booster.table.saves` -> "table")."""
    name = module.split(".")[1] if "." in module else ""
    if name in GROUND or name in ("", "__init__"):
        return "ground"
    return "main" if name == "__main__" else name


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    return (PACKAGE / f"{name}.py").is_file() or (PACKAGE / name).is_dir()


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import of the package's own modules in one file, wherever it stands."""
    here = _module(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            # `from booster import paths` imports the module booster.paths (`__version__` is booster's own).
            found += [
                (node.lineno, f"{base}.{a.name}" if base == "booster" and _is_module(a.name) else base)
                for a in node.names
            ]
    return [(line, name) for line, name in found if name == "booster" or name.startswith("booster.")]


def _type_only(path: Path) -> set[int]:
    """The lines of the imports made only for type checking (under `if TYPE_CHECKING:`)."""
    lines = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            lines |= {
                n.lineno for n in ast.walk(ast.Module(node.body, [])) if isinstance(n, ast.Import | ast.ImportFrom)
            }
    return lines


def _graph() -> dict[str, list[tuple[str, int, str, bool]]]:
    """Per module of the package: (file, line, imported module, only for type checking) of each of its imports."""
    graph: dict[str, list[tuple[str, int, str, bool]]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = str(path.relative_to(PACKAGE.parent))
        typing_only = _type_only(path)
        graph[_module(path)] = [(rel, line, name, line in typing_only) for line, name in _imports(path)]
    return graph


GRAPH = _graph()


def test_every_part_of_the_package_has_its_allowed_imports():
    assert sorted({_part(m) for m in GRAPH}) == sorted(ALLOWED)


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_a_part_imports_only_the_layers_under_it(part: str) -> None:
    wrong = [
        f"{file}:{line}: imports {name} ({_part(name)})"
        for module, imports in GRAPH.items()
        if _part(module) == part
        for file, line, name, _ in imports
        if _part(name) not in ALLOWED[part] | {part, "ground"}
    ]
    assert wrong == []


def test_no_module_imports_itself_through_others():
    """No cycle between files either: a scene reaches its host through a protocol, not through App."""
    edges = defaultdict(set)
    for module, imports in GRAPH.items():
        for _, _, name, _ in imports:
            # `from booster.ui.scenes import base` names the package; the file imported is the package's own.
            target = name if name in GRAPH else name.rpartition(".")[0]
            if target in GRAPH and target != module:
                edges[module].add(target)
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for nxt in sorted(edges[module]):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join([*trail[trail.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert cycles == [], "\n".join(cycles)


def test_the_checker_sees_an_import_back_up(tmp_path: Path) -> None:
    """An import inside a function, relative or for type checking, is an import all the same."""
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..ui.app import App\n"
    source += "def f():\n    from booster import table\n    import booster.tools.cli\n"
    path = PACKAGE / "deck" / "_probe_not_shipped.py"
    path.write_text(source, encoding="utf-8")
    try:
        names = [name for _, name in _imports(path)]
        typing_only = _type_only(path)
    finally:
        path.unlink()
    assert typing_only == {3}
    assert names == ["booster.ui.app", "booster.table", "booster.tools.cli"]
    assert [_part(n) for n in names] == ["ui", "table", "tools"]
