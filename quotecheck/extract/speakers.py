"""Speaker mentions: noun-phrase chunking around a cue, names, roles and coreference.

No tagger: a mention is a run of words that may belong to a noun phrase (capitalised
words, determiners, possessives, role nouns, "of"/"to"/"for" between two such words),
bounded by punctuation, function words and verbs. Names are the capitalised tail of a
mention without titles; a surname alone resolves to the latest full name ending in it;
a pronoun resolves to the latest speaker (or person named) before it; "Kim Jong-un" and
"Kim Jong Un" share one key.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from quotecheck.extract.cues import SPEECH, cue_info
from quotecheck.extract.letters import unicode_letters

__all__ = [
    "PRONOUNS",
    "np_before",
    "np_after",
    "word_ok",
    "name_and_role",
    "name_key",
    "is_state_or_country",
    "SpeakerResolver",
]

PRONOUNS = frozenset("he she they it i we you who which his her their its him them".split())
SUBJECT_PRONOUNS = frozenset("he she they it i we you who which".split())

STOP = frozenset(
    """and or but nor that which who whom whose when where while because as if than then so
    since after before until unless though although whether in on at by with from into onto
    about over under to of for against during without within through across between among
    upon via per is was are were be been being am has have had do does did will would shall
    should can could may might must not no yes also only just even still there here now very
    too however meanwhile yet already again ever never once later earlier soon today yesterday
    tomorrow tonight this these those what how why reportedly allegedly previously recently
    both either neither more most less least such same other else like unlike said says say
    told tells according around up down out off away back""".split()
) | frozenset(
    f"{aux}n{apo}t"
    for aux in "did does do was were is are has have had would could should wo ca must".split()
    for apo in "’'"
)
# "of", "to", "for", "at" may join two parts of one noun phrase ("ambassador to China").
JOINERS = frozenset("of to for at from in".split())
DETERMINERS = frozenset(
    "the a an his her their its our my your some many several most all two three four five "
    "six seven eight nine ten one another other each every few both".split()
)
TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. lt lt. col col. prof
    prof. rev rev. sgt sgt. capt capt. maj maj. adm adm. president prime minister secretary
    senator governor representative congressman congresswoman chairman chairwoman chair
    ambassador judge justice mayor general leader director spokesman spokeswoman spokesperson
    sir dame lord lady king queen prince princess pope cardinal bishop father sister brother
    former vice deputy acting chief foreign defense defence state premier chancellor
    candidate nominee speaker commissioner attorney professor dean officer minister's
    presidential republican democratic democrat gop u.s. us american presumptive councillor
    councilor councilman councilwoman alderman""".split()
)

_TITLE_PARTS = TITLES | frozenset("lieutenant major rear field ex co".split())


def _is_title(word: str) -> bool:
    """A title word, hyphenated compounds included ("Secretary-General", "Vice-President")."""
    low = word.lower()
    if low in TITLES:
        return True
    parts = low.split("-")
    return len(parts) > 1 and all(p in _TITLE_PARTS for p in parts)


