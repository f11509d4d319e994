"""Build `briefings/answering/english.tsv.gz`: the commonest English words, each with how common it
is (Zipf, from `wordfreq`'s small English list), the parts of speech it can be and its lemmas (from
`lemminflect`), so that the bot reads general English at run time from one small file, without
loading either package (together about 1 s and 65 MB at every start).

Rarer words too ("repatriated", "annul", "appointees"): those of wordfreq's large list that lemminflect's
dictionary holds, which knows English words and no names ("Pyongyang" is common in the news, and no word
of its). Their commonness stays the small list's (0 when it lacks them): they weigh as rare words do, and
a slip is never read as one (`Lexicon.english_words`), but they are English, with their lemmas, not a
name a question depends on.

Rebuild (in a throwaway virtualenv, not the project's):

    python3 -m venv /tmp/envenv && /tmp/envenv/bin/pip install wordfreq lemminflect
    /tmp/envenv/bin/python tools/build_english.py

wordfreq's data is CC BY-SA 4.0 (https://github.com/rspeer/wordfreq#license); lemminflect is MIT.
The notices are in `briefings/answering/ENGLISH_LICENSE`.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from lemminflect import getAllInflections, getAllLemmas
from wordfreq import top_n_list, zipf_frequency

OUT = Path(__file__).resolve().parents[1] / "briefings" / "answering" / "english.tsv.gz"
WORDS = 60000
RARE_WORDS = 400000
"""How many of the large list's words are read for the rarer words lemminflect knows."""
RARE_ZIPF = 1.0
"""The rarest of them kept: below, the large list holds mostly misspellings and fragments."""


def main() -> None:
    words = [w for w in top_n_list("en", WORDS, wordlist="small") if w.replace("'", "").isalnum()]
    listed = set(words)
    words += [w for w in top_n_list("en", RARE_WORDS, wordlist="large")
              if w not in listed and w.isalpha() and zipf_frequency(w, "en") >= RARE_ZIPF and getAllLemmas(w)]
    # every inflected form of every listed word's lemmas, too: "dismantling" though only "dismantle" is common
    forms = set(words)
    for word in words:
        for lemmas in getAllLemmas(word).values():
            for lemma in lemmas:
                for inflected in getAllInflections(lemma).values():
                    forms.update(f.lower() for f in inflected if f.isalpha())
    rows = []
    for word in sorted(forms):
        table = getAllLemmas(word)
        pos = ",".join(sorted(table))
        lemmas = sorted({lemma.lower() for forms_ in table.values() for lemma in forms_} - {word})
        rows.append(f"{word}\t{zipf_frequency(word, 'en', wordlist='small'):.2f}\t{pos}\t{'|'.join(lemmas)}")
    with gzip.open(OUT, "wt", encoding="utf-8") as out:
        out.write("# word<TAB>zipf<TAB>parts of speech<TAB>lemmas (wordfreq small English list, and the large "
                  "one's words lemminflect knows; lemminflect)\n")
        out.write("\n".join(rows) + "\n")
    print(f"{len(rows)} words -> {OUT}")


if __name__ == "__main__":
    main()
