"""Language data and text normalisation shared by the index and the question parser.

General English knowledge only: stopwords, a light stemmer, synonym groups for the words people use
about diplomacy, and a gazetteer of places and people outside the fact store (so that a question about
"the Chinese delegation" is known to name something the store does not cover). Nothing here is about
any particular question.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

__all__ = [
    "GENERIC",
    "RELATIONS",
    "GAZETTEER",
    "MONTHS",
    "WEEKDAYS",
    "concept",
    "normalise",
    "stem",
    "tokens",
]

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": " ", "\u2013": "-"})
_TOKEN = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    """Lowercase, ASCII-fold and drop possessives, keeping word boundaries."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\b([a-z])-?(\d+)s?\b", r"\1\2", text)  # model names: "F-16s", "F16" -> "f16"
    return text.replace("'", "")


# Multi-word expressions read as one word before tokenising.
_PHRASES = [
    (re.compile(r"\b(call|calls|called|calling) off\b"), "cancel"),
    (re.compile(r"\b(pull|pulls|pulled|pulling|walk|walks|walked|walking|back|backs|backed|backing) (out|back)\b"), "withdraw"),
    (re.compile(r"\b(back on track|back on course)\b"), "revive"),
    (re.compile(r"\b(go|goes|going|went|gone) ahead\b"), "proceed"),
    (re.compile(r"\b(take|takes|took|taken|taking) place\b"), "held"),
    (re.compile(r"\bin (return|exchange) for\b"), "exchange"),
    (re.compile(r"\bthink[- ]?tanks?\b"), "thinktank"),
    (re.compile(r"\b(tear|tears|tore|torn|tearing|knock|knocked|blow|blew|blown) (down|up)\b"), "dismantle"),
    (re.compile(r"\b(give|gives|gave|given|giving) up (?:(?:his|its|their|the|her) )?(?:nuclear )?"
                r"(?:nukes|weapons|arsenal|arms|program|programme)\b"), "abandon denuclearize"),
    (re.compile(r"\b(give|gives|gave|given|giving) up\b"), "abandon"),
    (re.compile(r"\b(wrap|wraps|wrapped|wrapping) up\b"), "end"),
    (re.compile(r"\bused? to (be|serve as|work as)\b"), "former"),
    (re.compile(r"\bon the table\b"), "agenda"),
    (re.compile(r"\b(stumbling blocks?|sticking points?|bones? of contention)\b"), "stickingpoint"),
    (re.compile(r"\bgo[- ]betweens?\b"), "mediator"),
    (re.compile(r"\bhigh[- ]level\b"), "highlevel"),
    (re.compile(r"\bwhite house\b"), "whitehouse"),
]


# Chat shorthand, read as the word it stands for.
_SHORTHAND = {
    "wher": "where", "whr": "where", "wat": "what", "wut": "what", "wot": "what", "wht": "what", "whn": "when",
    "wen": "when", "hw": "how", "ur": "your", "abt": "about", "bc": "because",
    "cuz": "because", "coz": "because", "ppl": "people", "mtg": "meeting", "pres": "president", "govt": "government",
    "guy": "person", "guys": "people",
    "wich": "which", "whic": "which", "whcih": "which", "wihch": "which", "wehre": "where", "whre": "where",
    "whta": "what", "waht": "what", "hwo": "who", "woh": "who", "wehn": "when", "hwat": "what", "thx": "thanks", "pls": "please", "plz": "please",
}


def tokens(text: str) -> list[str]:
    """The word tokens of `text`, normalised ("Pyongyang’s" -> "pyongyang", "F-16" -> "f16")."""
    text = normalise(text)
    for pattern, repl in _PHRASES:
        text = pattern.sub(repl, text)
    return [_SHORTHAND.get(t, t) for t in _TOKEN.findall(text)]


# Words that carry no content of their own in a question or a statement.
GENERIC = frozenset(
    """
    a an the and or but if of to in on at for with by from about as into onto over under than then
    is are was were be been being am do does did done doing have has had having will would shall should
    can could may might must ought
    what whats who whos whom whose which when whens where wheres why how hows that thats this these those
    it its itself they them their theirs there here he him his she her hers we us our you your i me my
    tell know knows known let please thanks thank hi hey hello bot briefbot
    any some all each every much many more most very just also still even only really exactly actually
    so such too not no nor yes
    happen happens happened happening going go goes went gone get gets got getting take takes took taken
    taking place make makes made give gives gave given put
    one thing things something anything kind sort way
    right now currently
    according per via ever again like basically used mentioned recent recently lately between among
    during since until while use uses using else other others another otherwise helped helps helping
    big bigger biggest main major key important primary central principal significant
    wat wut wht whts u ur r pls plz abt bout 2 4 ya yo
    """.split()
)

