"""The command grammar: words, quoted strings (straight or typographic), key=value."""

from __future__ import annotations

import pytest

from bot.commands.parse import Arguments, ParseError, parse_arguments
from bot.commands.safety import control_character, mention_in, neutralise


@pytest.mark.parametrize(
    ("text", "words", "options"),
    [
        ("", [], {}),
        ("  heron  ", ["heron"], {}),
        ('heron statement="A blue heron." topic=summit', ["heron"], {"statement": "A blue heron.", "topic": "summit"}),
        ("a \u201cquoted words\u201d b", ["a", "quoted words", "b"], {}),
        ("statement=\u201cHe said \"yes\".\u201d", [], {"statement": 'He said "yes".'}),
        ('statement="He said \\"no\\" \\\\ twice"', [], {"statement": 'He said "no" \\ twice'}),
        ("keywords= date=", [], {"keywords": "", "date": ""}),
        ('value=""', [], {"value": ""}),
        ("Topic=Summit", [], {"topic": "Summit"}),
        ("it's =odd", ["it's", "=odd"], {}),
        ('statement="two\nlines"', [], {"statement": "two\nlines"}),
    ],
)
def test_parse(text: str, words: list[str], options: dict[str, str]) -> None:
    assert parse_arguments(text) == Arguments(words=words, options=options)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('statement="never closed', "a quote is never closed"),
        ('statement="closed"too', "put a space after the closing quote"),
        ("a=1 A=2", "`a=` is given twice"),
    ],
)
def test_parse_errors(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_arguments(text)


def test_mentions_are_found_and_neutralised() -> None:
    for text, found in [("hi @everyone", "@everyone"), ("<!channel> now", "<!channel>"), ("ask <@U123>", "<@U123>"),
                        ("<@&987> role", "<@&987>"), ("@Here", "@Here"), ("mail ana@example.org", None)]:
        assert mention_in(text) == found
        assert mention_in(neutralise(text)) is None
    assert neutralise("plain text") == "plain text"


def test_control_characters() -> None:
    assert control_character("tab\tand\nnewline") is None
    assert control_character("bell\x07") == "U+0007"
    assert control_character("nul\x00") == "U+0000"


def test_a_half_typographic_pair_still_closes() -> None:
    assert parse_arguments('statement=\u201cA heron." topic=summit').options == {"statement": "A heron.", "topic": "summit"}
