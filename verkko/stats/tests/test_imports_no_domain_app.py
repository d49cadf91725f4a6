"""stats imports no domain app (DESIGN, Layout): every module of verkko/stats but its tests, read with ast."""

import ast
from pathlib import Path

import pytest

STATS = Path(__file__).resolve().parent.parent
DOMAIN_APPS = ("ecosystem", "goals", "situation", "news", "processes", "reports", "survey", "accounts", "api")


def _modules():
    return sorted(path for path in STATS.rglob("*.py") if "tests" not in path.relative_to(STATS).parts)


def _imported(path):
    """Every module name the file imports, relative imports resolved against verkko.stats."""
    package = ["verkko", *path.relative_to(STATS.parent.parent).with_suffix("").parts[1:-1]]
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names += [module] + [f"{module}.{alias.name}" for alias in node.names]
    return names


def _domain_app(name):
    parts = name.split(".")
    return parts[0] == "verkko" and len(parts) > 1 and parts[1] in DOMAIN_APPS


def test_the_check_reads_every_module_of_stats():
    modules = {path.relative_to(STATS).as_posix() for path in _modules()}

    assert {"figures.py", "models.py", "views.py", "management/commands/refresh_statistics.py"} <= modules
    assert not any(module.startswith("tests/") for module in modules)


def test_the_check_sees_an_import_of_a_domain_app():
    assert _domain_app("verkko.accounts.access")
    assert _domain_app("verkko.ecosystem")
    assert not _domain_app("verkko.lib.access")
    assert not _domain_app("verkko.stats.models")


@pytest.mark.parametrize("path", _modules(), ids=lambda path: path.relative_to(STATS).as_posix())
def test_no_module_of_stats_imports_a_domain_app(path):
    assert [name for name in _imported(path) if _domain_app(name)] == []
