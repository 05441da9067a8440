"""Cue lexicon: reporting verbs in all their inflections.

Each lemma belongs to a class:

* ``speech`` - verbs of saying and writing that take a content clause or a quote
  ("said", "told", "added", "wrote", "tweeted", ...);
* ``belief`` - verbs of thinking ("believes", "thinks", "hopes", ...), reported only when the
  caller asks for beliefs;
* ``object`` - verbs whose content is usually an object phrase rather than a clause
  ("criticized", "called for", "praised"): reported only with a clear subject;
* ``recipient`` - marks speech verbs that take an addressee before the content ("told
  reporters that ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "find_cues",
    "CueInfo",
    "cue_info",
    "forms_of",
    "AUX_RE",
    "BELIEF",
    "SPEECH",
    "OBJECT",
    "TO_ONLY",
]

SPEECH = "speech"
BELIEF = "belief"
OBJECT = "object"

# lemma -> class
_LEMMAS: dict[str, str] = {}
for _w in (
    "say tell add state announce claim insist warn note argue write tweet declare urge vow deny "
    "explain report suggest acknowledge admit assert contend maintain predict promise pledge "
    "recall remark reply respond retort reveal stress emphasize emphasise confirm complain concede "
    "conclude testify observe ask answer comment mention propose recommend threaten boast joke "
    "quip charge allege agree caution counter disclose estimate indicate affirm proclaim "
    "reiterate repeat lament muse speculate tout assure inform "
    "advise concur interject post opine posit exclaim demand continue find show read "
    "remind retweet shout yell chant email signal imply hint bemoan grumble scoff lash "
    "acknowledge concede declare insist vent confide"
).split():
    _LEMMAS[_w] = SPEECH
# Cues only with a to-infinitive: "declined to comment" is speech; intentions ("plans to run",
# "sought to reassure", "decided to") are states of mind, reported with the beliefs. "Refused
# to engage" is an action, not a statement, and is not a cue at all.
TO_ONLY = frozenset("decline plan seek decide intend aim".split())
_LEMMAS["decline"] = SPEECH
for _w in ("plan", "seek", "decide", "intend", "aim"):
    _LEMMAS[_w] = BELIEF
for _w in (
    "believe think feel hope fear expect worry doubt suspect know guess reckon assume wonder "
    "consider imagine figure want prefer see view favor seem appear"
).split():
    _LEMMAS[_w] = BELIEF
for _w in (
    "criticize criticise praise blast accuse blame defend slam dismiss call describe cite "
    "endorse support oppose reject question attack mock denounce discuss thank express "
    "condemn decry echo highlight liken invoke assail welcome embrace challenge reference "
    "applaud ridicule disparage berate castigate chide scold lambaste deride belittle commend "
    "hail salute tout downplay dispute contest champion recommend offer order deem encourage "
    "request portray voice plead quote rebuke persuade knock unveil dub label credit recount "
    "forecast"
).split():
    _LEMMAS[_w] = OBJECT

RECIPIENT_LEMMAS = frozenset(
    "tell inform assure warn remind advise ask urge promise notify".split()
)

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "think": ("think", "thinks", "thought", "thinking"),
    "feel": ("feel", "feels", "felt", "feeling"),
    "know": ("know", "knows", "knew", "known", "knowing"),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "quip": ("quip", "quips", "quipped", "quipping"),
    "concur": ("concur", "concurs", "concurred", "concurring"),
    "deny": ("deny", "denies", "denied", "denying"),
    "reply": ("reply", "replies", "replied", "replying"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "worry": ("worry", "worries", "worried", "worrying"),
    "posit": ("posit", "posits", "posited", "positing"),
    "figure": ("figure", "figures", "figured"),
    "post": ("post", "posts", "posted"),
    "repeat": ("repeat", "repeats", "repeated", "repeating"),
    "answer": ("answer", "answers", "answered", "answering"),
    "find": ("find", "finds", "found", "finding"),
    "show": ("show", "shows", "showed", "shown", "showing"),
    "continue": ("continue", "continues", "continued"),
    "call": ("call", "calls", "called", "calling"),
    "question": ("questioned", "questioning"),
    "support": ("supports", "supported", "supporting"),
    "want": ("want", "wants", "wanted"),
    "see": ("sees", "saw"),
    "view": ("views", "viewed"),
    "favor": ("favors", "favored"),
    "prefer": ("prefer", "prefers", "preferred"),
    "email": ("emailed",),
    "signal": ("signaled", "signalled", "signaling", "signals"),
    "lash": ("lashed",),
    "chant": ("chanted", "chanting"),
    "shout": ("shouted", "shouting"),
    "yell": ("yelled", "yelling"),
    "echo": ("echoed", "echoes", "echoing"),
    "reference": ("referenced", "referencing"),
    "welcome": ("welcomed", "welcomes"),
    "challenge": ("challenged", "challenges", "challenging"),
    "hint": ("hinted", "hinting"),
    "champion": ("championed", "championing", "champions"),
    "contest": ("contested", "contesting"),
    "dispute": ("disputed", "disputes", "disputing"),
    "hail": ("hailed", "hailing"),
    "commend": ("commended", "commending"),
    "offer": ("offered", "offering", "offers"),
    "order": ("ordered", "ordering"),
    "deem": ("deemed", "deems"),
    "request": ("requested", "requesting"),
    "voice": ("voiced", "voicing"),
    "plead": ("pleaded", "pled", "pleading"),
    "quote": ("quoted", "quoting"),
    "knock": ("knocked", "knocking"),
    "unveil": ("unveiled", "unveiling", "unveils"),
    "dub": ("dubbed", "dubbing"),
    "label": ("labeled", "labelled", "labeling"),
    "credit": ("credited", "crediting"),
    "forecast": ("forecast", "forecasts", "forecasted"),
    "read": ("reads", "read"),
    "plan": ("plan", "plans", "planned", "planning"),
    "seek": ("seek", "seeks", "sought", "seeking"),
}


def inflections(lemma: str) -> tuple[str, ...]:
    """Present, third person, past (participle) and -ing forms of a regular verb."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return (lemma, third, past, ing)


