"""The image, built and run for real: `make image-test` (or BRIEFBOT_TEST_DOCKER=1), with a Docker
daemon that answers.

It builds the Dockerfile (on `BRIEFBOT_BASE_IMAGE`, default python:3.11-slim; a local stand-in made
by tools/local-base-image.sh where no registry is reachable), runs it the way a first-time user
does, with `.env.example` copied unchanged as its environment, on SQLite in the image's volume,
with host networking, and checks what the README promises: /healthz, /readyz and /metrics answer,
Docker's HEALTHCHECK reports healthy, the process is not root, `briefbot ask` answers inside it,
and `docker stop` ends it with exit code 0 and no traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BASE_IMAGE = os.environ.get("BRIEFBOT_BASE_IMAGE", "python:3.11-slim")
TAG = "briefbot:image-test"
WAIT = 180
"""Seconds any one wait may take before the test fails (a bound for a broken image, not a timing)."""

pytestmark = pytest.mark.skipif(
    os.environ.get("BRIEFBOT_TEST_DOCKER") != "1" or shutil.which("docker") is None,
    reason="the image test needs a Docker daemon: run `make image-test` (sets BRIEFBOT_TEST_DOCKER=1)",
)


def docker(*args: str, timeout: float = WAIT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["docker", *args], capture_output=True, text=True, timeout=timeout)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _first_line(command: list[str], wanted: tuple[str, ...]) -> str:
    """Stream `command`'s output (stdout and stderr) until a line contains one of `wanted`; that line."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    timer = threading.Timer(WAIT, process.kill)  # a bound, in case the line never comes
    timer.start()
    seen = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            seen.append(line)
            if any(w in line for w in wanted):
                return line
        raise AssertionError(f"{' '.join(command)} ended without {wanted}:\n{''.join(seen)[-3000:]}")
    finally:
        timer.cancel()
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def image() -> str:
    if docker("info").returncode != 0:
        pytest.fail("BRIEFBOT_TEST_DOCKER=1 but no Docker daemon answers `docker info`")
    built = docker("build", "--network", "host", "--build-arg", f"BASE_IMAGE={BASE_IMAGE}", "-t", TAG, str(ROOT),
                   timeout=1800)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return TAG


@pytest.fixture(scope="module")
def container(image: str) -> Iterator[tuple[str, int]]:
    port = _free_port()
    started = docker(
        "run", "--detach", "--network", "host", "--env-file", str(ROOT / ".env.example"),
        "--env", "BRIEFBOT_HTTP_HOST=127.0.0.1", "--env", f"BRIEFBOT_HTTP_PORT={port}",
        "--stop-timeout", "30",
        # the image's own HEALTHCHECK command, probed every second instead of every 30 s
        "--health-interval", "1s",
        image,
    )
    assert started.returncode == 0, started.stderr
    container_id = started.stdout.strip()
    try:
        yield container_id, port
    finally:
        docker("rm", "--force", "--volumes", container_id)


def _get(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_the_image_runs_healthy_as_a_user_answers_and_stops_cleanly(container: tuple[str, int]) -> None:
    container_id, port = container
    _first_line(["docker", "logs", "--follow", container_id], ("HTTP server on",))

    assert _get(port, "/healthz") == (200, '{"status": "ok"}')
    status, body = _get(port, "/readyz")
    assert status == 200 and json.loads(body)["checks"] == {"database": True}, body
    status, body = _get(port, "/metrics")
    assert status == 200 and "briefbot_questions_total" in body

    created = docker("inspect", "--format", "{{.Created}}", container_id).stdout.strip()
    health = _first_line(["docker", "events", "--since", created, "--filter", f"container={container_id}",
                          "--filter", "event=health_status", "--format", "{{.Status}}"],
                         ("health_status: healthy", "health_status: unhealthy"))
    assert "health_status: healthy" in health, health

    assert docker("inspect", "--format", "{{.Config.User}}", container_id).stdout.strip() == "10001"
    assert docker("exec", container_id, "id", "-u").stdout.strip() == "10001"

    asked = docker("exec", container_id, "briefbot", "ask", "who led the singapore delegation")
    assert asked.returncode == 0, asked.stderr
    assert "Joe Hagin" in asked.stdout and "Kim Chang Son" in asked.stdout

    stopped = docker("stop", container_id, timeout=60)
    assert stopped.returncode == 0, stopped.stderr
    state = json.loads(docker("inspect", "--format", "{{json .State}}", container_id).stdout)
    logs = docker("logs", container_id)
    assert state["ExitCode"] == 0, logs.stdout + logs.stderr
    assert "Traceback" not in logs.stderr and "level\": \"error" not in logs.stderr, logs.stderr[-3000:]
    assert "running headless" in logs.stderr  # nothing configured: no platform, no console, still serving
