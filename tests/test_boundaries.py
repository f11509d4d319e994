"""The core imports no chat platform: briefings/ must run without slack_bolt or discord."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import briefings

CODE = """
import importlib, pkgutil, sys, briefings
for m in pkgutil.walk_packages(briefings.__path__, "briefings."):
    if ".migrations" not in m.name:
        importlib.import_module(m.name)
bad = sorted(n for n in sys.modules if n.split(".")[0] in {"slack_bolt", "slack_sdk", "discord", "aiohttp"})
print(",".join(bad))
"""


def test_briefings_imports_no_platform_library() -> None:
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True,
                         cwd=Path(briefings.__file__).parents[1])
    assert out.stdout.strip() == ""
