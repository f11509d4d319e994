"""Train the answer scorer's weights (`config/answer_weights.json`) on the TUNE question sets only.

For every question of every `kind: tune` set in `tests/qa/sets.yaml`, each candidate fact the
answerer finds is a training row: its features (`briefings.answering.score.FEATURES`), labelled 1
when the fact's statement holds one of the expected answers and 0 otherwise (every candidate of a
question that must be refused is 0). A logistic regression with an L2 penalty is fitted with numpy,
then the threshold is chosen on the same tune sets, end to end: the one with the most right answers,
a hallucination counting double. Blind sets are never read here.

    .venv/bin/python -m tools.train_answer_weights
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "qa"))

from bot.app import open_core  # noqa: E402
from bot.commands.base import Caller  # noqa: E402
from bot.commands.layer import CommandLayer  # noqa: E402
from briefings.answering.score import FEATURES  # noqa: E402
from config.settings import Settings  # noqa: E402

OUT = ROOT / "config" / "answer_weights.json"
L2 = 0.5
STEPS = 4000
RATE = 0.5


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("\u2019", "'").replace(".", ""))


async def _rows(entry: dict, workdir: Path) -> tuple[list[list[float]], list[int], list[tuple[dict, list]]]:
    settings = Settings(database_url=f"sqlite+aiosqlite:///{workdir / (entry['name'] + '.db')}", http_port=0)
    core = await open_core(settings)
    xs, ys, questions = [], [], []
    try:
        layer = CommandLayer(core)
        qa = ROOT / "tests" / "qa"
        if entry.get("facts"):
            admin = Caller(platform="console", user_id="trainer", channel="console", admin=True)
            for line in (qa / entry["facts"]).read_text(encoding="utf-8").splitlines():
                if line.strip():
                    await layer.handle(line, admin)
        for raw in (qa / entry["questions"]).read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            case = json.loads(raw)
            _, rows = core.index.explain(case["q"])
            labelled = []
            for fid, f, _ in rows:
                statement = _norm(core.index.table.facts[fid].fact.statement)
                good = not case["abstain"] and any(any(_norm(a) in statement for a in g) for g in case["all"])
                xs.append([f[k] for k in FEATURES])
                ys.append(int(good))
                labelled.append((f, int(good)))
            questions.append((case, labelled))
    finally:
        await core.close()
    return xs, ys, questions


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    # Newton's method (iteratively reweighted least squares) on standardised features, then back to raw.
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    z = np.hstack([(x - mean) / std, np.ones((len(x), 1))])
    beta = np.zeros(z.shape[1])
    penalty = L2 * np.eye(z.shape[1])
    penalty[-1, -1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(z @ beta)))
        gradient = z.T @ (p - y) + penalty @ beta
        hessian = (z * (p * (1 - p))[:, None]).T @ z + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    w = beta[:-1] / std
    b = float(beta[-1] - (mean / std) @ beta[:-1])
    return w, b


def _choose_threshold(questions: list[tuple[dict, list]], w: np.ndarray, b: float) -> tuple[float, int]:
    """The threshold with the most right decisions on the top candidate (a wrong answer counts double)."""
    best = (0.5, -10**9)
    for t in np.arange(0.05, 0.95, 0.025):
        value = 0
        for case, labelled in questions:
            if not labelled:
                value += 1 if case["abstain"] else 0
                continue
            scores = [1 / (1 + np.exp(-(np.array([f[k] for k in FEATURES]) @ w + b))) for f, _ in labelled]
            top = int(np.argmax(scores))
            if scores[top] < t:
                value += 1 if case["abstain"] else 0
            elif case["abstain"]:
                value -= 2
            else:
                value += 1 if labelled[top][1] else -2
        if value > best[1]:
            best = (round(float(t), 3), value)
    return best


async def _main() -> None:
    import yaml

    sets = [s for s in yaml.safe_load((ROOT / "tests" / "qa" / "sets.yaml").read_text())["sets"] if s["kind"] == "tune"]
    xs: list[list[float]] = []
    ys: list[int] = []
    questions: list[tuple[dict, list]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for entry in sets:
            x, y, q = await _rows(entry, Path(tmp))
            xs += x
            ys += y
            questions += q
            print(f"{entry['name']}: {len(q)} questions, {len(y)} candidate rows, {sum(y)} good", flush=True)
    x = np.array(xs, dtype=float)
    y = np.array(ys, dtype=float)
    w, b = _fit(x, y)
    threshold, value = _choose_threshold(questions, w, b)
    OUT.write_text(json.dumps({
        "about": "Logistic weights of the answer scorer's features, trained on the tune sets only by "
                 "tools/train_answer_weights.py; threshold chosen on the same sets.",
        "trained_on": [s["name"] for s in sets],
        "weights": {k: round(float(v), 4) for k, v in zip(FEATURES, w)},
        "bias": round(b, 4),
        "threshold": threshold,
    }, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(dict(zip(FEATURES, np.round(w, 3).tolist()))), "bias", round(b, 3))
    print(f"threshold {threshold} (tune value {value}) -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    asyncio.run(_main())