COUNTRIES = frozenset(
    c.lower()
    for c in """Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan
    Bahrain Bangladesh Belarus Belgium Bolivia Brazil Bulgaria Cambodia Canada Chile China
    Colombia Croatia Cuba Cyprus Denmark Egypt Estonia Ethiopia Finland France Georgia Germany
    Ghana Greece Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Japan Jordan
    Kazakhstan Kenya Kuwait Latvia Lebanon Libya Lithuania Malaysia Mexico Moldova Mongolia
    Morocco Myanmar Nepal Netherlands Nigeria Norway Oman Pakistan Palestine Panama Peru
    Philippines Poland Portugal Qatar Romania Russia Serbia Singapore Slovakia Slovenia Somalia
    Spain Sudan Sweden Switzerland Syria Taiwan Thailand Tunisia Turkey Ukraine Uruguay
    Uzbekistan Venezuela Vietnam Yemen Zimbabwe""".split()
) | frozenset(
    c.lower()
    for c in (
        "North Korea",
        "South Korea",
        "United States",
        "United Kingdom",
        "Saudi Arabia",
        "New Zealand",
        "South Africa",
        "Czech Republic",
        "United Arab Emirates",
    )
)
_ROLE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson spokespeople member members director head chairman
    chairwoman chair aide aides adviser advisers advisor official officials leader leaders
    president secretary minister ambassador representative representatives professor expert
    experts analyst analysts counsel lawyer lawyers attorney manager executive executives
    staff staffer staffers supporters supporter voters critics allies ally friend friends
    students group groups""".split()
)
_QUANTIFIERS = frozenset("most many some several all both others few half".split())
_WORD = re.compile(r"[\w’'.&%-]+(?:/[\w’'.&%-]+)*|\([^()\n]{1,20}\)|\S")
# "52 percent of voters", "half of Democrats", "four in 10": a share joined by of/in
_SHARE_NOUNS = frozenset(
    """percent half majority majorities most many some all each none one third thirds quarter
    quarters share number plurality minority members dozens hundreds thousands millions
    fraction portion two three four five six seven eight nine ten""".split()
)
_NUMBER = re.compile(r"^\d[\d,.]*%?$|^(?:one|two|three|four|five|six|seven|eight|nine|ten)$", re.I)
_APPROX = frozenset("about nearly almost roughly some only just around approximately over".split())
_TIME = re.compile(
    r"(?:\s*,?\s*(?:on|last|this|early|earlier|late|later)?\s*"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|"
    r"yesterday|today|tonight|morning|afternoon|evening|night)s?"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*)$"
)


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def word_ok(word: str) -> bool:
    """Whether ``word`` may be part of a noun phrase (no function word, verb or adverb)."""
    low = word.lower().strip(".")
    if not word or not (word[0].isalnum() or word[0] == "("):
        return False
    if word[0] == "(":
        return len(word) > 2 and word.endswith(")")  # "(R-S.C.)", not a lone bracket
    if low in STOP and not (_is_cap(word) and low not in _FUNC_CAPS_STOP):
        return False
    if word[0].islower() and (low in _NOUNS_NOT_CUES or low[:-1] in _NOUNS_NOT_CUES):
        return True  # "state media", "the report", "a post"
    return not (word[0].islower() and (cue_info(word) is not None or low.endswith("ly")))


_NOUNS_NOT_CUES = frozenset("state report post statement call show support".split())

# First names that are also modals or months ("Will Doyle", "Ann May", "Theresa May"): a name
# only next to another capitalised name word, not after a date's preposition ("In May Trump
# said" is the month) and not in a Title Case headline ("Americans Will Say No to Trump")
NAME_OR_FUNCTION_WORD = frozenset("will may".split())
_DATE_LEAD = frozenset("in on by since until during through from of last next early late".split())


def _name_neighbour(word: str) -> bool:
    low = word.lower()
    return bool(_NAME_TOKEN.match(word)) and low not in STOP and low not in NAME_OR_FUNCTION_WORD


_POSSESSIVE_DET = frozenset("his her their its our my your".split())
_NOT_POSSESSOR = frozenset("he she it that there what here who where".split())


def _possessive(word: str) -> bool:
    """ "Cruz's", "voters’", "his": a possessor (not "he's", "that's": is / has)."""
    low = word.lower().replace("’", "'")
    if low in _POSSESSIVE_DET:
        return True
    if low.endswith("s'"):
        return True
    return low.endswith("'s") and low[:-2] not in _NOT_POSSESSOR


def _token_ok(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Token ``i``, which ``word_ok`` refused, belongs to a noun phrase in context: "Will"
    and "May" inside a name, a gerund after a possessive."""
    word = toks[i][2]
    if i > 0 and word[:1].islower() and _possessive(toks[i - 1][2]):
        info = cue_info(word)
        if info is not None and info.form == "ing":
            # "familiar with Cruz's thinking said", "USA TODAY's reporting indicated": a
            # gerund after a possessive is a noun (a plain noun, "Trump's tweet", is not
            # taken: as a subject it is rarely a speaker)
            return True
    if word.lower().rstrip(".") not in NAME_OR_FUNCTION_WORD or not word[:1].isupper():
        return False
    prev = toks[i - 1][2] if i > 0 else ""
    if prev.lower() in _DATE_LEAD:
        return False
    # the two words after it (the window may end here: np_before stops at the cue)
    after = [w for _s, _e, w in toks[i + 1 : i + 3]]
    if len(after) < 2:
        after += [w for _s, _e, w in _tokens(text, toks[-1][1], toks[-1][1] + 40)][: 2 - len(after)]
    nxt, then = (after + ["", ""])[:2]
    if _name_neighbour(nxt):
        return not _NAME_TOKEN.match(then)  # "Will Doyle said", not "Will Run Ads"
    return _name_neighbour(prev) and not _NAME_TOKEN.match(nxt)  # "Ann May said"


