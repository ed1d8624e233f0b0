"""import-linter (make check) keeps the apps layered; this keeps the layering honest: no
app imports another inside a function, where a cycle could hide from a reader."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["common", "accounts", "quizzes", "h5p", "courses", "certificates", "reports", "elearn"]


def _nested_imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                yield node.lineno, node.module
            elif isinstance(node, ast.Import):
                yield from ((node.lineno, alias.name) for alias in node.names)


@pytest.mark.parametrize("app", APPS)
def test_no_app_imports_another_inside_a_function(app):
    found = []
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for line, module in _nested_imports(path):
            root = module.split(".")[0]
            if root in APPS and root != app:
                found.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert found == []
