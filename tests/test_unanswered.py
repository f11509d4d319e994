"""Unanswered questions: recorded when the bot abstains, grouped by what they need, listed and
dismissed by admins only, counted in /metrics. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from bot.commands import Caller, CommandLayer
from tests.test_commands import ANA, EVE, ROOT, Clock, clock, core, seeded_sqlite  # noqa: F401 (fixtures)

HOTEL = "What hotel will Trump stay at in Singapore?"
HOTEL_AGAIN = "which hotel is trump staying at in singapore"
ASKER_1 = Caller("slack", "U0ASK1", channel="C0NEWS", thread="1717.0001")
ASKER_2 = Caller("discord", "4242", channel="9001", thread="777")


@pytest.fixture
def layer(core, clock) -> CommandLayer:  # noqa: F811
    return CommandLayer(core, clock=clock)


async def test_two_phrasings_make_one_group_counted_two(layer, core) -> None:  # noqa: F811
    first = await layer.handle(HOTEL, ASKER_1)
    second = await layer.handle(HOTEL_AGAIN, ASKER_2)
    assert not first.answer.found and not second.answer.found
    listed = await layer.handle("unanswered", ROOT)
    assert not listed.error
    assert listed.text.startswith("1 unanswered question group waiting")
    assert "asked 2 times by 2 people" in listed.text
    assert HOTEL in listed.text and "slack #C0NEWS, discord #9001" in listed.text
    [group] = await core.unanswered.open_groups()
    assert group.count == 2 and group.nearest
    questions = await core.unanswered.questions(group.id)
    assert [(q.platform, q.channel, q.thread, q.user_id, q.text) for q in questions] == [
        ("slack", "C0NEWS", "1717.0001", "U0ASK1", HOTEL), ("discord", "9001", "777", "4242", HOTEL_AGAIN)]
    assert core.metrics.unanswered_open._value.get() == 1


async def test_different_questions_make_different_groups_most_asked_first(layer, core) -> None:  # noqa: F811
    await layer.handle("who is the mascot of the summit?", ASKER_1)
    await layer.handle(HOTEL, ASKER_1)
    await layer.handle(HOTEL_AGAIN, ASKER_2)
    groups = await core.unanswered.open_groups()
    assert [g.count for g in groups] == [2, 1]
    assert groups[1].sample == "who is the mascot of the summit?"
    one = await layer.handle("unanswered 1", ROOT)
    assert "(the first 1):" in one.text and "mascot" not in one.text


async def test_answered_questions_are_not_recorded(layer, core) -> None:  # noqa: F811
    reply = await layer.handle("who led the U.S. delegation to Singapore?", ASKER_1)
    assert reply.answer.found
    assert await core.unanswered.count_open() == 0
    assert (await layer.handle("unanswered", ROOT)).text == "No unanswered questions are waiting."


async def test_show_and_dismiss(layer, core, clock) -> None:  # noqa: F811
    await layer.handle(HOTEL, ASKER_1)
    [group] = await core.unanswered.open_groups()
    shown = await layer.handle(f"unanswered show {group.id}", ANA)
    assert "slack:U0ASK1" in shown.text and "slack #C0NEWS" in shown.text and "open" in shown.text
    assert "needs: " in shown.text and "donald-trump" in shown.text
    dismissed = await layer.handle(f'unanswered dismiss {group.id} reason="not our story"', ANA)
    assert not dismissed.error and "Dismissed group" in dismissed.text
    assert await core.unanswered.count_open() == 0
    again = await layer.handle(f"unanswered dismiss {group.id}", ANA)
    assert again.error and "already dismissed" in again.text
    shown = await layer.handle(f"unanswered show {group.id}", ANA)
    assert "dismissed by console:ana" in shown.text and "not our story" in shown.text
    # asking again after a dismissal opens a new group
    await layer.handle(HOTEL, ASKER_2)
    assert [g.count for g in await core.unanswered.open_groups()] == [1]


@pytest.mark.parametrize("text", ["unanswered", "unanswered 3", "unanswered show 1", "unanswered dismiss 1"])
async def test_non_admins_are_refused(layer, core, text) -> None:  # noqa: F811
    await layer.handle(HOTEL, ASKER_1)
    reply = await layer.handle(text, EVE)
    assert reply.error and reply.text.startswith("Only admins can see and handle the unanswered questions")
    assert await core.unanswered.count_open() == 1


@pytest.mark.parametrize("text, says", [
    ("unanswered show 99", "there is no unanswered question group 99"),
    ("unanswered show x", "the group number must be a whole number"),
    ("unanswered 0", "how many groups must be a whole number"),
    ("unanswered dismiss", "needs N"),
    ("unanswered dismiss 1 why=x", "has no key why="),
])
async def test_bad_input_is_one_sentence(layer, core, text, says) -> None:  # noqa: F811
    await layer.handle(HOTEL, ASKER_1)
    reply = await layer.handle(text, ROOT)
    assert reply.error and says.lower() in reply.text.lower(), reply.text
    assert await core.unanswered.count_open() == 1


async def test_metrics_count_answers_abstentions_and_open_groups(layer, core) -> None:  # noqa: F811
    await layer.handle(HOTEL, ASKER_1)
    await layer.handle("who led the U.S. delegation to Singapore?", ASKER_1)
    text = core.metrics.exposition().decode()
    assert 'briefbot_questions_total{outcome="abstained"} 1.0' in text
    assert 'briefbot_questions_total{outcome="answered"} 1.0' in text
    assert "briefbot_unanswered_open_groups 1.0" in text
    assert 'briefbot_answer_feedback_total{vote="down"} 0.0' in text


# closing and telling the askers ----------------------------------------------------------------

HOTEL_FACT = ('fact add trump-hotel statement="Donald Trump will stay at the Shangri-La Hotel in Singapore." '
              'subject="Donald Trump" topic=summit')


class RecordingNotifier:
    """A surface's `notify`, recorded."""

    def __init__(self, platform: str, *, refuse: bool = False) -> None:
        self.platform = platform
        self.sent: list[tuple[str, str | None, str]] = []
        self.refuse = refuse

    async def notify(self, channel: str, text: str, *, thread: str | None, key: str) -> str:
        from bot.surface import PublishError

        if self.refuse:
            raise PublishError(f"{key}: not_in_channel", retryable=False)
        self.sent.append((channel, thread, text))
        return f"m{len(self.sent)}"