# Function words that stay stop words when capitalised at a sentence start.
_FUNC_CAPS_STOP = frozenset(
    """and or but that which who when where while because as if than then so since after
    before in on at by with from into about over to of for during without through is was are
    were has have had will would can could may might also this these those what how why
    however meanwhile still yet there here now later earlier according said says""".split()
)


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]


# "Jane Doe at a press conference said": where it was said is no part of the speaker
_VENUE = (
    r"\s+(?:at|during|in)\s+(?:a|an|the|her|his|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:press\s+conference|news\s+conference|rally|interview|briefing|hearing|speech"
    r"|town\s+hall|debate|statement|news\s+release|press\s+release)s?"
)
_TRAILING_VENUE = re.compile(_VENUE + r"\s*\Z", re.I)
# "said Mayor Jane Doe at a press conference.": the same after an inverted cue
_VENUE_AFTER = re.compile(_VENUE + r"(?![\w-])", re.I)


def np_before(text: str, lo: int, end: int, max_words: int = 10) -> tuple[int, int] | None:
    """The noun phrase ending at ``end`` (just before a cue), scanning back no further than lo."""
    venue = _TRAILING_VENUE.search(text, max(lo, end - 80), end)
    if venue is not None:
        end = venue.start()
    toks = _tokens(text, max(lo, end - 160), end)
    if not toks:
        return None
    # the first token may be cut in half by the window: drop it unless window hit lo
    if toks[0][0] > lo and end - 160 > lo:
        toks = toks[1:]
    i = len(toks) - 1
    last = toks[i][2]
    if last.lower() in SUBJECT_PRONOUNS:
        return toks[i][0], toks[i][1]
    if not (word_ok(last) or _token_ok(text, toks, i)) and last.lower() not in _QUANTIFIERS:
        return None
    start_i = i
    count = 0
    while i >= 0 and count < max_words:
        s, e, w = toks[i]
        low = w.lower()
        if low == "with" and i > 0 and start_i != i and toks[i - 1][2].lower() == "familiar":
            i -= 1  # "people familiar with the matter"
            count += 1
            continue
        if low in JOINERS and i > 0 and start_i != i and word_ok(toks[i - 1][2]):
            # joiner inside a phrase: only if the word after it is capitalised
            after = toks[i + 1][2].lower()
            left = toks[i - 1][2].lower()
            if (
                not _is_cap(toks[i + 1][2])
                and after not in DETERMINERS
                and after not in ("him", "her", "them", "me", "us")
                and not (low in ("of", "for") and left in _ROLE_NOUNS)
                and not (low == "of" and left in _SHARE_NOUNS)
                and not (low == "in" and _NUMBER.match(left) and _NUMBER.match(after))
            ):
                break
            i -= 1
            count += 1
            continue
        if low in ("and", "&") and start_i != i and i > 0:
            # coordinated subjects: "Ann Ford and Leo Park", "he and his lawyer"
            prev = toks[i - 1][2]
            p_low = prev.lower()
            if p_low in ("he", "she", "i", "we", "they"):
                start_i = i - 1
                break
            if (_is_cap(prev) and word_ok(prev) and p_low not in _FUNC_CAPS_STOP) or (
                p_low in _ROLE_NOUNS
            ):
                i -= 1
                count += 1
                continue
            break
        if not (word_ok(w) or _token_ok(text, toks, i)) and low not in DETERMINERS:
            break
        if low in PRONOUNS and low not in ("his", "her", "their", "its"):
            break
        start_i = i
        i -= 1
        count += 1
    # "About four in 10", "more than 40 percent of voters"
    if (
        start_i < len(toks)
        and start_i > 0
        and (_NUMBER.match(toks[start_i][2]) or toks[start_i][2].lower() in _SHARE_NOUNS)
    ):
        prev = toks[start_i - 1][2].lower()
        if prev in _APPROX:
            start_i -= 1
        elif (
            prev == "than"
            and start_i > 1
            and toks[start_i - 2][2].lower() in ("more", "less", "fewer")
        ):
            start_i -= 2
        elif prev == "least" and start_i > 1 and toks[start_i - 2][2].lower() == "at":
            start_i -= 2
    # leading joiner is not part of the phrase
    while start_i < len(toks) and toks[start_i][2].lower() in JOINERS:
        start_i += 1
    if start_i >= len(toks):
        return None
    return toks[start_i][0], toks[-1][1]


