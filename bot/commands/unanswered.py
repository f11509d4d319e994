"""The `unanswered ...` commands (admins only): the questions nobody could answer, grouped, most asked
first; one group's questions; setting a group aside."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.core import Core
from bot.commands.base import Command, CommandError, Invocation, Reply, Visibility
from briefings.unanswered import UnansweredGroup, UnansweredQuestion

__all__ = ["DEFAULT_SHOWN", "UnansweredCommands", "render_group_line"]

DEFAULT_SHOWN = 10
MAX_SHOWN = 50
_DOT = " \u00b7 "


def _when(at: datetime) -> str:
    return f"{at:%Y-%m-%d %H:%M} UTC"


def _nearest(nearest: list[tuple[str, float]]) -> str:
    return ", ".join(f"{fid} ({score:.2f})" for fid, score in nearest) or "(none)"


def _places(questions: list[UnansweredQuestion]) -> str:
    return ", ".join(dict.fromkeys(q.where for q in questions))


def render_group_line(group: UnansweredGroup, questions: list[UnansweredQuestion]) -> list[str]:
    times = "once" if group.count == 1 else f"{group.count} times"
    askers = len({(q.platform, q.user_id) for q in questions if q.user_id})
    by = f" by {askers} people" if askers > 1 else ""
    unhelpful = sum(q.kind == "unhelpful" for q in questions)
    marked = f" ({unhelpful} marked an answer unhelpful)" if unhelpful else ""
    return [
        f"#{group.id}{_DOT}asked {times}{by}{marked}{_DOT}first {_when(group.first_at)}, last {_when(group.last_at)}"
        f"{_DOT}{_places(questions)}",
        f"    \u201c{group.sample}\u201d",
        f"    nearest facts: {_nearest(group.nearest)}",
    ]


class UnansweredCommands:
    def __init__(self, core: Core, *, clock: Callable[[], datetime]) -> None:
        self._core = core
        self._clock = clock

    def commands(self) -> list[Command]:
        return [
            Command("unanswered", "unanswered [N]",
                    "the questions I could not answer, grouped, most asked first (N groups, default "
                    f"{DEFAULT_SHOWN})", "unanswered 5", self.list_, changes="unanswered questions",
                    extra_words=True),
            Command("unanswered show", "unanswered show N", "every question of group N: who asked, where, when",
                    "unanswered show 3", self.show, changes="unanswered questions", words=("N",)),
            Command("unanswered dismiss", 'unanswered dismiss N [reason="..."]',
                    "set group N aside (nobody is told)", 'unanswered dismiss 3 reason="out of scope"',
                    self.dismiss, changes="unanswered questions", words=("N",), optional=("reason",)),
            Command("unanswered channel", "unanswered channel [off]",
                    "make this channel an admin channel: its daily briefing says how many questions are waiting "
                    "(`off` stops it)", "unanswered channel", self.channel, changes="unanswered questions",
                    extra_words=True),
        ]

    async def list_(self, call: Invocation) -> Reply:
        if len(call.words) > 1:
            raise CommandError(f"unexpected {' '.join(call.words[1:])!r}")
        shown = _number(call.words[0], what="how many groups") if call.words else DEFAULT_SHOWN
        shown = min(shown, MAX_SHOWN)
        total = await self._core.unanswered.count_open()
        self._core.metrics.unanswered_open.set(total)
        if total == 0:
            return Reply(text="No unanswered questions are waiting.")
        groups = await self._core.unanswered.open_groups(limit=shown)
        head = f"{total} unanswered question group" + ("s" if total != 1 else "") + " waiting, most asked first"
        head += f" (the first {len(groups)}):" if len(groups) < total else ":"
        lines = [head]
        for group in groups:
            lines += render_group_line(group, await self._core.unanswered.questions(group.id))
        lines.append("`unanswered show N` lists a group's questions; `unanswered dismiss N` sets it aside; "
                     "`fact add` or `fact teach ID \"QUESTION\"` answers it (its askers are told).")
        return Reply(text="\n".join(lines), visibility=Visibility.EPHEMERAL)

    async def show(self, call: Invocation) -> Reply:
        group = await self._core.unanswered.group(_number(call.words[0], what="the group number"))
        questions = await self._core.unanswered.questions(group.id)
        lines = render_group_line(group, questions)
        lines[0] = f"{lines[0]}{_DOT}{_state(group)}"
        lines.append(f"    needs: {', '.join(group.needs) or '(nothing read)'}")
        lines.append(f"{len(questions)} question" + ("s" if len(questions) != 1 else "") + ":")
        for q in questions:
            who = f"{q.platform}:{q.user_id}" if q.user_id else "(asker told, id forgotten)"
            lines.append(f"  {_when(q.at)}{_DOT}{who}{_DOT}{q.where}: \u201c{q.text}\u201d")
            if q.kind == "unhelpful":
                lines.append(f"      marked unhelpful; I had said: \u201c{q.given or ''}\u201d")
        return Reply(text="\n".join(lines), visibility=Visibility.EPHEMERAL)

    async def dismiss(self, call: Invocation) -> Reply:
        number = _number(call.words[0], what="the group number")
        reason = (call.options.get("reason") or "").strip() or None
        group = await self._core.unanswered.dismiss(number, by=call.caller.identity, reason=reason, at=self._clock())
        self._core.metrics.unanswered_open.set(await self._core.unanswered.count_open())
        why = f" ({reason})" if reason else ""
        return Reply(text=f"Dismissed group #{number}{why}: \u201c{group.sample}\u201d. Its askers are not told.")


    async def channel(self, call: Invocation) -> Reply:
        words = [w.lower() for w in call.words]
        if words not in ([], ["off"]):
            raise CommandError(f"`unanswered channel` takes nothing or `off`, not {' '.join(call.words)!r}")
        caller = call.caller
        if caller.channel is None:
            raise CommandError("this message came from no channel: send it in the channel to mark", usage=False)
        on = not words
        changed = await self._core.unanswered.mark_admin_channel(caller.platform, caller.channel, by=caller.identity,
                                                                 on=on, at=self._clock())
        where = f"{caller.platform} #{caller.channel}"
        if on:
            already = "" if changed else " (it already was)"
            return Reply(text=f"{where} is an admin channel{already}: its daily briefing says how many questions "
                              "are waiting (`subscribe` it to get one).")
        return Reply(text=f"{where} is no longer an admin channel." if changed else f"{where} was not an admin channel.")


def _state(group: UnansweredGroup) -> str:
    if group.status == "closed":
        return f"answered by fact {group.fact_id}, by {group.closed_by}, at {_when(group.closed_at)}"  # type: ignore[arg-type]
    if group.status == "dismissed":
        why = f": {group.reason}" if group.reason else ""
        return f"dismissed by {group.closed_by} at {_when(group.closed_at)}{why}"  # type: ignore[arg-type]
    return "open"


def _number(text: str, *, what: str) -> int:
    text = text.strip().lstrip("#")
    if not text.isdigit() or int(text) < 1:
        raise CommandError(f"{what} must be a whole number of 1 or more, not {text!r}")
    return int(text)