def _follow_ups(core, notifiers):  # noqa: F811
    from bot.follow_up import FollowUps

    return FollowUps(core, surfaces={n.platform: n for n in notifiers}.get)


async def test_a_fact_that_answers_closes_the_group_and_each_asker_hears_once(core, clock) -> None:  # noqa: F811
    slack, discord = RecordingNotifier("slack"), RecordingNotifier("discord")
    follow_ups = _follow_ups(core, [slack, discord])
    layer = CommandLayer(core, clock=clock, on_questions_answered=follow_ups.send_due)
    await layer.handle(HOTEL, ASKER_1)
    await layer.handle(HOTEL_AGAIN, ASKER_2)
    [group] = await core.unanswered.open_groups()
    added = await layer.handle(HOTEL_FACT, ANA)
    assert not added.error, added.text
    assert f"This answers 1 waiting question group (2 asked): #{group.id} \u201c{HOTEL}\u201d. Its askers are told." \
        in added.text
    assert (await layer.handle("unanswered", ROOT)).text == "No unanswered questions are waiting."
    shown = (await layer.handle(f"unanswered show {group.id}", ROOT)).text
    assert "answered by fact trump-hotel, by console:ana, at 2026-06-01 09:00 UTC" in shown
    assert [(c, t) for c, t, _ in slack.sent] == [("C0NEWS", "1717.0001")]
    assert slack.sent[0][2].startswith(f"Earlier you asked \u201c{HOTEL}\u201d. Now I know: Donald Trump will stay")
    assert [(c, t) for c, t, _ in discord.sent] == [("9001", "777")]
    assert discord.sent[0][2].startswith(f"Earlier you asked \u201c{HOTEL_AGAIN}\u201d. Now I know:")
    # the user ids are forgotten once told; a restart or a second replica sends nothing again
    assert [q.user_id for q in await core.unanswered.questions(group.id)] == [None, None]
    again = _follow_ups(core, [RecordingNotifier("slack"), RecordingNotifier("discord")])
    assert await again.send_due() == 0 and await follow_ups.send_due() == 0
    assert len(slack.sent) == 1 and len(discord.sent) == 1
    assert [f.status for f in await core.unanswered.follow_ups()] == ["sent", "sent"]