@dataclass(frozen=True, slots=True)
class CueInfo:
    lemma: str
    cls: str
    form: str  # "base", "third", "past", "ing"

    @property
    def takes_recipient(self) -> bool:
        return self.lemma in RECIPIENT_LEMMAS


_FORMS: dict[str, CueInfo] = {}
for _lemma, _cls in _LEMMAS.items():
    forms = inflections(_lemma)
    for _f in forms:
        if _f.endswith("ing"):
            kind = "ing"
        elif _f == _lemma:
            kind = "base"
        elif _f.endswith("s") and not _f.endswith("ss"):
            kind = "third"
        else:
            kind = "past"
        _FORMS.setdefault(_f, CueInfo(_lemma, _cls, kind))

# Multi-word cues (matched before single words).
PHRASES: dict[str, CueInfo] = {}
for _p, _l in (
    ("points out", "point out"),
    ("pointed out", "point out"),
    ("point out", "point out"),
    ("pointing out", "point out"),
    ("called for", "call for"),
    ("calls for", "call for"),
    ("call for", "call for"),
    ("calling for", "call for"),
    ("referring to", "refer to"),
    ("referred to", "refer to"),
    ("called on", "call on"),
    ("talked about", "talk about"),
    ("talking about", "talk about"),
    ("talks about", "talk about"),
    ("spoke about", "talk about"),
    ("spoke of", "talk about"),
    ("speaking about", "talk about"),
    ("calls on", "call on"),
    ("went on to say", "say"),
    ("goes on to say", "say"),
    ("made clear", "make clear"),
    ("makes clear", "make clear"),
    ("pointed to", "point to"),
    ("refers to", "refer to"),
    ("asked about", "ask about"),
    ("asks about", "ask about"),
    ("asking about", "ask about"),
    ("alluded to", "refer to"),
    ("alluding to", "refer to"),
    ("laid out", "lay out"),
    ("lays out", "lay out"),
    ("laying out", "lay out"),
    ("singled out", "single out"),
    ("sided with", "side with"),
    ("balked at", "balk at"),
    ("weighed in on", "weigh in"),
    ("boasted of", "boast"),
    ("boasted about", "boast"),
    ("boasts about", "boast"),
    ("bragged about", "boast"),
    ("brags about", "boast"),
    ("complained about", "complain"),
    ("complains about", "complain"),
    ("warned of", "warn"),
    ("warned about", "warn"),
    ("warns of", "warn"),
    ("points to", "point to"),
    ("pointing to", "point to"),
    ("railed against", "rail against"),
    ("rails against", "rail against"),
    ("railing against", "rail against"),
    ("voted for", "vote for"),
    ("voted against", "vote against"),
    ("votes for", "vote for"),
    ("votes against", "vote against"),
    ("pushed for", "push for"),
    ("pushing for", "push for"),
    ("pushes for", "push for"),
    ("lashed out at", "lash out"),
    ("lashing out at", "lash out"),
    ("apologized for", "apologize for"),
    ("spoke out against", "speak out"),
    ("hinted at", "hint at"),
    ("took aim at", "take aim"),
    ("takes aim at", "take aim"),
    ("went after", "go after"),
    ("made the case", "make the case"),
    ("makes the case", "make the case"),
    ("made it clear", "make clear"),
    ("makes it clear", "make clear"),
    ("weighed in", "weigh in"),
    ("shot back", "shoot back"),
    ("fired back", "fire back"),
):
    _kind = "ing" if _p.endswith("ing") or " ing" in _p or _p.split()[0].endswith("ing") else "past"
    PHRASES[_p] = CueInfo(
        _l,
        OBJECT
        if _l
        in (
            "call for",
            "refer to",
            "call on",
            "talk about",
            "point to",
            "rail against",
            "vote for",
            "vote against",
            "push for",
            "lash out",
            "apologize for",
            "speak out",
            "hint at",
            "take aim",
            "go after",
            "lay out",
            "single out",
            "side with",
            "balk at",
            "weigh in",
            "boast",
            "complain",
            "warn",
            "ask about",
        )
        else SPEECH,
        _kind,
    )


