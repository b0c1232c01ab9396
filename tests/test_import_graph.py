"""No import circles in the package: its import graph (read with ast) is acyclic, the answering
stages never reach the fronts, and every module imports on its own in a fresh interpreter.

Every import counts, lazy ones inside functions too: a lazy import only hides a circle until the
function runs. Left out is only what Python does implicitly: importing assistant.x.y first runs
the __init__ of assistant and assistant.x, whatever the importer.
"""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import assistant

PACKAGE = Path(assistant.__file__).parent

# The stages of a question (design.md) and the fronts over them: a stage never imports a front,
# nor the Assistant (assistant.core, the package itself) that wires the stages together.
STAGES = ("assistant.answer", "assistant.answering", "assistant.facts", "assistant.retrieval", "assistant.analysis")
FRONTS = ("assistant.core", "assistant.cli", "assistant.serve", "assistant.app", "assistant.bench",
          "assistant.evaluation")


def module_files(root: Path, package: str) -> dict[str, Path]:
    """Module name -> file, for every .py under `root` (a package's __init__ named as the package)."""
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Module -> the modules of the package it imports, at any depth of its code.

    `from a import b` is an edge to a.b when that is a module, else to a (a name defined in a);
    relative imports are resolved against the importing module's package.
    """
    files = module_files(root, package)
    graph = {}
    for name, path in files.items():
        home = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                edges.update(a.name for a in node.names if a.name in files)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = home.split(".")[:len(home.split(".")) - node.level + 1]
                    base = ".".join([*up, base] if base else up)
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    edges.add(full if full in files else base)
        graph[name] = {e for e in edges if e in files and e != name}
    return graph


def find_circle(graph: dict[str, set[str]]) -> list[str]:
    """One import circle as a path [a, b, …, a], or [] when the graph has none (iterative DFS)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(graph):
        if state.get(start):
            continue
        path, stack = [start], [iter(sorted(graph[start]))]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(sorted(graph[nxt])))
    return []


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    """Every module `start` imports, directly or through others."""
    seen, todo = set(), [start]
    while todo:
        for nxt in graph[todo.pop()] - seen:
            seen.add(nxt)
            todo.append(nxt)
    return seen


def within(name: str, prefixes) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def is_script(path: Path) -> bool:
    """A module that acts when imported (a call at its top level: `python -m assistant`, the
    Streamlit pages): importing it runs the CLI or the app, so it is not imported here."""
    return any(isinstance(n, ast.Expr) and isinstance(n.value, ast.Call) for n in ast.parse(path.read_text()).body)


def test_the_graph_reader_finds_a_circle_hidden_in_a_lazy_relative_import(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from pkg.sub import b\n")
    (pkg / "sub" / "b.py").write_text("def f():\n    from .. import a\n")
    (pkg / "c.py").write_text("from pkg import a, sub\nfrom pkg.sub.b import f\n")
    graph = import_graph(pkg, "pkg")
    assert graph["pkg.c"] == {"pkg.a", "pkg.sub", "pkg.sub.b"}
    assert find_circle(graph) == ["pkg.a", "pkg.sub.b", "pkg.a"]
    (pkg / "sub" / "b.py").write_text("def f():\n    import pkg.c\n")  # a circle through c
    assert find_circle(import_graph(pkg, "pkg")) == ["pkg.a", "pkg.sub.b", "pkg.c", "pkg.a"]


def test_the_package_has_no_import_circle():
    graph = import_graph(PACKAGE, "assistant")
    assert len(graph) > 80 and "assistant.answer.protocol" in graph
    circle = find_circle(graph)
    assert not circle, "import circle: " + " -> ".join(circle)


def test_the_answering_stages_never_import_the_assistant_or_its_fronts():
    graph = import_graph(PACKAGE, "assistant")
    stages = [m for m in graph if within(m, STAGES)]
    assert "assistant.answering" in stages and "assistant.answer.chain" in stages and len(stages) > 20
    for stage in stages:
        reached = reachable(graph, stage)
        bad = sorted(m for m in reached if within(m, FRONTS) or m == "assistant")
        assert not bad, f"{stage} imports {bad}"


def test_every_module_imports_by_itself_in_a_fresh_interpreter():
    """Each module imported first, with no other module of the package loaded before it (as a
    fresh interpreter would, a circle shows as an ImportError); third-party libraries stay loaded,
    which changes nothing about the package's own import order and keeps this one process."""
    files = module_files(PACKAGE, "assistant")
    names = [n for n, p in files.items() if not is_script(p)]
    assert {"assistant.__main__", "assistant.app.main"} <= set(files) - set(names)
    code = (
        "import importlib, json, sys\n"
        "failed = {}\n"
        "for name in json.loads(sys.argv[1]):\n"
        "    for loaded in [m for m in sys.modules if m == 'assistant' or m.startswith('assistant.')]:\n"
        "        del sys.modules[loaded]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as e:\n"
        "        failed[name] = f'{type(e).__name__}: {e}'\n"
        "print(json.dumps(failed))\n"
    )
    done = subprocess.run([sys.executable, "-c", code, json.dumps(names)], capture_output=True, text=True,
                          timeout=600, cwd=PACKAGE.parent)
    assert done.returncode == 0, done.stderr[-2000:]
    failed = json.loads(done.stdout.strip().splitlines()[-1])
    assert failed == {}, failed


def test_every_name_imported_from_the_package_exists():
    """`from assistant.x import name` inside a function runs only when that path is taken: a name a
    refactor removed (places.find_places became PlaceBook.find_places) must fail here, not for a user."""
    import ast
    import importlib
    from pathlib import Path

    package = Path(importlib.import_module("assistant").__file__).parent
    missing = []
    for path in sorted(package.rglob("*.py")):
        if "app" in path.relative_to(package).parts[:1] or path.name == "__main__.py":
            continue  # Streamlit pages act on import; their imports are covered by the app tests
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("assistant"):
                module = importlib.import_module(node.module)
                for alias in node.names:
                    if not hasattr(module, alias.name):
                        try:
                            importlib.import_module(f"{node.module}.{alias.name}")
                        except ImportError:
                            missing.append(f"{path.name}:{node.lineno} {node.module}.{alias.name}")
    assert not missing, missing
