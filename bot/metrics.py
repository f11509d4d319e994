"""Prometheus metrics, on a registry of the bot's own (built in the composition root, no globals)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

__all__ = ["CONTENT_TYPE_LATEST", "Metrics"]


class Metrics:
    """Everything `/metrics` reports. Each process counts what it did itself."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.questions = Counter("briefbot_questions", "Questions, by outcome (answered, abstained).",
                                 ["outcome"], registry=r)
        self.answer_latency = Histogram(
            "briefbot_answer_latency_seconds", "Time to answer one question.", registry=r,
            buckets=(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0),
        )
        self.commands = Counter("briefbot_commands", "Commands, by name and outcome (ok, refused, invalid, error).",
                                ["command", "outcome"], registry=r)
        self.briefings = Counter("briefbot_briefings", "Scheduled briefings, by outcome (delivered, failed, skipped).",
                                 ["outcome"], registry=r)
        self.platform_errors = Counter("briefbot_platform_api_errors", "Errors from a platform's API.",
                                       ["platform"], registry=r)
        self.rate_limit_waits = Counter("briefbot_rate_limit_waits", "Times a platform asked us to wait (429).",
                                        ["platform"], registry=r)
        self.feedback = Counter("briefbot_answer_feedback", "Answers users marked helpful (up) or unhelpful (down).",
                                ["vote"], registry=r)
        self.unanswered_open = Gauge("briefbot_unanswered_open_groups",
                                     "Open groups of unanswered questions, as this process last read them.", registry=r)
        for vote in ("up", "down"):
            self.feedback.labels(vote)
        for outcome in ("answered", "abstained"):
            self.questions.labels(outcome)
        for outcome in ("delivered", "failed", "skipped"):
            self.briefings.labels(outcome)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