# Synonym groups: every word of a group is indexed and searched as the group's first word.
_GROUPS = [
    "lead leads led leading leader leaders head heads headed heading charge helm running",
    "delegation delegations team teams envoy envoys delegate delegates mission emissary emissaries",
    "meet meets met meeting meetings talk talks talked discuss discussed discussion discussions negotiate negotiation negotiations sit",
    "say says said saying statement stated comment comments commented commentary remark remarks expressed express noted note told claim claimed declare declared issued released indicate indicates indicated signal signaled signalled",
    "withdraw withdrew withdrawn withdrawal cancel cancels canceled cancelled cancellation scrap scrapped abandon abandoned drop dropped quit",
    "want wants wanted seek seeks seeking sought demand demands demanded demanding push pushes pushing pushed ask asks asked asking insist insists insisting require requires",
    "propose proposes proposed proposal suggest suggests suggested suggestion float floated recommend recommended",
    "guarantee guarantees guaranteed assurance assurances assure promise promises promised pledge pledges pledged commit commits committed commitment commitments dangle dangled dangling",
    "denuclearization denuclearize denuclearizing denuclearise denuclearisation disarmament disarm",
    "dismantle dismantles dismantling dismantled dismantlement destroy destroyed demolish demolished",
    "sanction sanctions embargo",
    "survival survive intact safeguard security",
    "devoted dedicated",
    "role job title post occupation profession background identity work works worked working employ employed employer",
    "schedule scheduled plan planned planning set slated due",
    "end ends ended ending finish finished conclude concluded",
    "prepare prepares prepared preparing preparation preparations preparatory",
    "wording phrase phrases phrasing words language clause clauses",
    "chance chances odds likely likelihood probability",
    "fundamental basic core underlying",
    "flurry burst spate wave",
    "doubt doubts doubted skeptical skepticism scepticism concern concerns concerned worry worries worried",
    "current present incumbent sitting",
    "verifiable verify verified verification proof prove proven evidence inspection inspections",
    "border frontier",
    "arrive arrives arrived arriving arrival land landed",
    "ratify ratified ratification approve approved approval pass passed",
    "block blocked blocking oppose opposed opposition opponents opponent reject rejected veto",
    "exercise exercises drill drills maneuver maneuvers manoeuvres",
    "anger angered angry angrily furious upset",
    "react reacts reacted reaction respond responds responded response reply replied",
    "hostility hostile hostilities",
    "agreement agreements agree agrees agreed deal deals accord treaty",
    "agenda topic topics subject issue issues purpose aim goal",
    "economy economic economically prosperity prosperous development financial",
    "site location venue facility facilities base based headquarters headquartered",
    "summit summits",
    "official officials",
    "reunion reunions reunite reunited",
    "family families",
    "aide aides adviser advisers advisor advisors assistant",
    "defector defectors defected",
    "researcher researchers analyst analysts expert experts scholar",
    "ambassador ambassadors diplomat diplomats",
    "diplomacy diplomatic",
    "test tests testing",
    "nuclear nukes nuke atomic",
    "weapon weapons arms arsenal",
    "write wrote written writer writers pen penned author authors byline reporter reporters journalist journalists",
    "publish published publication outlet newspaper paper ran",
    "kill killed death died",
    "overthrow overthrown overthrew ousted toppled",
    "fighter fighters jet jets warplanes aircraft",
    "revive revived back track rescue rescued salvage salvaged",
    "mediate mediating mediated mediator mediators intermediary",
    "fail failed failure setback setbacks flop flopped defeat defeated",
    "president presidents",
    "dictator dictators",
    "tension tensions",
    "date day days",
    "divide divided divisions division split",
    "peace peaceful",
    "model blueprint template example",
    "legislature parliament assembly lawmakers lawmaker legislators congress",
    "bisect bisects bisected divides",
    "conservative conservatives",
    "spokesman spokeswoman spokesperson",
    "stance view views position positions opinion think thinks thought believe believes believed",
    "go ahead proceed proceeds proceeding",
]

