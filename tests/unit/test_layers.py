"""The layers are written down (.importlinter) and kept: a module may import only from the
layers below it, only the window imports Qt, and no module reaches into another's private
(``_underscore``) names: what is shared is public in its home."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "officer_app"


def _module_name(path: Path, base: Path) -> str:
    parts = path.relative_to(base).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(module: str, node: ast.ImportFrom, path: Path) -> str:
    if not node.level:
        return node.module or ""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


def private_imports(root: Path = PACKAGE) -> list[str]:
    """Each ``from officer_app.x import _name`` where x is another module, as ``file:line``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        module = _module_name(path, root.parent)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(node, ast.ImportFrom):
                continue
            source = _resolve(module, node, path)
            if not source.startswith("officer_app") or source == module:
                continue
            for alias in node.names:
                name = alias.name
                if name.startswith("_") and not (name.startswith("__") and name.endswith("__")):
                    where = path.relative_to(root.parent)
                    found.append(f"{where}:{node.lineno} imports {source}.{name}")
    return found


def test_no_module_imports_another_modules_private_names() -> None:
    assert private_imports() == []


def test_the_checker_sees_a_private_import(tmp_path: Path) -> None:
    package = tmp_path / "officer_app"
    (package / "a").mkdir(parents=True)
    (package / "a" / "__init__.py").write_text("")
    (package / "a" / "b.py").write_text("def _hidden() -> None: ...\n")
    (package / "a" / "c.py").write_text(
        "from officer_app.a.b import _hidden\nfrom .b import _hidden as h\n"
    )
    found = private_imports(package)
    assert len(found) == 2 and all("officer_app.a.b._hidden" in line for line in found)


def test_the_import_contracts_hold() -> None:
    from importlinter.cli import EXIT_STATUS_SUCCESS, lint_imports

    assert lint_imports(config_filenames=(str(ROOT / ".importlinter"),)) == EXIT_STATUS_SUCCESS
