"""Two `briefbot run` processes started at the same time on one fresh PostgreSQL database, so their
migrations race on an empty schema: both become ready, the schema is migrated to head once and the
curated facts seeded once, and each process's /metrics counts the questions it answered itself."""

from __future__ import annotations

import asyncio
from collections import Counter

import sqlalchemy as sa
from alembic.script import ScriptDirectory
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.ext.asyncio import create_async_engine

from briefings.files import load_catalogue
from briefings.store import MIGRATIONS
from config.settings import load_settings

from tests.fakes.slack import FakeSlack
from tests.run_harness import BriefbotRun, slack_run_env
from tests.slack_harness import mention

QUESTIONS = {
    "ready-a": ["who led the Singapore delegation?", "who led the chinese delegation", "who is john bolton"],
    "ready-b": ["who is the south korean president", "who led the Singapore delegation?"],
}


def questions_counted(exposition: str) -> float:
    """briefbot_questions_total summed over its outcomes (answered, abstained)."""
    return sum(sample.value for family in text_string_to_metric_families(exposition)
               if family.name == "briefbot_questions" for sample in family.samples
               if sample.name == "briefbot_questions_total")


async def test_two_processes_migrate_a_fresh_database_once_and_each_counts_its_own_questions(
        postgres_database: str) -> None:
    async with FakeSlack() as slack:
        runs = {replica: BriefbotRun(slack_run_env(slack, postgres_database, BRIEFBOT_REPLICA=replica))
                for replica in QUESTIONS}
        async with runs["ready-a"], runs["ready-b"]:  # both started before either has migrated
            await asyncio.gather(*(run.wait_ready() for run in runs.values()))
            asked: dict[str, str] = {}  # event ts -> the replica it was sent to
            for n, (replica, question) in enumerate((r, q) for r, qs in QUESTIONS.items() for q in qs):
                ts = f"17000010{n:02d}.000100"
                assert await runs[replica].post_signed_event(mention(question, ts=ts)) == 200
                asked[ts] = replica
            posts = await slack.wait_for("chat.postMessage", count=len(asked), timeout=30)
            metrics = {replica: (await run.get("/metrics"))[1] for replica, run in runs.items()}

    for run in runs.values():
        assert await run.wait_exit() == 0, run.text
        assert not run.problems(), run.problems()
    assert sorted(p.payload["thread_ts"] for p in posts) == sorted(asked)  # each question answered once
    for replica, questions in QUESTIONS.items():
        assert questions_counted(metrics[replica]) == len(questions), metrics[replica]
        assert len(runs[replica].events("question")) == len(questions)

    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    curated = set(load_catalogue(load_settings().facts_dir).facts)
    engine = create_async_engine(postgres_database)
    try:
        async with engine.connect() as conn:
            versions = (await conn.execute(sa.text("SELECT version_num FROM alembic_version"))).scalars().all()
            seeds = Counter((await conn.execute(
                sa.text("SELECT fact_id FROM fact_versions WHERE action = 'seed'"))).scalars().all())
    finally:
        await engine.dispose()
    assert versions == [head]
    assert set(seeds) == curated and set(seeds.values()) == {1}  # one 'seed' version per curated fact
    seeded_by = [replica for replica, run in runs.items() if "seeded" in run.text and "curated facts" in run.text]
    assert len(seeded_by) == 1, seeded_by