def forms_of(cls: str, form: str) -> list[str]:
    """The single-word cues of class ``cls`` in form ``form`` ("past": "said", "noted", ...)."""
    return sorted(w for w, info in _FORMS.items() if info.cls == cls and info.form == form)


def cue_info(word: str) -> CueInfo | None:
    w = word.lower()
    return PHRASES.get(w) or _FORMS.get(w)


_WORD_RE = re.compile(r"(?<![\w’'-])[A-Za-z]+(?![\w’'-])")
_PHRASE_HEADS: dict[str, list[tuple[re.Pattern[str], CueInfo]]] = {}
for _p, _info in sorted(PHRASES.items(), key=lambda kv: -len(kv[0])):
    _head, _rest = _p.split(" ", 1)
    _rx = re.compile(
        r"\s+" + r"\s+".join(re.escape(w) for w in _rest.split()) + r"(?![\w’'-])", re.I
    )
    _PHRASE_HEADS.setdefault(_head, []).append((_rx, _info))


def find_cues(text: str) -> Iterator[tuple[int, int, CueInfo]]:
    """Every cue word or phrase of ``text`` as (start, end, info)."""
    forms = _FORMS
    heads = _PHRASE_HEADS
    for m in _WORD_RE.finditer(text):
        low = m.group().lower()
        if low in heads:
            done = False
            for rx, phrase_info in heads[low]:
                pm = rx.match(text, m.end())
                if pm is not None:
                    yield m.start(), pm.end(), phrase_info
                    done = True
                    break
            if done:
                continue
        word_info = forms.get(low)
        if word_info is not None:
            yield m.start(), m.end(), word_info


# Auxiliaries and adverbs that may precede a cue and belong to the cue span.
AUX_WORDS = frozenset(
    "has have had will would could can may might should must did does do is was were are be "
    "been being 's ’s also later previously repeatedly recently once never often reportedly "
    "publicly privately then already again first further still even just not n't long "
    "frequently flatly angrily quickly simply since now however meanwhile instead only merely "
    "too".split()
)
AUX_RE = re.compile(r"\w+ly$")