async def test_follow_ups_wait_for_a_process_with_the_platform_and_skip_a_channel_left(core, clock) -> None:  # noqa: F811
    console_only = _follow_ups(core, [])
    layer = CommandLayer(core, clock=clock, on_questions_answered=console_only.send_due)
    await layer.handle(HOTEL, ASKER_1)
    await layer.handle(HOTEL_AGAIN, ASKER_2)
    await layer.handle(HOTEL_FACT, ANA)
    assert await core.unanswered.follow_ups() == []  # nobody here runs Slack or Discord
    left = RecordingNotifier("slack", refuse=True)
    discord = RecordingNotifier("discord")
    assert await _follow_ups(core, [left, discord]).send_due() == 1
    assert [(f.status, bool(f.error)) for f in await core.unanswered.follow_ups()] == [("skipped", True), ("sent", False)]
    assert await _follow_ups(core, [RecordingNotifier("slack")]).send_due() == 0  # never retried


async def test_follow_up_off_records_nothing_sent(core, clock) -> None:  # noqa: F811
    core.settings = core.settings.model_copy(update={"follow_up": False})
    slack = RecordingNotifier("slack")
    follow_ups = _follow_ups(core, [slack])
    layer = CommandLayer(core, clock=clock, on_questions_answered=follow_ups.send_due)
    await layer.handle(HOTEL, ASKER_1)
    added = await layer.handle(HOTEL_FACT, ANA)
    assert "This answers 1 waiting question group (1 asked)" in added.text and "told" not in added.text
    assert slack.sent == [] and await core.unanswered.count_open() == 0
    assert [(f.status, f.error) for f in await core.unanswered.follow_ups()] == [("skipped", "BRIEFBOT_FOLLOW_UP is off")]
    core.settings = core.settings.model_copy(update={"follow_up": True})  # turned on later: nothing stale is sent
    assert await follow_ups.send_due() == 0 and slack.sent == []


async def test_teaching_closes_a_group(core, clock) -> None:  # noqa: F811
    slack = RecordingNotifier("slack")
    layer = CommandLayer(core, clock=clock, on_questions_answered=_follow_ups(core, [slack]).send_due)
    await layer.handle("when will the two leaders sit down together", ASKER_1)
    taught = await layer.handle('fact teach summit-original-date "when will the two leaders sit down together"', ANA)
    assert "This answers 1 waiting question group" in taught.text
    assert len(slack.sent) == 1 and "Now I know: The summit between" in slack.sent[0][2]


async def test_a_change_that_answers_nothing_closes_nothing(core, clock) -> None:  # noqa: F811
    layer = CommandLayer(core, clock=clock)
    await layer.handle(HOTEL, ASKER_1)
    added = await layer.handle('fact add test-heron statement="The summit mascot is a blue heron." '
                               'subject="Singapore summit" topic=summit', ANA)
    assert not added.error and "waiting question" not in added.text
    assert await core.unanswered.count_open() == 1


# the admin channel's daily briefing ------------------------------------------------------------


