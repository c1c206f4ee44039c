"""The layers of ``components/``: imports point down, never up, no import circles, streamlit only in ui/.

The checker reads every module with ``ast`` (imports inside functions count: a late import is
still an import) and is itself tested on small made-up trees, so a rule that stopped firing
would fail here too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Rank of each top-level package (or module) of ``components``: a module may import its own
#: package and anything of a lower rank. Equal ranks in different packages may not import each other.
LAYERS: dict[str, int] = {
    "ingest": 0,
    "language": 1,
    "compare": 2,
    "analysis": 3,
    "present": 4,
    "store": 4,
    "corpus": 5,
    "ui": 6,
    "bench": 7,
    "evaluation": 7,
    "__main__": 8,
}
STREAMLIT_HOME = "ui"


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules(package: Path) -> dict[str, Path]:
    root = package.parent
    return {_module_name(p, root): p for p in sorted(package.rglob("*.py"))}


def _imports(path: Path) -> Iterator[tuple[str, int]]:
    """Every imported name with its line; ``from a import b`` gives ``a.b`` (a module, or a name in ``a``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                yield f"{node.module}.{alias.name}", node.lineno


def _resolve(name: str, known: dict[str, Path]) -> str | None:
    """The module of ours an imported name stands for (``a.b.Name`` -> ``a.b``), or None."""
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


def _layer(module: str, package: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else package


def check_tree(package: Path) -> list[str]:
    """Every rule broken under ``package`` (a folder such as ``components/``), one line each."""
    known = _modules(package)
    name = package.name
    problems: list[str] = []
    graph: dict[str, set[str]] = {m: set() for m in known}
    for module, path in known.items():
        source_layer = _layer(module, name)
        for imported, line in _imports(path):
            where = f"{path.relative_to(package.parent)}:{line}"
            if imported.split(".")[0] == "streamlit" and source_layer != STREAMLIT_HOME:
                problems.append(f"{where}: imports streamlit outside {name}/{STREAMLIT_HOME}/")
            target = _resolve(imported, known)
            if target is None or target == module:
                continue
            if target == name:
                problems.append(f"{where}: imports the root package {name}")
                continue
            graph[module].add(target)
            target_layer = _layer(target, name)
            if target_layer == source_layer:
                continue
            if source_layer not in LAYERS or target_layer not in LAYERS:
                problems.append(f"{where}: {source_layer} or {target_layer} has no place in LAYERS")
            elif LAYERS[target_layer] >= LAYERS[source_layer]:
                problems.append(f"{where}: {source_layer} imports {target} (layer {target_layer}, not below it)")
    problems += [f"import circle: {' -> '.join(cycle)}" for cycle in _cycles(graph)]
    return problems


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One circle per strongly connected component of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append([*sorted(component), min(component)])
    return found


def test_components_follow_the_layers() -> None:
    problems = check_tree(ROOT / "components")
    assert not problems, "\n".join(problems)


def test_every_layer_is_known_and_documented() -> None:
    package = ROOT / "components"
    tops = {p.stem if p.is_file() else p.name for p in package.iterdir()
            if (p.is_dir() and (p / "__init__.py").exists()) or (p.suffix == ".py" and p.stem != "__init__")}
    assert tops <= set(LAYERS), f"give these a layer: {sorted(tops - set(LAYERS))}"
    for sub in package.iterdir():
        init = sub / "__init__.py"
        if init.exists():
            assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), f"{init} needs a docstring"


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "components"
    for rel, text in {"__init__.py": "", **files}.items():
        path = package / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        for folder in path.relative_to(package).parents:
            (package / folder / "__init__.py").touch()
        path.write_text(text, encoding="utf-8")
    return package


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param({"ingest/a.py": "from components.language.b import f\n", "language/b.py": "f = 1\n"},
                     "ingest imports components.language.b", id="up-the-layers"),
        pytest.param({"ingest/a.py": "def g():\n    import components.analysis\n", "analysis.py": ""},
                     "ingest imports components.analysis", id="late-import-up"),
        pytest.param({"language/a.py": "from components.language import b\n",
                      "language/b.py": "from components.language.a import x\n"},
                     "import circle: components.language.a -> components.language.b", id="circle-in-a-layer"),
        pytest.param({"present/a.py": "import streamlit as st\n"}, "imports streamlit outside", id="streamlit"),
        pytest.param({"store/a.py": "from components.present.b import c\n", "present/b.py": "c = 1\n"},
                     "store imports components.present.b", id="same-rank-other-package"),
        pytest.param({"language/a.py": "from components import ingest\n", "ingest/__init__.py": ""},
                     None, id="down-is-fine"),
    ],
)
def test_checker_catches_each_rule(tmp_path: Path, files: dict[str, str], expected: str | None) -> None:
    problems = check_tree(_tree(tmp_path, files))
    if expected is None:
        assert problems == []
    else:
        assert any(expected in p for p in problems), problems


def test_compare_reads_records_not_text() -> None:
    """The comparison decides on the extracted records: it parses nothing and searches no article text."""
    for path in sorted((ROOT / "components" / "compare").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        modules |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not {"re", "regex", "spacy"} & {m.split(".")[0] for m in modules}, f"{path.name} reads text"
        reads = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "text"
                 and isinstance(n.value, ast.Attribute) and n.value.attr == "article"]
        assert not reads, f"{path.name} reads article.text at lines {reads}"