def np_after(text: str, start: int, hi: int, max_words: int = 10) -> tuple[int, int] | None:
    """The noun phrase starting at ``start`` (after an inverted cue: "said James Lewis")."""
    toks = _tokens(text, start, min(hi, start + 160))
    if not toks:
        return None
    first = toks[0][2]
    if first.lower() in SUBJECT_PRONOUNS - {"who", "which"}:
        return toks[0][0], toks[0][1]
    end_i = -1
    seen_cap = False
    for i, (_s, _e, w) in enumerate(toks[:max_words]):
        low = w.lower()
        if seen_cap and w[:1].islower() and (low.endswith("ed") or cue_info(low) is not None):
            break  # "Calvin Williams lobbied": a past tense after a name is a verb
        if _is_cap(w):
            seen_cap = True
        if low in JOINERS and end_i >= 0 and i + 1 < len(toks):
            nxt = toks[i + 1][2]
            if _is_cap(nxt) or nxt.lower() in DETERMINERS:
                continue
            break
        if not (word_ok(w) or _token_ok(text, toks, i)) and low not in DETERMINERS:
            break
        if i > 0 and (low in PRONOUNS or _CONTRACTION.sub("", low) in SUBJECT_PRONOUNS):
            break  # "told The Dayton Ledger he’s not ...": the recipient ends before "he’s"
        end_i = i
    if end_i < 0:
        return None
    end = toks[end_i][1]
    venue = _VENUE_AFTER.search(text, toks[0][0], end)
    if venue is not None:
        end = venue.start()
    return toks[0][0], end


_CONTRACTION = re.compile(r"[’'](?:s|d|ll|re|ve|m)$")
_NAME_TOKEN = re.compile(unicode_letters(r"^[A-Z][\w’'.-]*$"))


def name_key(name: str) -> str:
    """Key under which name variants meet: case, hyphens and dots do not matter."""
    x = name.replace("’", "'").lower()
    x = re.sub(r"[-‐–.]", " ", x)
    x = re.sub(r"'s$", "", x)
    return " ".join(x.split())