async def test_an_admin_channel_briefing_says_how_many_questions_wait(store) -> None:
    from bot.render.slack import render_digest_blocks
    from bot.render.text import render_digest_text
    from briefings.answering.model import Answer
    from tests.scheduler_harness import harness, utc

    async with harness(store, utc("2026-03-10T07:59")) as h:
        admins = await h.subscribe("C-admins", "08:00", "Europe/London")
        team = await h.subscribe("C-team", "08:00", "Europe/London")
        layer = CommandLayer(h.core)
        admin = Caller("slack", "UADMIN", channel="C-admins", admin=True)
        refused = await layer.handle("unanswered channel", Caller("slack", "UEVE", channel="C-admins"))
        assert refused.error and await h.core.unanswered.is_admin_channel("slack", "C-admins") is False
        marked = await layer.handle("unanswered channel", admin)
        assert not marked.error and marked.text.startswith("slack #C-admins is an admin channel:")
        for text in ("what is the mascot?", "which hotel?"):
            await h.core.unanswered.record(Answer(question=text, found=False, answer="", needs=[text]),
                                           platform="slack", channel="C-team", thread=None, user_id="U1")
        h.clock.set("2026-03-10T08:00")
        await h.scheduler.deliver(admins.id)
        await h.scheduler.deliver(team.id)
        [to_admins] = h.surface.to("C-admins")
        [to_team] = h.surface.to("C-team")
        assert to_admins.edition.digest.waiting == 2 and to_team.edition.digest.waiting == 0
        assert "2 questions waiting: `unanswered`." in render_digest_text(to_admins.edition.digest)
        assert "waiting" not in render_digest_text(to_team.edition.digest)
        assert "2 questions waiting: `unanswered`." in str(render_digest_blocks(to_admins.edition.digest))
        off = await layer.handle("unanswered channel off", admin)
        assert off.text == "slack #C-admins is no longer an admin channel."
        assert not await h.core.unanswered.is_admin_channel("slack", "C-admins")


async def test_a_thumbs_down_closes_only_when_the_answer_changes(core, clock) -> None:  # noqa: F811
    slack = RecordingNotifier("slack")
    layer = CommandLayer(core, clock=clock, on_questions_answered=_follow_ups(core, [slack]).send_due)
    question = "who led the U.S. delegation to Singapore?"
    given = (await layer.handle(question, ASKER_1)).text
    thanks = await layer.handle(question, ASKER_1)  # the same answer again, for comparison
    assert thanks.text == given
    await layer.feedback(question, helpful=False, caller=ASKER_1, given=given)
    assert core.metrics.feedback.labels("down")._value.get() == 1
    [group] = await core.unanswered.open_groups()
    unchanged = await layer.handle('fact add test-heron statement="The summit mascot is a blue heron." '
                                   'subject="Singapore summit" topic=summit', ANA)
    assert "waiting question" not in unchanged.text and await core.unanswered.count_open() == 1
    edited = await layer.handle('fact edit us-delegation-leader statement="Joe Hagin, the White House deputy chief '
                                'of staff for operations, led the U.S. delegation to Singapore in May 2018."', ANA)
    assert not edited.error, edited.text
    assert f"This answers 1 waiting question group (1 asked): #{group.id}" in edited.text
    [(channel, thread, text)] = slack.sent
    assert (channel, thread) == ("C0NEWS", "1717.0001") and "in May 2018" in text


# retention -------------------------------------------------------------------------------------


async def test_closed_and_dismissed_groups_are_pruned_after_the_retention(layer, core, clock) -> None:  # noqa: F811
    from datetime import timedelta

    from tests.test_commands import HERON

    await layer.handle(HOTEL, ASKER_1)
    await layer.handle("who is the mascot of the summit?", ASKER_2)
    await layer.handle("what did the delegates eat on the plane?", ASKER_2)
    groups = {g.sample: g for g in await core.unanswered.open_groups()}
    await layer.handle(f"unanswered dismiss {groups[HOTEL].id}", ROOT)
    assert [q.user_id for q in await core.unanswered.questions(groups[HOTEL].id)] == [None]  # nobody to tell
    await layer.handle(HERON, ANA)  # answers the mascot question: closed
    assert await core.unanswered.count_open() == 1
    assert await core.unanswered.prune(older_than=timedelta(days=90), now=clock.now + timedelta(days=89)) == 0
    assert await core.unanswered.prune(older_than=timedelta(days=90), now=clock.now + timedelta(days=91)) == 2
    assert [g.sample for g in await core.unanswered.open_groups()] == ["what did the delegates eat on the plane?"]
    assert (await layer.handle(f"unanswered show {groups[HOTEL].id}", ROOT)).error
