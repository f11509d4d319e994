"""Who may import whom, read from the source (TYPE_CHECKING and function-level imports included):
the floors of README's architecture section, and nothing shipped importing `tests` or `bench`."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ("bot", "briefings", "config")
PLATFORMS = {"slack_bolt", "slack_sdk", "discord", "aiohttp"}


def modules(package: str) -> Iterator[tuple[str, Path]]:
    """Every module of `package` (dotted: a package, or one module such as bot.scheduler)."""
    base = ROOT.joinpath(*package.split("."))
    paths = sorted(base.rglob("*.py")) if base.is_dir() else [base.with_suffix(".py")]
    for path in paths:
        parts = path.relative_to(ROOT).with_suffix("").parts
        yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts), path


def imports(path: Path) -> set[str]:
    """Every module `path` imports, wherever the import statement is."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def offences(package: str, forbidden: set[str]) -> list[str]:
    """`module -> import` for each import of `package` that is, or is inside, one of `forbidden`."""
    return sorted(
        f"{name} -> {imported}"
        for name, path in modules(package)
        for imported in imports(path)
        if any(imported == f or imported.startswith(f + ".") for f in forbidden)
    )


def test_nothing_shipped_imports_tests_or_bench() -> None:
    assert [o for package in SHIPPED for o in offences(package, {"tests", "bench"})] == []


def test_briefings_imports_neither_bot_nor_a_platform() -> None:
    assert offences("briefings", {"bot", *PLATFORMS}) == []


def test_no_surface_reaches_back_up_to_the_runner_or_the_root() -> None:
    """Adapters get a `SurfaceContext` from the root (bot.app); they import neither it nor the runner."""
    assert offences("bot.adapters", {"bot.runner", "bot.app"}) == []


def test_nothing_below_the_root_imports_it_the_runner_or_an_adapter() -> None:
    """The command layer, the renderers, the scheduler, the follow-ups, the core and the surface
    contract are floors below the surfaces and the root: none imports them (no service locator)."""
    below = ["bot.commands", "bot.render", "bot.scheduler", "bot.follow_up", "bot.core", "bot.surface", "bot.metrics",
             "bot.errors", "bot.logs"]
    assert [o for package in below for o in offences(package, {"bot.app", "bot.runner", "bot.adapters"})] == []


def test_the_runner_is_built_by_the_root_and_imports_neither_it_nor_an_adapter() -> None:
    assert offences("bot.runner", {"bot.app", "bot.adapters"}) == []


def test_the_command_layer_imports_no_platform() -> None:
    assert offences("bot.commands", PLATFORMS) == []


def test_the_checks_see_every_floor() -> None:
    """The modules named above exist, and an import of the root from below would be caught."""
    assert {"bot.scheduler", "bot.follow_up", "bot.core", "bot.surface", "bot.runner", "bot.app"} <= {
        name for name, _ in modules("bot")}
    assert offences("bot.app", {"bot.core"}) == ["bot.app -> bot.core", "bot.app -> bot.core.Core"]


def test_the_bench_runs_from_a_checkout() -> None:
    """`python -m bench` needs only the checkout: its modules and the fakes they use import from the root."""
    code = "import bench.answering, bench.embedding, bench.scheduler, bench.slack, tests.fakes.slack"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
