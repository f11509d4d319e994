"""Build `briefings/answering/shorthand.tsv.gz`: the chat shorthand people type in Slack ("u", "thx",
"gonna", "abt", "tysm", "hru") and the English words each stands for.

Two MIT-licensed packages' tables, read at build time only, each row marked with which it came from:

- `checked`: `contractions`' slang list (data/slang_dict.json, and the apostrophe-less entries of
  data/leftovers_dict.json), about fifty words checked by hand. The answerer reads these words as
  their readings in every question ("is it gonna happen" is "is it going to happen").
- `crowd`: `ekphrasis`' noslang dictionary (dicts/noslang/slangdict.py, from noslang.com), thousands of
  entries from the crowd, many of them readings a news story's words do not have ("rep" is "to
  represent" there, "dem" is "them"). The answerer never rewrites a question with them; it takes one
  only as a cue of a kind of chat message, where its whole reading says that kind's cues ("tysm", "thank
  you so much", thanks; config/intents.yaml).

An entry is kept when its word is letters only (a word with a digit is a code or a model name, "g8",
"f16", before it is "gate" or anything else), is no word of the English dictionary (lemminflect knows
no part of speech for it: "dis" and "sup" are words), and stands for at most four English words, each
one English knows. One letter is read as a word only where the checked list says so ("u", "r"): the
crowd list drops its own one-letter entries ("n" is North in "n korea"). Where both lists have a word,
the checked reading is kept.

Rebuild (in a throwaway virtualenv, not the project's):

    python3 -m venv /tmp/shvenv && /tmp/shvenv/bin/pip install contractions lemminflect wordfreq
    /tmp/shvenv/bin/pip install --no-deps ekphrasis
    /tmp/shvenv/bin/python tools/build_shorthand.py

The notices are in `briefings/answering/SHORTHAND_LICENSE`.
"""

from __future__ import annotations

import ast
import gzip
import importlib.util
import io
import json
import re
from pathlib import Path

from lemminflect import getAllLemmas
from wordfreq import zipf_frequency

OUT = Path(__file__).resolve().parents[1] / "briefings" / "answering" / "shorthand.tsv.gz"
MAX_WORDS = 4
"""The longest reading kept: shorthand for a phrase ("tysm", "thank you so much"), not for a sentence."""
KNOWN_ZIPF = 3.0
"""How common (wordfreq) each word of a reading must be, unless lemminflect knows it: a reading in plain words."""
_WORD = re.compile(r"[a-z]+")
_READING = re.compile(r"[a-z' ]+")


def main() -> None:
    curated = _curated()
    crowd = _crowd()
    rows: dict[str, tuple[str, str]] = {}
    for source, table in (("crowd", crowd), ("checked", curated)):  # the checked reading wins
        for word, reading in table.items():
            word, reading = word.strip().lower(), " ".join(reading.lower().split())
            if _kept(word, reading, checked=source == "checked"):
                rows[word] = (reading, source)
    with io.TextIOWrapper(gzip.GzipFile(filename="", mode="wb", fileobj=OUT.open("wb"), mtime=0),
                          encoding="utf-8") as out:  # bytes that depend only on the text
        out.write("# chat shorthand<TAB>the words it stands for<TAB>checked (contractions 0.1.73) or crowd "
                  "(ekphrasis 0.5.4's noslang list); both MIT; tools/build_shorthand.py\n")
        for word in sorted(rows):
            out.write(f"{word}\t{rows[word][0]}\t{rows[word][1]}\n")
    print(f"{len(rows)} entries -> {OUT}")


def _kept(word: str, reading: str, *, checked: bool) -> bool:
    if not _WORD.fullmatch(word) or getAllLemmas(word):
        return False
    if len(word) == 1 and not checked:
        return False
    if not _READING.fullmatch(reading) or reading == word:
        return False
    words = reading.split()
    return 0 < len(words) <= MAX_WORDS and all(
        getAllLemmas(w) or zipf_frequency(w, "en") >= KNOWN_ZIPF for w in words if "'" not in w)


def _curated() -> dict[str, str]:
    """`contractions`' slang list, and its leftovers written without an apostrophe ("thats")."""
    data = Path(importlib.util.find_spec("contractions").origin).parent / "data"
    slang = json.loads((data / "slang_dict.json").read_text(encoding="utf-8"))
    leftovers = json.loads((data / "leftovers_dict.json").read_text(encoding="utf-8"))
    return {k.strip(): v.strip() for k, v in [*slang.items(), *leftovers.items()] if "'" not in k and v.strip()}


def _crowd() -> dict[str, str]:
    """ekphrasis's noslang dictionary, read from its source: importing the module writes a pickle into the
    working directory."""
    source = Path(importlib.util.find_spec("ekphrasis").origin).parent / "dicts" / "noslang" / "slangdict.py"
    text = source.read_text(encoding="utf-8")
    start = text.index("slangdict = {") + len("slangdict = ")
    return ast.literal_eval(text[start : text.index("\n}", start) + 2])


if __name__ == "__main__":
    main()