# Groups whose head names a relation (what happened between the things a question names). A question
# that names one asks about that relation: a fact that lacks it answers a neighbouring question.
RELATIONS = frozenset(
    "lead meet say withdraw want propose guarantee schedule arrive ratify block anger dismantle write publish "
    "kill overthrow revive mediate fail end prepare devoted exercise".split()
)

_IRREGULAR = {
    "men": "man", "women": "woman", "children": "child", "people": "person",
    "began": "begin", "begun": "begin", "held": "hold", "holds": "hold", "holding": "hold",
    "knew": "know", "saw": "see", "seen": "see", "spoke": "speak", "spoken": "speak",
    "sent": "send", "sending": "send", "sends": "send", "came": "come", "comes": "come",
    "fought": "fight", "won": "win", "lost": "lose", "left": "leave", "brought": "bring",
    "koreas": "korea", "korean": "korean",
}

def _build_concepts() -> dict[str, str]:
    """Word -> concept. The groups above come first; the thesaurus of the story's vocabulary
    (`thesaurus.txt`, one group a line) extends them: a line that shares a word with a concept
    joins that concept."""
    concepts: dict[str, str] = {}
    for group in _GROUPS:
        words = group.split()
        for w in words:
            concepts.setdefault(w, words[0])
    for line in (Path(__file__).with_name("thesaurus.txt")).read_text(encoding="utf-8").splitlines():
        words = [w for w in line.split() if w not in GENERIC]
        if not words:
            continue
        head = next((concepts[w] for w in words if w in concepts), words[0])
        for w in words:
            concepts.setdefault(w, head)
    return concepts


_CONCEPT = _build_concepts()


def stem(word: str) -> str:
    """A light suffix stripper; the same on both sides is what matters, not linguistic truth."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, repl, min_len in (("ies", "y", 5), ("sses", "ss", 5), ("ing", "", 6), ("ed", "", 5), ("es", "", 5), ("s", "", 4)):
        if word.endswith(suffix) and len(word) >= min_len:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            if suffix == "es" and not word.endswith(("ches", "shes", "xes", "sses", "zes")):
                continue
            base = word[: -len(suffix)] + repl
            if suffix in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]
            return base
    return word


def concept(word: str) -> str:
    """The index term for a word: its synonym group's head, or its stem."""
    if word in _CONCEPT:
        return _CONCEPT[word]
    s = stem(word)
    return _CONCEPT.get(s, s)


MONTHS = {
    name: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thurs"),
         ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")]
    )
    for name in names
}


def weekday_of(day: date) -> int:
    return day.weekday()


# Names of places, peoples, organisations and people outside the story, so that a question naming one
# of them is known to ask about something the store does not cover. Keys are normalised phrases.
GAZETTEER = frozenset(
    """
    afghanistan afghan albania algeria argentina argentine argentinian armenia australia australian austria
    austrian azerbaijan bangladesh belarus belgium belgian bolivia bosnia brazil brazilian britain british
    bulgaria cambodia cambodian canada canadian chile chilean chinese colombia colombian croatia cuba cuban
    czech denmark danish egypt egyptian england english estonia ethiopia finland finnish france french
    georgia germany german greece greek hungary hungarian india indian indonesia indonesian iran iranian
    iraq iraqi ireland irish israel israeli italy italian japan japanese jordan kazakhstan kenya kuwait laos
    latvia lebanon lithuania malaysia malaysian mexico mexican mongolia mongolian morocco myanmar nepal
    netherlands dutch nigeria norway norwegian pakistan pakistani peru philippines filipino poland polish
    portugal portuguese qatar romania romanian russia russian moscow beijing tokyo saudi serbia slovakia
    spain spanish sri sweden swedish switzerland swiss syria syrian taiwan taiwanese thailand thai turkey
    turkish ukraine ukrainian uae emirates uk venezuela vietnam vietnamese hanoi yemen europe european eu
    africa african asia asian nato xi jinping putin abe shinzo macron merkel pompeo mattis pence
    obama clinton bush duterte modi erdogan netanyahu trudeau theresa helsinki
    """.split()
) - {"may"}