def _strip_possessive(word: str) -> str:
    for suffix in ("’s", "'s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def name_and_role(mention: str) -> tuple[str | None, str | None]:
    """Split a mention into a proper name and a role.

    "Japanese prime minister Fumio Kishida" -> ("Fumio Kishida", "Japanese prime minister");
    "North Korea's ambassador to China, Ri Ryong Nam" -> ("Ri Ryong Nam", "North Korea's
    ambassador to China"); "the official" -> (None, "the official").
    """
    # a long bracketed aside is no part of the name: "Sen. Carl Brandt (a councillor ...)"
    mention = re.sub(r"\s*\([^()]{21,}\)\s*$", "", mention)
    parts = _hometowns_apart([p.strip() for p in mention.strip(" ,").split(",") if p.strip()])
    if not parts:
        return None, None
    best_name: str | None = None
    best_role: list[str] = []
    for idx, part in enumerate(parts):
        name, role = (None, None) if part.startswith(_HOMETOWN_MARK) else _name_in_part(part)
        if name and best_name is None:
            best_name = name
            if role:
                best_role.append(role)
            # a who-clause is no role ("Mayor Helen Carter, who has championed ..."); an
            # appositive role loses its article ("The chairman of X, NAME" -> "chairman of X")
            # nor is an age ("Sakie Yokota, 87, whose daughter ...")
            best_role.extend(
                _strip_article(p)
                for j, p in enumerate(q.lstrip(_HOMETOWN_MARK) for q in parts)
                if j != idx and not _RELATIVE_PART.match(p) and not _AGE.fullmatch(p)
            )
            break
    if best_name is None:
        return None, mention.strip(" ,")
    role_text = ", ".join(r for r in best_role if r) or None
    if role_text is not None and role_text.lower() in _COMMON_TITLES:
        # "Leader Kim Jong Un" at a sentence start: the noun, not a formal title ("Mayor")
        role_text = role_text.lower()
    return best_name, role_text


_AGE = re.compile(r"\d{1,3}")
# title words that are common nouns: capitalised only by their place before a name
_COMMON_TITLES = frozenset(
    """leader spokesman spokeswoman spokesperson chairman chairwoman chair director
    candidate nominee officer chief deputy""".split()
)


# US states as the AP writes them, spelled out or abbreviated, for hometowns ("of Madison,
# Alabama", "of Derry, N.H."); keys as ``name_key`` makes them
_TWO_WORD_STATES = frozenset(
    (
        "New Hampshire",
        "New Jersey",
        "New Mexico",
        "New York",
        "North Carolina",
        "North Dakota",
        "Rhode Island",
        "South Carolina",
        "South Dakota",
        "West Virginia",
    )
)
_US_STATES = frozenset(
    name_key(s)
    for s in """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida
    Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
    Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma
    Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming Ala.
    Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. Minn.
    Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn.
    Vt. Va. Wash. W.Va. Wis. Wyo. D.C.""".split()
) | frozenset(name_key(s) for s in _TWO_WORD_STATES)
# "Donald Hartley of Madison, Alabama": a town, a comma and a state after the name
_HOMETOWN = re.compile(
    unicode_letters(r"(.*\S)\s+((?:of|from)\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})")
)
_HOMETOWN_MARK = "\x00"  # a part that is a hometown, never a name


def _hometowns_apart(parts: list[str]) -> list[str]:
    """Split "NAME of TOWN" + "STATE" into "NAME" and one hometown part ("of Madison,
    Alabama"), so that the state is never taken for the speaker's name."""
    out: list[str] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        m = (
            _HOMETOWN.fullmatch(part)
            if i + 1 < len(parts) and is_state_or_country(parts[i + 1])
            else None
        )
        if m is not None:
            if _name_in_part(m.group(1))[0] is not None:
                out += [m.group(1), f"{_HOMETOWN_MARK}{m.group(2)}, {parts[i + 1]}"]
            else:  # "a nurse from Brownsville, Texas": one role, no name
                out.append(f"{_HOMETOWN_MARK}{part}, {parts[i + 1]}")
            i += 2
            continue
        out.append(part)
        i += 1
    return out


def is_state_or_country(part: str) -> bool:
    if not part[:1].isupper() or len(part) > 20:
        return False  # the cheap test first: most parts are no place
    key = name_key(part)
    return key in _US_STATES or key in COUNTRIES


_ORG_HEADS = frozenset(
    """party committee administration department house senate congress convention campaign
    government council ministry office agency commission court caucus""".split()
)
# title words that are also surnames ("Robert King", "Ann Judge")
_SURNAME_TITLES = frozenset("king judge bishop dean prince".split())
_RELATIVE_PART = re.compile(r"(?i)(?:who|whom|whose|which|that)\b")


def _name_in_part(part: str) -> tuple[str | None, str | None]:
    words = part.split()
    # trailing run of capitalised words that are not titles
    j = len(words)
    if (
        len(words) >= 2
        and words[-1].lower() in _SURNAME_TITLES
        and _NAME_TOKEN.match(words[-1])
        and _NAME_TOKEN.match(words[-2])
        and words[-2].lower() not in TITLES
        and not words[-2].endswith(("’s", "'s"))
    ):
        j -= 1  # "Robert King": a title word that is the surname of a name
    while j > 0 and _NAME_TOKEN.match(words[j - 1]) and not _is_title(words[j - 1]):
        j -= 1
    # allow particles inside names ("de", "van", "bin")
    while (
        j > 1
        and words[j - 1].lower() in ("de", "van", "von", "bin", "al", "da", "del", "la", "le")
        and _NAME_TOKEN.match(words[j - 2])
        and not _is_title(words[j - 2])
    ):
        j -= 2
        while j > 0 and _NAME_TOKEN.match(words[j - 1]) and not _is_title(words[j - 1]):
            j -= 1
    if j < len(words) and words[-1].lower().rstrip("’'s") in _ORG_HEADS:
        # "the Republican National Committee", "the State Department": a body's name, whose
        # adjectives are title words elsewhere
        while j > 0 and _NAME_TOKEN.match(words[j - 1]) and words[j - 1].lower() != "the":
            j -= 1
    role_end = j
    if j < len(words) - 1 and words[j] == "The":
        j += 1  # "The White House": the article is no part of the name (nor of a role)
    name_words = words[j:]
    if name_words and role_end > 0 and words[role_end - 1].lower() in JOINERS:
        return None, None  # "ambassador to China": China is no speaker here
    # a parenthesised party tag "(R-S.C.)" ends a name
    if not name_words and words and words[-1].startswith("("):
        return _name_in_part(" ".join(words[:-1]))
    if not name_words:
        return None, None
    if name_words[-1].endswith(("’s", "'s")):
        return None, None  # "Kishida's wish" is not a speaker
    role = " ".join(words[:role_end]).strip() or None
    if role is not None and role.lower() in ("the", "a", "an"):
        role = None
    if role is not None and _NO_ROLE.match(role):
        role = None  # "the official Korean Central News Agency": what it is, no role
    return " ".join(name_words), role


# Adjectives of an agency's name that are no role of a speaker
_NO_ROLE = re.compile(
    r"^(?:(?:the|an?)\s+)?(?:official|semi-?official|state-(?:run|owned|controlled)"
    r"|government-(?:run|owned|controlled)|state|national)$",
    re.I,
)


@dataclass
class _Entity:
    name: str
    key: str
    position: int
    role: str | None = None


def _name_not_date(words: list[str], k: int) -> bool:
    """ "Will Doyle", "Chairman Will Rogers": "Will"/"May" opens a name; "In May Trump" not."""
    return words[k].lower() in NAME_OR_FUNCTION_WORD and (
        k == 0 or words[k - 1].lower() not in _DATE_LEAD
    )


def _is_finite_speech_cue(word: str) -> bool:
    info = cue_info(word)
    return info is not None and info.cls == SPEECH and info.form in ("past", "third")


class SpeakerResolver:
    """Document-level registry of names, used to resolve surnames, roles and pronouns."""

    _FULL_NAME = re.compile(
        # a name word may have inner capitals: "McCain", "O’Malley", "DeLuca", "Jong-Un"
        unicode_letters(
            r"(?<![\w’'-])(?:[A-Z][a-z’'-]+(?:[A-Z][a-z’'-]+)*|[A-Z]\.)"
            r"(?:\s+(?:[A-Z][a-z’'-]+(?:[A-Z][a-z’'-]+)*|[A-Z]\.|Jr\.?))+"
        )
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: list[_Entity] = []
        self._positions: list[int] = []  # sorted positions, parallel to _sorted
        self._sorted: list[_Entity] = []
        self._by_token: dict[str, list[_Entity]] = {}  # first/last word -> full names
        self._by_key: dict[str, str] = {}
        self._roles: dict[str, str] = {}
        self._role_of: dict[str, str] = {}
        for m in self._FULL_NAME.finditer(text):
            name = m.group()
            words = name.split()
            # "Japan's Prime Minister Fumio Kishida": the name follows the last title/possessive
            cut = 0
            for k, w in enumerate(words[:-1]):
                low = w.lower()
                if (
                    _is_title(w)
                    or low.endswith(("'s", "’s"))
                    or (low.strip(".") in STOP and not _name_not_date(words, k))
                    or (k == 0 and _is_finite_speech_cue(w))  # "Continued Stone: “…”"
                ):
                    cut = k + 1
            words = words[cut:]
            if words and words[-1].lower() in ("says", "tells"):
                words = words[:-1]  # "Lang Says" in a headline ("Edward Said" is a name)
            while words and (
                _is_title(words[0])
                or words[0].lower().strip(".") in STOP
                and words[0].lower() not in NAME_OR_FUNCTION_WORD
                or words[0].lower() in DETERMINERS
            ):
                words = words[1:]
            if len(words) < 2:
                continue
            words[-1] = _strip_possessive(words[-1])
            name = " ".join(words)
            if len(words) == 2 and name.title() in _TWO_WORD_STATES:
                continue  # "South Carolina" is no person a later "he" may stand for
            self._add(name, m.start())

    def _add(self, name: str, position: int, role: str | None = None) -> str:
        key = name_key(name)
        canonical = self._by_key.setdefault(key, name)
        self._remember(_Entity(canonical, key, position, role))
        if role:
            self._roles.setdefault(_role_key(role), canonical)
        return canonical

    def _remember(self, ent: _Entity) -> None:
        self.entities.append(ent)
        i = bisect.bisect_right(self._positions, ent.position)
        self._positions.insert(i, ent.position)
        self._sorted.insert(i, ent)
        parts = ent.key.split()
        if len(parts) >= 2:
            for token in {parts[0], parts[-1]}:
                self._by_token.setdefault(token, []).append(ent)

    def canonical(self, mention: str, position: int) -> tuple[str, str | None]:
        """Canonical speaker name and role for a (non-pronoun) mention at ``position``."""
        name, role = name_and_role(mention)
        if name is not None and role is None and name_key(name) in COUNTRIES:
            return name, "state"  # "North Korea has announced": a country speaks
        if name is None:
            found = self._roles.get(_role_key(mention))
            if found:
                return found, None
            org = _ORGANISATION.fullmatch(_clean_mention(mention))
            if org is not None and not _is_title(org.group(1).split()[-1]):
                # "the Office for Budget Responsibility": a body's name, without its article
                return org.group(1), None
            return _clean_mention(mention), role
        key = name_key(name)
        if key in self._by_key:
            canonical = self._by_key[key]
        else:
            canonical = self._surname(key, position) or name
        if role:
            self._roles.setdefault(_role_key(role), canonical)
            self._role_of.setdefault(canonical, role)
        else:
            role = self._role_of.get(canonical)
        self._remember(_Entity(canonical, name_key(canonical), position, role))
        return canonical, role

    def role_of(self, name: str) -> str | None:
        """The role seen with ``name`` earlier in the document, if any."""
        return self._role_of.get(name)

    def nearest(self, position: int) -> str | None:
        """The person named last before ``position`` (for a pronoun), if any."""
        i = bisect.bisect_left(self._positions, position)
        return self._sorted[i - 1].name if i > 0 else None

    def person_at(self, position: int) -> str | None:
        """The full name registered exactly at ``position`` (a sentence's subject), if any."""
        i = bisect.bisect_left(self._positions, position)
        if i < len(self._positions) and self._positions[i] == position:
            return self._sorted[i].name
        return None

    def _surname(self, key: str, position: int) -> str | None:
        if " " in key:
            return None
        best: _Entity | None = None
        for ent in self._by_token.get(key, ()):
            if best is None:
                best = ent
                continue
            before, best_before = ent.position <= position, best.position <= position
            # prefer the latest mention before; else the earliest after; last name over first
            if (
                before
                and (not best_before or ent.position > best.position)
                or not before
                and not best_before
                and ent.position < best.position
            ):
                best = ent
        return best.name if best else None


# "the Office for Budget Responsibility", "The Institute for Fiscal Studies": an article, then
# capitalised words joined by "of"/"for"/"and"/"on"
_ORGANISATION = re.compile(
    unicode_letters(
        r"(?:[Tt]he)\s+([A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w’'.&-]*)+)"
    )
)


def _strip_article(part: str) -> str:
    words = part.split(maxsplit=2)
    if len(words) > 1 and words[1].endswith(("’s", "'s")):
        return part  # "the council's chief planner": the article is the possessor's
    for article in ("The ", "the ", "A ", "a ", "An ", "an "):
        if part.startswith(article) and len(part) > len(article):
            return part[len(article) :]
    return part


def _role_key(role: str) -> str:
    x = name_key(role)
    for article in ("the ", "a ", "an "):
        if x.startswith(article):
            x = x[len(article) :]
    return x


def _clean_mention(mention: str) -> str:
    return " ".join(mention.strip(" ,").split())
