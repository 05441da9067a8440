"""The rule-based extraction engine (see the package docstring for the rules)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from quotecheck.extract.cues import (
    AUX_WORDS,
    BELIEF,
    OBJECT,
    SPEECH,
    TO_ONLY,
    CueInfo,
    cue_info,
    find_cues,
    forms_of,
)
from quotecheck.extract.gazetteer import CHANNEL_KINDS, Gazetteer, default_gazetteer
from quotecheck.extract.letters import unicode_letters
from quotecheck.extract.quotes import QuoteSpan, find_quotes, top_level
from quotecheck.extract.sentences import paragraph_bounds, split_sentences
from quotecheck.extract.speakers import (
    DETERMINERS,
    PRONOUNS,
    STOP,
    SUBJECT_PRONOUNS,
    SpeakerResolver,
    is_state_or_country,
    name_and_role,
    np_after,
    np_before,
    word_ok,
)
from quotecheck.model import Attribution, Kind

__all__ = ["extract"]

_STRIP = " \t\r\n\u00a0,;:"
_ACCORDING = re.compile(r"(?<![\w-])according\s+to(?![\w-])", re.IGNORECASE)
_QUOTING = re.compile(r"\s*Quoting\s+([^,]{3,80}),\s*", re.IGNORECASE)
_HEADLINE = re.compile(
    unicode_letters(
        r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}(?:\s+\([^()\n]{1,20}\))?)\s*:\s*(?=\S)"
    )
)
# Interview transcripts: paragraphs opening with a question or answer marker
_QA_MARKER = re.compile(r"[ \t]*(?P<marker>Q|QUESTION|(?P<answer>A|ANSWER))\s*[:.](?=\s)")
# a transcript's speaker in capitals ("HILL: I think ...", "JAKE TAPPER: ...")
_TRANSCRIPT_NAME = re.compile(
    unicode_letters(r"[ \t]*(?P<name>[A-Z][A-Z’'.-]+(?:\s+[A-Z][A-Z’'.-]+){0,2})\s*:\s+(?=\S)")
)
_QA_NAME = (
    r"(?!(?:The|A|An|This|Our|By)\s)[A-Z][\w’'-]+"
    r"(?:\s+(?:[A-Z][\w’'.-]+|(?:de|van|von|bin|al)\b)){1,3}"
)
# the interviewee named in the introduction: "Christopher Hill, a former US envoy, spoke to
# the Herald", "in an interview with Christopher Hill", "Q&A with Vice President Joe Biden",
# "The Herald spoke to Christopher Hill"
_INTERVIEWEE = re.compile(
    unicode_letters(
        r"(?:^|(?<=[.!?\n]))\s*(" + _QA_NAME + r")(?:,[^\n]{0,200}?,)?\s+"
        r"(?:spoke|talked|speaks|talks|sat\s+down|told)\b"
        r"|(?:\b(?:interview|conversation)|Q&A)\s+with\s+(" + _QA_NAME + r")"
        r"|\b(?:spoke|talked|speaks|talks)\s+(?:to|with)\s+(" + _QA_NAME + r")\b"
    )
)
_HEADLINE_STOP = frozenset(
    """update updated note related photo source sources watch read breaking correction
    editor abstract full text video audio listen caption credit disclosure reporting
    advertisement warning update exclusive analysis opinion commentary live q a pm am
    also see more latest daily""".split()
)
_QUOTED_IN = re.compile(
    r"(?:This|That|It|These|Those|The\s+(?:statement|remarks?|comments?|announcement|"
    r"quote|words))\s+(?:was|were|is|are|has\s+been|had\s+been)\s+(?:also\s+)?"
    r"(?:quoted|reported|carried|published|broadcast|cited|relayed)\s+(?:in|by|on)\s+(.+?)"
    r"[.!]?$",
    re.IGNORECASE | re.DOTALL,
)
# Time and manner phrases between a subject and its cue, or after a cue.
_SKIP_BEFORE = re.compile(
    r"\s(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?|(?:last|this|earlier|later)\s+"
    r"(?:week|month|year)|yesterday|today|tonight|on\s+[A-Z][a-z]+\.?\s+\d{1,2})\s*$"
)
_ADVERBIAL_AFTER = re.compile(
    unicode_letters(
        r"\s*,?\s*(?:"
        r"(?:on|last|this|early|earlier|late|later)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
        r"Saturday|Sunday|week|month|year|night|morning|afternoon|evening)"
        r"(?:\s+(?:morning|afternoon|evening|night))?"
        r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)"
        r"(?:\s+(?:morning|afternoon|evening|night))?"
        r"|(?:in|at|during|on|via|over|through)\s+(?:a|an|the|his|her|their|its|another)\s+"
        r"(?:[\w’'-]+\s+){0,4}(?:statement|interview|speech|report|conference|briefing|"
        r"release|post|tweet|email|e-mail|letter|op-ed|appearance|address|call|message|session|"
        r"meeting|rally|hearing|debate|video|broadcast|show|program|programme|event|column|"
        r"blog|memo|note|remarks|news\s+conference|press\s+conference|Parliament|Diet|Assembly)"
        r"(?:\s+(?:with|at|to|on|in|before|for)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,5})?"
        # "in a statement carried by KCNA", "released by the official Korean Central News Agency"
        r"(?:\s*,?\s+(?:carried|released|published|issued|distributed|posted|run|relayed)\s+"
        r"(?:by|on|in)\s+(?:the\s+)?(?:(?:official|state|state-run|state-owned)\s+)*"
        r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,5}(?:\s+(?:news\s+agency|agency|newspaper))?)?"
        r"|(?:on|via)\s+(?:Twitter|Facebook|Instagram|X|Telegram|CNN|Fox|MSNBC|NBC|ABC|CBS|NPR|"
        r"television|TV|radio)"
        r"|(?:in|at)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}"
        r"|via\s+email|by\s+phone|by\s+telephone"
        r"|to\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}(?=\s*:)"
        r"|(?<=,)\s*[^,.;:!?\"“”]{1,40},(?=\s*that\s)"
        r"|for\s+(?:weeks|months|years|days|decades|a\s+long\s+time|some\s+time)"
        r"|(?:only|simply|merely|also|again|instead|[a-z]+ly|later|since|then|too|once|before|"
        r"afterward|afterwards|first|last)(?=\s*,?\s+that\b)"
        r"|(?:earlier|later|recently|previously|repeatedly|publicly|privately|again|once|first)"
        r"(?=\s+(?:on|in|at|during|this|last|that)\s)"
        r"|(?:of|about)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:[A-Z][\w’'.-]*|[a-z]+)"
        r"(?:\s+[\w’'.-]+){0,5}?(?=\s*[,:]\s*(?:[\"“]|''))"
        r")(?=[\s,.:;\"“]|$)"
    )
)
# a finite verb after a new subject ("as opposition lawmakers accused him")
_FINITE = (
    r"(?:[a-z]{3,}ed|[a-z]{3,}s|was|were|is|are|has|have|had|will|would|could|can|did|do|does|"
    r"said|told|took|made|came|went|began|saw|grew)"
)
# the reporter's words after the quoted ones: "“at any time,” as lawmakers accused him",
# "“for now,” even as Seoul pushed", "“a step forward,” amid protests"; not when more of the
# speaker's quoted words follow ("“A,” while “B”": one statement)
_REPORTER_AFTER_QUOTE = (
    r"|(?<=,[”\"’])\s+(?:(?:while|whereas|even\s+as|amid|amidst)\b"
    r"|as\s+(?=(?:[\w’'.-]+\s+){1,4}?" + _FINITE + r"\b))"
    r"(?![^.!?“\"]{0,300}[“\"])"
)
_CLAUSE_CUTS = re.compile(
    unicode_letters(
        r",\s+(?:according\s+to|(?!including\b|during\b|something\b|nothing\b|anything\b)\w+ing|"
        r"who|whose|but(?!\s+that\b)|even\s+as|he\s+said|she\s+said|they\s+said|"
        r"he\s+added|she\s+added|\w+\s+said|and\s+(?:also\s+)?(?:[a-z]+ed|has|had|is|was|will|would|"
        r"did|does|said|told))\b|\s+[—–]\s+|\s+--\s+|\s*;"
        r"|(?<=,[”\"’])\s+(?:(?!including\b|during\b)[a-z]+ing|according\s+to)\b"
        r"|(?<=[”\"’])\s+and\s+(?:[a-z]+ing|has|have|had|is|was|will|would)\b"
        r"|,\s+(?:while|whereas)\b"
        r"|\s+and\s+(?:also\s+|then\s+|later\s+)?(?:said|says|told|tells|added|adds)\b"
        # "said A and suggested that B": two statements, as PolNeAR annotates them
        r"|\s+and\s+(?:also\s+)?(?:" + "|".join(forms_of(SPEECH, "past")) + r")\s+that\b"
        r"|(?<=[”\"])\s+and\s+(?:also\s+)?(?:[a-z]+ed|said|told|says|tells|adds|calls|wrote)\b"
        r"|,\s+which\s+(?:[\w’'.-]+\s+){1,5}?(?:said|says|claimed|claims|declared|described|called|"
        r"calls|argued|argues|insisted|noted|wrote|believes|believed|thinks|thought)\b"
        r"|,\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s+(?:said|reported|says|reports|added|wrote)"
        r"(?=\s*[.!?]?\s*$)" + _REPORTER_AFTER_QUOTE
    )
)
_DASH = re.compile(r"\s+(?:[—–]|--)\s+|\s*[—–]\s*(?=\w)")
# Where an appositive after an inverted speaker ends: a quotation, a participle cue, a dash.
_APPOSITIVE_STOP = re.compile(
    r",?\s+(?:[\"“]|''|``)|,\s+(?:(?!including\b|managing\b)[a-z]+ing|according|though|but|"
    r"and\s+(?:[a-z]+ed|said))\b"
    r"|,\s+who\s+(?:also\s+|later\s+)?(?:said|says|told|tells|added)\b"
    r"|\s+[—–]\s+|\s+--\s+|;"
)
SEEM = frozenset(("seem", "appear"))
_ACCORDING_STOP = re.compile(r",|;|\s[—–]\s|\s--\s|\s\(|:")
_RELATIVE = re.compile(
    r"(?<![\w’'])(which|that|who|whom|what)\s+(?:[\w’'.-]+\s+){0,5}$", re.IGNORECASE
)
_SEEM_NEXT = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:to|like|that|as\s+if|as\s+though|ready|poised|certain|likely|"
    r"unlikely|willing|eager|more|less|increasingly|set|headed|determined|intent|open|closer|sure|"
    r"not|unable|reluctant|happy|content|confident|comfortable|resigned|destined)\b"
)
_SUBORDINATE = re.compile(
    r"(?:^|(?<=[\s,;:(]))(?:while|though|although|if|when|whenever|because|since|once|until|"
    r"unless|whereas|even\s+though|even\s+if|as\s+soon\s+as)\s+$",
    re.IGNORECASE,
)
_SUBORDINATORS = frozenset("while although though if because since as when whereas unless".split())
# An aside between a subject and its verb, not an appositive: "X, for his part, said".
_ASIDE_START = frozenset(
    """for in by on at of from with according after during like unlike meanwhile however
    though too still instead again""".split()
)
_CLAUSE_OPENER = re.compile(
    r"(?<![\w’'])(?:when|as|while|because|after|before|since|until|once|whereas)\s+", re.IGNORECASE
)
_NOT_SUBJECT = frozenset("hours minutes days weeks months years moments despite".split())
_VERB_AFTER_COMMA = re.compile(
    r",\s+(?:has|have|had|is|was|are|were|will|would|can|could|should|must|did|does|do|may|"
    r"might)\b"
)
# The noun first (cheap to find), then its possessor just before it.
_NOMINAL_NOUN = re.compile(
    r"(?<![\w’'-])(?:claims?|promises?|pledges?|vows?|warnings?|assertions?|arguments?|"
    r"suggestions?|insistence|accusations?|allegations?|remarks?|comments?|demands?|threats?|"
    r"proposals?|announcement|predictions?|contention|denials?|complaints?|admission|"
    r"explanation|assurances?|statements?|calls?|charges?)(?=\s+(?:that|to)\s)"
)
_NOMINAL_POSS = re.compile(
    unicode_letters(
        r"(?P<poss>(?<![\w’'])(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|(?<![\w’'])[A-Z][\w.’'-]*"
        r"(?:\s+[A-Z][\w.’'-]*){0,3}[’']s)\s+(?:(?:earlier|latest|repeated|recent|new|frequent|"
        r"own|initial|public|false|bold|controversial|previous|campaign)\s+)?$"
    )
)
_CUT_TAIL = re.compile(r"(?:[\s,]+(?:and|but|or|which|who|as|while|that|in|when|after))+$")
_CUT_TRIM = frozenset(" \t\r\n\u00a0,;:—–-“\"‘'«(")
_OBJECT_END = re.compile(
    r",?\s+(?:and|but)\s+(?:then\s+|also\s+)?(?:[a-z]+ed|[a-z]+ing|said|told|says|wrote|"
    r"praises|calls|urges|warns|adds)\b"
    r"|\s+(?:on|last|this|early|late|earlier|later)\s+(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|week|month|year|night|morning|afternoon|evening)\b"
    r"|\s+(?:in|on|during|since)\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|\d{4})\b"
)
_QUOTE_VERB = re.compile(
    unicode_letters(
        r"\s*,?\s*(?P<spk>(?:[A-Z][\w’'.-]*|he|she|they|we|I)(?:\s+[A-Z][\w’'.-]*){0,3}"
        r"|the\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
        r"(?P<verb>[a-z]+(?:ed|s))\b(?:\s+(?:on|in|at|last|this|to|during)\b[^.!?;:\"“”]{0,60})?"
        r"\s*[.!?]?\s*$"
    )
)
_HOMETOWN_TAIL = re.compile(
    unicode_letters(
        r"\s(?:of|from)\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}(?P<comma>,)\s+"
        r"(?P<state>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s*,?$"
    )
)
_NAME_LIST = re.compile(unicode_letters(r"(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2},\s+)+$"))
_POLL_NP = unicode_letters(
    r"(?:(?:a|an|the|this|that|another|its|their|[A-Z][\w’'.-]*[’']s)\s+)?"
    r"(?:[\w’'./&-]+\s+){0,8}?(?:poll|polls|survey|surveys|exit\s+polls?|study|analysis|tally)"
    r"(?:\s+(?:released|conducted|published|taken|by|of|for|from|this|last|on|in)\b[^,;:]{0,60}?)?"
)
_POLL_WORD = re.compile(r"(?:poll|survey|study|analysis|tally)", re.IGNORECASE)
_IN_POLL_LEAD = re.compile(r"(In)\s+(" + _POLL_NP + r")\s*,", re.IGNORECASE)
_IN_POLL_TAIL = re.compile(r"\s+(in)\s+(" + _POLL_NP + r")\s*[.!?]?\s*$")
_INVERTED_LEAD = re.compile(unicode_letters(r"\s*[A-Z][a-z]+\s+"))
# "Said Comey, “…”": the speaker between a sentence-opening cue and the comma or colon
# before the quotation (appositives included, as after any inverted cue)
_NO_CUE = CueInfo("", "", "")
_RELATIVE_THAT = re.compile(r"(?<![\w’'])(that)\s+$")
_INVERTED_CUE = CueInfo("", SPEECH, "past")
_INVERTED_VERB = re.compile(r"\s+([a-z]+)(?=\s)")
_LEAD_CUE_SPEAKER = re.compile(
    unicode_letters(
        r"\s+(?P<spk>(?:[A-Z]|(?:a|an|the|one|another)\s)[^.;:!?\"“”\n]{0,150}?)\s*(?P<mark>[,:])"
        r"(?=\s*(?:[\"“„«]|''|``))"
    )
)
_TITLE_COLON = re.compile(
    unicode_letters(r"([A-Z][\w’'.&/-]*(?:\s+[\w’'.&/()-]+){0,5}?)\s*:\s*(?=\S)")
)
_CHAIN = re.compile(
    r"(?<![\w’'])(?:continued|continues|continue|tried|tries|trying|began|begins|begin|started|"
    r"starts|went\s+on|goes\s+on|go\s+on|failed|fails|tended|tends|tend|used|needs|need|"
    r"hesitate|hesitated)\s+$"
)
_NEEDS_THAT = frozenset("maintain repeat allege read".split())
_SECOND_ATTRIBUTION = re.compile(
    r",?\s+(?:but|and|while|though|although|whereas)\s+(?:[\w’'.-]+\s+){1,5}?"
    r"(?:said|says|say|added|told|argued|noted|wrote|insisted|countered)\b"
)
_MAX_CLAUSE = 1500
# a day named next to a cue, for the date a statement was made
# (case matters: "told CBS This Morning on Monday" - the show is no day)
_DAY = (
    r"(?:(?:[Oo]n|[Ll]ast|[Tt]his\s+past)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|[Yy]esterday|[Tt]oday|[Tt]onight|[Ll]ast\s+night|[Tt]his\s+(?:morning|afternoon|evening)"
)
_WHEN = re.compile(r"(?<![\w’'])(?P<when>" + _DAY + r")(?![\w’'])")
_WHEN_BEFORE = re.compile(r"(?<![\w’'])(?P<when>" + _DAY + r")\s+$")
_WHEN_OPENING = re.compile(r"(?P<when>" + _DAY + r")(?:\s*,|\s)")
# what ends the stretch after a cue where its day may stand: the content
_WHEN_STOP = re.compile(r"\bthat\b|[:.;!?\"“”]")
# "a statement from the mission", "a letter issued by the ministry": the issuer speaks
_ISSUED_BY = re.compile(
    r"(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:statement|communiqu[eé]|press\s+release|news\s+release|"
    r"message|letter|note)\s+(?:from|by|of|issued\s+by)\s+(?P<issuer>.+)",
    re.IGNORECASE,
)
# "The North Korean mission in Geneva": capitalised words, a head noun, a place
_BODY_NAME = re.compile(
    unicode_letters(
        r"(?<![\w’'])[Tt]he\s+(?P<name>(?:[A-Z][\w’'-]*\s+){1,4}(?P<head>[a-z]+)"
        r"(?:\s+(?:in|to|at|for|of)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})?)"
    )
)
# "rejected the report", "dismissed the accusations": an object cue's bare definite noun phrase
_REBUTTALS = frozenset("dismiss reject deny refute dispute".split())
_BARE_DEFINITE = re.compile(r"(?:the|these|those)\s+[\w’'-]+", re.IGNORECASE)
# A speech act refused or negated right before its cue ("declined to say", "refused to
# confirm", "would not say", "has never said", "decided not to recommend"): its content is what
# the speaker did NOT say, so it is no statement ("not only said" is one).
_REFUSED_OR_NEGATED = re.compile(
    r"(?:\b(?:not|never|cannot|without)|n[’']t|\b(?:declin|refus)\w*\s+to|\bnot\s+to)"
    r"\s+(?:(?!only\b)[a-z]+ly\s+)?$",
    re.IGNORECASE,
)
_REFUSAL_HINTS = ("not", "never", "n't", "n’t", "declin", "refus", "without")
# the head of a claim: "(to say) whether ...", "(to elaborate) on how ...", "that ..."
_PROPOSITION = re.compile(
    r"(?:to\s+(?:[a-z]+ly\s+)?[\w’'-]+\s+(?:(?:on|about)\s+)?)?"
    r"(?:that|whether|if|what|who|whom|whose|which|why|how|when|where)\b",
    re.IGNORECASE,
)
# refused or negated, these name a topic, not a claim ("did not mention Trump by name")
_TOPIC_CUES = frozenset(
    "mention comment discuss address elaborate answer respond name cite disclose detail "
    "specify".split()
)
# "asking not to be named": a condition of the interview, not a statement
_ANONYMITY = re.compile(
    r"(?:not\s+)?to\s+be\s+(?:named|identified|quoted)(?:\s+by\s+name)?", re.IGNORECASE
)
_JAPAN_WORDS = re.compile(r"\b(?:Japan|Japanese|Tokyo|Diet|Kishida|Abe|Suga|Ishiba)\b")
_US_WORDS = re.compile(r"\b(?:U\.S\.|US|United\s+States|Congress|Washington|American)\b")
# what follows a cue when a recipient or an adverbial may stand before the content
_RECIPIENT_LEAD = re.compile(
    unicode_letters(
        r"\s+(?:in|at|on|during|before|after|from|via|with|back|last|this|while)\s"
        r"|\s+to\s+(?:the\s|a\s|an\s|[A-Z]|reporters|him|her|them|us|me|voters)"
        r"|\s*,\s*[A-Z]"
    )
)
# "was quoted by KCNA as saying", "was quoted as telling reporters"
_QUOTED_BY_AS = re.compile(
    r"(?:\s+by\s+(?P<agent>[^,.;:!?\"“”]{2,80}?))?,?\s+as\s+(?P<verb>saying|stating|telling|"
    r"writing)\b"
)
_QUOTED_AS = re.compile(r"\s+([^.;:!?]{2,120}?),?\s+as\s+(saying|stating|telling|writing)\b")
_PRONOUN_CONTRACTION = re.compile(r"(?i)(?:he|she|it|they|we|i|you)([’'](?:s|d|ll|re|ve|m))")
# A sentence opening with a prepositional, time or participle phrase ("In an interview with",
# "Sunday on", "Speaking on", "Asked about"): a quotation closing it is a title, not a statement
_TITLE_LEAD = re.compile(
    r"(?:In|On|At|During|From|With|Appearing|Speaking|Writing|Asked|Sunday|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Earlier|Later|Last|This)$"
)
_TAIL_OK = frozenset(
    """in at on of about during after before while when as from to with via through last this
    earlier later recently yesterday today tonight then again also afterward afterwards
    repeatedly on in a an the outside inside near following since amid over under by""".split()
)
_IN_STATEMENT = re.compile(r"\s+in\s+(?:a\s+)?(?:written\s+|joint\s+)?statement\b")
_ASKED_Q = re.compile(
    r"(?:\s+(?:by\s+)?[^,.;:?!]{0,40}?)?\s+((?:what|whether|if|about|why|how|who|when|where)\b)"
)
_AS_X = re.compile(r"\s*As\s+[^,;:]{2,80}$")
_TOLD_THAT = re.compile(r"[^.;:!?\"“”,]{0,90}?(?:,[^.;:!?\"“”,]{1,60}?){0,2}?,?\s(that\s|:)")
_TO_VERBS = (
    frozenset(
        "urge ask tell warn advise remind vow pledge promise threaten agree offer demand want hope "
        "claim expect".split()
    )
    | TO_ONLY
)
_ASKED = re.compile(
    r"(?:When\s+|After\s+being\s+|Later\s+)?[Aa]sked\s+(?:[\w’'-]+\s+){0,6}?"
    r"((?:about|whether|if|what|how|why|who|when|where)\b[^,;]{3,200}?)\s*,"
)
_CLAUSE_STARTERS = frozenset(
    "there this these those what how if because although though unless while too many most "
    "some all both more less no such why whether when where who".split()
)
_NOT_CLAUSE_START = frozenset(
    """to so nothing something anything everything yes goodbye hello thanks hi
    otherwise differently publicly privately earlier later again afterward
    afterwards repeatedly recently of about for with by as in on at""".split()
)


@dataclass
class _Cand:
    start: int
    end: int
    kind: Kind
    cue_span: tuple[int, int]
    speaker_span: tuple[int, int] | None
    score: float
    sentence: int
    source_span: tuple[int, int] | None = None


class _Doc:
    def __init__(self, text: str) -> None:
        self.text = text
        self.all_quotes = find_quotes(text)
        self.quotes = [q for q in top_level(self.all_quotes)]
        self.q_starts = [q.start for q in self.quotes]
        self.sentences = split_sentences(text, self.quotes)
        self.s_starts = [s for s, _ in self.sentences]
        self.paragraphs = paragraph_bounds(text)

    def quote_at(self, pos: int) -> QuoteSpan | None:
        """The top-level quote containing ``pos`` (marks included), if any."""
        i = bisect.bisect_right(self.q_starts, pos) - 1
        if i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end:
            return self.quotes[i]
        return None

    def quote_starting(self, pos: int) -> QuoteSpan | None:
        i = bisect.bisect_left(self.q_starts, pos)
        if i < len(self.quotes) and self.quotes[i].start == pos:
            return self.quotes[i]
        return None

    def quote_ending(self, pos: int) -> QuoteSpan | None:
        """The top-level quote whose closing mark ends exactly at ``pos``."""
        i = bisect.bisect_right(self.q_starts, pos) - 1
        if i >= 0 and self.quotes[i].end == pos:
            return self.quotes[i]
        return None

    def quotes_in(self, start: int, end: int) -> list[QuoteSpan]:
        i = bisect.bisect_left(self.q_starts, start)
        out = []
        while i < len(self.quotes) and self.quotes[i].start < end:
            if self.quotes[i].end <= end:
                out.append(self.quotes[i])
            i += 1
        return out

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.s_starts, pos) - 1)


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t\r\n\u00a0":
        pos += 1
    return pos


def _skip_adverbials(text: str, pos: int, end: int) -> int:
    """Past up to three time, venue or manner phrases after a cue ("on Monday in a statement")."""
    for _ in range(3):
        m = _ADVERBIAL_AFTER.match(text, pos, end)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return pos


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _STRIP:
        s += 1
    while e > s and text[e - 1] in _STRIP + ".!?":
        # keep a full stop that sits inside a closing quotation mark
        if text[e - 1] in ".!?" and e < len(text) and text[e] in "\"”’'»":
            break
        e -= 1
    return s, e


def _cue_group_start(text: str, lo: int, cue_start: int) -> int:
    """Extend a cue back over auxiliaries and adverbs ("has also said")."""
    pos = cue_start
    for _ in range(3):
        m = re.search(r"([\w’']+)\s+$", text[max(lo, pos - 30) : pos])
        if not m:
            break
        word = m.group(1)
        low = word.lower()
        if word[:1].islower() and (
            low in AUX_WORDS or (low.endswith("ly") and len(low) > 4 and low not in _NOT_LY)
        ):  # "Kelly said", "Ann May said": names, not adverbs
            pos = pos - len(m.group(0))
            continue
        break
    return pos


_INVERTED_DET = frozenset("a an the one another two three several some".split())
_NOT_INVERTED = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight last this "
    "january february march april may june july august september october november december".split()
)
_MODAL_NEXT = re.compile(
    r"\s+(?:could|would|will|can|may|might|should|must|was|were|is|are|has|have|had)\b"
)
_REPORT_NEXT = re.compile(r"\s+(?:that\b|[\"“]|'')|\s*:")
_WHO_SAID = re.compile(r",\s+who\s+(?:also\s+|later\s+)?(?:said|says|told|tells|added)\b")
_NOT_LY = frozenset("family italy july rally ally reply supply only early daily".split())
_BE = frozenset("is was were are be been being am get got gets getting".split())


def _is_passive(text: str, lo: int, cue_start: int, info: CueInfo) -> bool:
    if info.form != "past":
        return False
    m = re.search(r"([\w’']+)\s+(?:[\w]+ly\s+)?$", text[max(lo, cue_start - 30) : cue_start])
    return bool(m and m.group(1).lower() in _BE)


class _Extractor:
    def __init__(self, text: str, include_beliefs: bool, gazetteer: Gazetteer) -> None:
        self.text = text
        self.doc = _Doc(text)
        self.include_beliefs = include_beliefs
        self.gaz = gazetteer
        self.cands: list[_Cand] = []
        self._japan: bool | None = None  # see _about_japan
        self.dropped_subjects: dict[int, tuple[int, int]] = {}  # sentence -> subject
        self.refused_spans: list[tuple[int, int]] = []  # what a speaker declined to say

    # -- candidates -------------------------------------------------------------------------
    def run(self) -> list[Attribution]:
        text, doc = self.text, self.doc
        self._interview()
        for c_start, c_end, info in find_cues(text):
            if info.cls == BELIEF and not self.include_beliefs:
                continue
            if doc.quote_at(c_start) is not None:
                continue
            si = doc.sentence_of(c_start)
            self._from_cue(si, c_start, c_end, info)
        for m in _ACCORDING.finditer(text):
            if doc.quote_at(m.start()) is None:
                self._according(doc.sentence_of(m.start()), m.start(), m.end())
        self._headlines()
        self._nominal()
        self._asked()
        self._colon_quotes()
        self._in_poll()
        self._quote_then_verb()
        chosen = self._continued_paragraphs(self._select())
        return self._finish(chosen)

    def _from_cue(self, si: int, cs: int, ce: int, info: CueInfo) -> None:
        text, doc = self.text, self.doc
        s_start, s_end = doc.sentences[si]
        if info.lemma == "ask" and info.form == "past":
            # "Trump was asked what he thought ...", "when asked if he would run": the question
            qm = _ASKED_Q.match(text, ce, s_end)
            if qm is not None and (
                _is_passive(text, s_start, cs, info)
                or re.search(r"\b(?:when|after|if|once)\s+$", text[max(s_start, cs - 8) : cs], re.I)
            ):
                g0 = _cue_group_start(text, s_start, cs)
                end = self._clause_end(qm.start(1), s_end)
                cm = text.find(",", qm.start(1), end)
                if cm > 0 and re.search(
                    r"\b(?:when|after|if|once)\s+$", text[max(s_start, cs - 8) : cs], re.I
                ):
                    end = cm
                self._add(qm.start(1), end, "indirect", (g0, ce), None, si, 0.5)
                return
        if _is_passive(text, s_start, cs, info) or _is_noun_use(text, s_start, cs, info):
            if info.lemma == "quote" and self._quoted_as(si, cs, ce):
                return
            if info.lemma == "expect" and _is_passive(text, s_start, cs, info):
                # "Hale is expected to win": an expectation, the whole clause (beliefs)
                self._seems(si, _cue_group_start(text, s_start, cs), ce, to_only=True)
            return
        word = text[cs:ce]
        if (
            word[0].isupper()
            and info.cls == SPEECH
            and info.form in ("past", "third")
            and cs == _skip_space(text, s_start, s_end)
            and self._cue_opens_sentence(si, cs, ce)
        ):
            return
        if word[0].isupper() and cs > s_start and not text[s_start:cs].rstrip().endswith(":"):
            # "Islamic State", "The Washington Post": a capitalised cue mid-sentence is a name
            prev_word = text[max(s_start, cs - 20) : cs].split()
            if (
                not prev_word
                or not prev_word[-1][:1].isupper()
                or not _title_case(text, s_start, s_end)
            ):
                return
        nxt = text[ce : ce + 12].lstrip()
        if (
            info.form in ("base", "third") and word.lower().rstrip("s") in _NOUN_LIKE
        ) or info.lemma in _NEEDS_THAT:
            # "in many states, including": a noun-like cue needs "that", a colon or a quote,
            # unless it closes a quotation ("“...,” she notes.")
            closes = bool(re.match(r"\s*[.,;!?]", text[ce : ce + 3])) and self._quote_before(si, cs)
            if not (nxt.startswith(("that ", ":", "“", '"', "''")) or closes):
                return
        if info.lemma in TO_ONLY and not re.match(r"\s+(?:[a-z]+ly\s+)?to\s", text[ce : ce + 20]):
            return  # "declined to comment", not "declined 3 percent"
        before = text[max(s_start, cs - 30) : cs].lower()
        refused = info.lemma == "decline" or (
            any(w in before for w in _REFUSAL_HINTS)  # cheap test first: most cues have none
            and _REFUSED_OR_NEGATED.search(before) is not None
        )
        if info.lemma in SEEM:
            self._seems(si, cs, ce)
            return
        if info.lemma == "pledge" and nxt.lower().startswith(("delegate", "superdelegate")):
            return  # "pledged delegates"
        if info.form == "base" and info.lemma in ("find", "continue"):
            return  # "could not find", "to continue": not a report
        group_start = _cue_group_start(text, s_start, cs)
        cue_span = (group_start, ce)
        to_m = re.search(r"(?<![\w’'])to\s+$", text[max(s_start, group_start - 4) : group_start])
        if to_m is not None:
            # PolNeAR: "to defend", "to say" - the infinitive marker belongs to the cue, and so
            # does a verb chain: "continued to say", "went on to highlight"
            to_at = max(s_start, group_start - 4) + to_m.start()
            cue_span = (to_at, ce)
            ch = _CHAIN.search(text, max(s_start, to_at - 30), to_at)
            if ch is not None:
                cue_span = (_cue_group_start(text, s_start, ch.start()), ce)
        sm = _IN_STATEMENT.match(text, ce, s_end)
        if sm is not None:
            cue_span = (group_start, sm.end())  # PolNeAR: "said in a statement" is the cue
        # subject before the cue
        subj_end = group_start
        tm = _SKIP_BEFORE.search(text, max(s_start, subj_end - 40), subj_end)
        if tm and tm.start() > s_start:
            subj_end = tm.start()
        source_span: tuple[int, int] | None = None
        borrowed = False  # the subject of the sentence, not next to the cue (participles)
        subj: tuple[int, int] | None
        quoting = _QUOTING.match(text, s_start, subj_end)
        if quoting:
            # "Quoting X, Y stated that ...": X speaks, Y is the channel.
            subj = (quoting.start(1), quoting.end(1))
            y_s, y_e = _trim(text, quoting.end(), subj_end)
            if y_e > y_s:
                source_span = (y_s, y_e)
        else:
            subj = self._subject_before(s_start, subj_end)
            if subj is None and re.search(
                r"\b(?:and|but|or)\s+$", text[max(s_start, subj_end - 5) : subj_end]
            ):
                # "X declined to name them but said ...": the subject of the sentence
                subj = self._first_np(s_start, subj_end) or self._sentence_subject(si, subj_end)
                borrowed = subj is not None
            elif subj is None and info.form != "ing":
                subj = self._long_subject(s_start, subj_end)
        if subj is None and info.cls == SPEECH and info.form != "ing":
            subj = self._relative_that(s_start, group_start, si, ce, info)
        if info.form == "ing" and subj is None:
            before = text[max(s_start, group_start - 3) : group_start]
            if (
                "," in before
                or re.search(r"\s[—–-]\s*$", before)
                or group_start == s_start
                or re.search(
                    r"\b(?:by|after|before|while|when|in|upon)\s+$", text[s_start:group_start]
                )
            ):
                subj = self._sentence_subject(si, group_start)
                borrowed = subj is not None
        if (
            subj is None
            and info.cls != BELIEF
            and info.form == "base"
            and re.search(r"\bto\s+$", text[max(s_start, group_start - 4) : group_start])
        ):
            # "appeared on Fox to defend her", "rushed to TV to say he ...": the purpose
            # clause speaks for the sentence's subject
            subj = self._sentence_subject(si, group_start)
            borrowed = subj is not None
        if subj is not None and not borrowed:
            lead_end = subj[0]
            while lead_end > s_start and text[lead_end - 1] in " \t\u00a0":
                lead_end -= 1
            # "“...,” X said": the quote before is the content
            lead_q = self.doc.quote_ending(lead_end)
            if (
                lead_q is not None
                and source_span is None
                and not self._title_before(si, lead_q.start, ce, info)
                and self._content_before(si, subj[0], cue_span, subj, ce)
            ):
                return
        if info.cls == OBJECT or info.lemma in ("find", "show"):
            if subj is None:
                return
            subj_text = text[subj[0] : subj[1]]
            if info.cls == OBJECT and (
                subj_text.lower() in ("who", "which", "that")
                and re.match(r"(?i)(?:has|have|had)\s", text[cue_span[0] : cue_span[1]]) is not None
                or self._headline_line(si)
            ):
                # "Carter, who has championed the plan since ...": a stance in a relative
                # clause (perfect tense) is a biography, not a statement;
                # "Minister defends budget cuts": a headline. Neither is on record.
                return
            if (
                not _has_cap(subj_text)
                and subj_text.lower() not in PRONOUNS
                and info.cls == OBJECT
                and len(subj_text.split()) < 2
            ):
                return
        if subj is not None and not borrowed and info.cls != BELIEF and source_span is None:
            rel = _RELATIVE.search(text, max(s_start, subj[0] - 40), subj[0])
            if rel is not None and rel.end() == subj[0] and self._relative_ok(rel):
                # "a sentence, which I said was not a prison sentence": the relative clause
                r_end = self._clause_end(ce, s_end)
                if text[max(s_start, rel.start(1) - 2) : rel.start(1)].strip() == ",":
                    r_end = self._relative_end(ce, r_end)
                if r_end - ce > 3 and not re.match(r"\s*[,.;:!?]", text[ce : ce + 3]):
                    kind: Kind = "mixed" if self.doc.quotes_in(ce, r_end) else "indirect"
                    self._add(rel.start(1), r_end, kind, cue_span, subj, si, 0.55)
                    return
        if (
            subj is not None
            and not borrowed
            and source_span is None
            and subj[0] > _skip_space(text, s_start, subj[0])
            and text[s_start:group_start].rstrip().endswith(",")
        ):
            # "CLAUSE, with commas, said NAME, ROLE.": the name after the cue speaks, not
            # the last comma-bounded stretch of the clause before it (a subject opening the
            # sentence is a subject: "Ivanka Trump, his daughter, noted the rule.")
            inv = self._inverted_speaker(si, ce, info)
            if inv is not None and self._content_before(si, group_start, cue_span, inv, inv[1]):
                return
        if info.lemma == "quote" and subj is not None and not borrowed and source_span is None:
            # "KCNA quoted a foreign ministry spokesperson as saying that ...": the person
            # quoted speaks, the subject is the channel (PolNeAR makes the subject the source
            # and starts the content at the person; a user wants who said it)
            qm = _QUOTED_AS.match(text, ce, s_end)
            if qm is not None and not doc.quotes_in(qm.start(1), qm.end(1)):
                verb = cue_info(qm.group(2))
                said = self._content_after(si, qm.end(), verb) if verb is not None else None
                if said is not None:
                    kind_q = said[2]
                    self._add(said[0], said[1], kind_q, cue_span, qm.span(1), si, 0.85, subj)
                    return
        # content after the cue
        after = self._content_after(si, ce, info)
        if refused and (after is None or self._refused_claim(text[after[0] : after[1]], info)):
            if after is not None:
                # nor is a cue inside it ("did not reveal what he would say Thursday"), up to
                # its first comma (", said X" after it is a statement of its own)
                comma = text.find(",", after[0], after[1])
                self.refused_spans.append((after[0], after[1] if comma < 0 else comma))
            return
        if subj is not None and after is not None:
            a_s, a_e, kind = after
            if text[subj[0] : subj[1]].lower() in ("who", "which", "that"):
                # "Ford, who announced a plan on Monday, plans to ...": the relative clause
                # ends at its comma
                a_e = self._relative_end(a_s, a_e)
            elif _SUBORDINATE.search(text, max(s_start, subj[0] - 30), subj[0]):
                # "While Ortiz said that ..., he appears uneasy": the subordinate clause ends at
                # its comma
                a_e = self._relative_end(a_s, a_e)
            if info.cls == OBJECT:
                # an object ends before a date or a second verb phrase: "backed Ford on
                # Tuesday", "attacked Field and questioned why ..."
                om = _OBJECT_END.search(text, a_s, a_e)
                while om is not None and doc.quote_at(om.start()) is not None:
                    om = _OBJECT_END.search(text, om.end(), a_e)
                if om is not None and om.start() > a_s:
                    a_e = om.start()
                if info.lemma in _REBUTTALS and _BARE_DEFINITE.fullmatch(
                    text, *_trim(text, a_s, a_e)
                ):
                    # "dismissed the accusations": what it answers, not what it says; its
                    # subject still speaks for a participle after it (", saying that ...")
                    self.dropped_subjects[si] = subj
                    return
            score = 0.5 if info.cls == OBJECT else 0.75 if info.cls == BELIEF else 0.8
            for p_s, p_e, p_kind in self._split_coordinated(a_s, a_e, kind):
                self._add(p_s, p_e, p_kind, cue_span, subj, si, score, source_span)
            return
        if info.cls == OBJECT:
            return
        if subj is not None:
            if source_span is None and not self._content_before(si, subj[0], cue_span, subj, ce):
                self._quotation_next(si, ce, cue_span, subj, info)
            return
        # inverted: "..., said X" / "“...,” said X"
        pre = text[s_start:group_start].rstrip()
        if not pre or pre[-1] not in ",\"”’'»" or info.form == "ing":
            return
        inv = self._subject_after(ce, s_end)
        if inv is None or _MODAL_NEXT.match(text, inv[1], s_end):
            return  # "..., said the candidate could win": no inverted subject
        self._content_before(si, group_start, cue_span, inv, inv[1])

    def _refused_claim(self, content: str, info: CueInfo) -> bool:
        """Whether the content of a refused or negated speech act reads as a claim: "declined
        to say whether Beijing had been informed" must not give "Beijing had been informed" to
        the spokesperson; "declined to comment on the case" names a topic only (PolNeAR)."""
        if _PROPOSITION.match(content):
            return True
        return info.lemma != "decline" and info.lemma not in _TOPIC_CUES

    def _quoted_as(self, si: int, cs: int, ce: int) -> bool:
        """ "Choe Son Hui, North Korea's foreign minister, was quoted by KCNA as saying that
        ...": the subject speaks, the agent is the channel, the content follows "as saying"."""
        text = self.text
        s_start, s_end = self.doc.sentences[si]
        qm = _QUOTED_BY_AS.match(text, ce, s_end)
        if qm is None:
            return False
        verb = cue_info(qm.group("verb"))
        group_start = _cue_group_start(text, s_start, cs)
        subj = self._subject_before(s_start, group_start) or self._long_subject(
            s_start, group_start
        )
        said = self._content_after(si, qm.end(), verb) if verb is not None else None
        if subj is None or said is None:
            return False
        agent = qm.span("agent") if qm.group("agent") else None
        self._add(said[0], said[1], said[2], (group_start, ce), subj, si, 0.85, agent)
        return True

    def _cue_opens_sentence(self, si: int, cs: int, ce: int) -> bool:
        """ "Said Comey, “The thought ...”", "Added Lang: “...”": a cue opening its sentence,
        the speaker after it, then a comma or colon and the quotation."""
        text, doc = self.text, self.doc
        s_end = doc.sentences[si][1]
        # the quotation may open the next paragraph ("Stated Stone:¶“I think …”"): the
        # look-ahead reads past the sentence, the speaker stays inside it
        m = _LEAD_CUE_SPEAKER.match(text, ce, min(len(text), s_end + 8))
        if m is None or m.end("spk") > s_end:
            return False
        colon = m.group("mark") == ":"
        q = doc.quote_starting(_skip_space(text, m.end(), len(text) if colon else s_end))
        if q is None or text[m.end() : q.start].count("\n") > 4:
            return False
        if any(
            w[:1].islower() and (cue_info(w) or _NO_CUE).cls == SPEECH
            for w in m.group("spk").split()
        ):
            return False  # "Said Jalili said, “…”": a name, then the cue
        self._add(q.inner_start, q.inner_end, "direct", (cs, ce), m.span("spk"), si, 0.85)
        return True

    def _quotation_next(
        self, si: int, ce: int, cue_span: tuple[int, int], subj: tuple[int, int], info: CueInfo
    ) -> None:
        """ "Iowa State University's Dianne Bystrom agreed. “Mainstream Republicans are …”": a
        sentence that is only a speaker and a speech cue introduces the quotation that follows
        it in the same paragraph, when nothing else attributes that quotation."""
        text, doc = self.text, self.doc
        s_start, s_end = doc.sentences[si]
        if info.cls != SPEECH or info.form not in ("past", "third") or si + 1 >= len(doc.sentences):
            return
        if text[s_start : subj[0]].strip(" \t\u00a0"):
            return  # "“A,” Putin said.": the sentence holds more than its speaker
        pos = _skip_adverbials(text, ce, s_end)
        if text[pos:s_end].strip(" \t\u00a0") not in (".", ":"):
            return
        n_start, n_end = doc.sentences[si + 1]
        q = doc.quote_starting(n_start)
        if q is None or "\n" in text[s_end:n_start] or text[q.end : n_end].strip(" \t\u00a0"):
            return
        self._add(q.inner_start, q.inner_end, "direct", cue_span, subj, si, 0.6)

    def _title_before(self, si: int, q_start: int, ce: int, info: CueInfo) -> bool:
        """ "Sunday on Fox News’s “Hannity,” Newt Gingrich said CLAUSE": the quotation closes
        a leading phrase (a show, a book) and the cue has a content clause of its own."""
        lead = self.text[self.doc.sentences[si][0] : q_start].split()
        if not lead or not _TITLE_LEAD.match(lead[0]):
            return False
        return self._content_after(si, ce, info) is not None

    def _inverted_speaker(self, si: int, ce: int, info: CueInfo) -> tuple[int, int] | None:
        """The speaker of an inverted attribution ("..., said Dan Gerstein, an analyst."):
        a noun phrase after a finite speech cue that runs to the sentence end."""
        if info.cls != SPEECH or info.form not in ("past", "third"):
            return None
        text = self.text
        s_end = self.doc.sentences[si][1]
        inv = self._subject_after(ce, s_end)
        if inv is None or inv[0] != _skip_space(text, ce, s_end):
            return None
        if text[inv[1] : s_end].strip(" \t\u00a0.!?\"”’'"):
            return None
        first = text[inv[0] : inv[1]].split()[0].rstrip(".")  # "read one."
        if first.lower().strip(",") in _NOT_INVERTED or not (
            _has_cap(text[inv[0] : inv[1]]) or first.lower() in _INVERTED_DET
        ):
            return None
        return inv

    def _headline_line(self, si: int) -> bool:
        """Sentence ``si`` is a line of its own without final punctuation (a headline)."""
        text = self.text
        s_start, s_end = self.doc.sentences[si]
        line = text[s_start:s_end].rstrip()
        if not line or line[-1] in ".!?:;\"”’')»":
            return False
        before = text[max(0, s_start - 2) : s_start]
        after = text[s_start + len(line) : s_start + len(line) + 1]
        return (s_start == 0 or "\n" in before) and (after in ("", "\n", "\r"))

    def _relative_that(
        self, s_start: int, group_start: int, si: int, ce: int, info: CueInfo
    ) -> tuple[int, int] | None:
        """ "a message that said, “Sorry, …”", "T-shirts that said “We won.”": the relative
        pronoun is the subject (PolNeAR's speaker), only before a quotation."""
        rel = _RELATIVE_THAT.search(self.text, max(s_start, group_start - 8), group_start)
        if rel is None or not self._relative_ok(rel):
            return None
        after = self._content_after(si, ce, info)
        return rel.span(1) if after is not None and after[2] == "direct" else None

    def _relative_ok(self, rel: re.Match[str]) -> bool:
        """ "which X said" always; "that X said" only after a noun ("a finish that he said")."""
        if rel.group(1).lower() in ("which", "who", "whom", "what"):
            return True
        prev = re.search(r"([\w’']+)\s*$", self.text[max(0, rel.start(1) - 30) : rel.start(1)])
        if prev is None:
            return False
        word = prev.group(1).lower()
        return word not in STOP and cue_info(word) is None and not word.endswith("ly")

    def _seems(self, si: int, cs: int, ce: int, to_only: bool = False) -> None:
        """ "Hale appears to be unaware of ...": an impression, the whole clause is the content
        (no speaker; reported with the beliefs)."""
        text = self.text
        s_start, s_end = self.doc.sentences[si]
        if not (
            re.match(r"\s+to\s", text[ce : ce + 5])
            if to_only
            else _SEEM_NEXT.match(text, ce, s_end)
        ):
            return
        g0 = _cue_group_start(text, s_start, cs)
        subj = np_before(text, s_start, g0)
        if subj is None:
            return
        subj_text = text[subj[0] : subj[1]]
        if not (_has_cap(subj_text) or subj_text.lower() in SUBJECT_PRONOUNS):
            return  # "the bid to normalise relations seemed ...": no one in particular
        start = subj[0]
        end = self._clause_end(ce, s_end)
        lead = text[max(s_start, start - 40) : start].strip().lower()
        if lead.split()[-1:] and lead.split()[-1] in _SUBORDINATORS:
            comma = text.find(",", ce, end)
            if comma > 0:
                end = comma
        if end - start < 8:
            return
        kind: Kind = "mixed" if self.doc.quotes_in(start, end) else "indirect"
        self._add(start, end, kind, (cs, ce), None, si, 0.45)

    def _relative_end(self, a_s: int, a_e: int) -> int:
        """End of a relative clause's content: the first comma outside a quotation."""
        text = self.text
        pos = text.find(",", a_s, a_e)
        while pos > 0:
            q = self.doc.quote_at(pos)
            if q is None:
                break
            if q.end == pos + 2:
                return pos + 2  # 'described as “volatile,” with ...': the comma closes both
            pos = text.find(",", pos + 1, a_e)
        return pos if pos > a_s + 2 else a_e

    def _quote_before(self, si: int, cs: int) -> bool:
        """Whether a quotation closes shortly before ``cs`` in the same sentence."""
        s_start = self.doc.sentences[si][0]
        return any(cs - q.end < 60 for q in self.doc.quotes_in(s_start, cs))

    def _subject_before(self, s_start: int, end: int) -> tuple[int, int] | None:
        text = self.text
        e = end
        while e > s_start and text[e - 1] in " \t\u00a0":
            e -= 1
        if e <= s_start:
            return None
        # (the comma test first: most subjects have none near their end)
        home = (
            _HOMETOWN_TAIL.search(text, max(s_start, e - 80), e)
            if text.find(", ", max(s_start, e - 20), e - 1) >= 0
            else None
        )
        if home is not None and is_state_or_country(home.group("state")):
            # "Dean Johnson, a salesman from Sumter, South Carolina, says": the state closes
            # a hometown, the subject is what comes before it
            comma = home.start("comma")
            head = self._subject_before(s_start, comma + 1 if text[e - 1] == "," else comma)
            if head is not None:
                return head[0], home.end("state")
        if text[e - 1] == ",":
            # appositive: "NAME, ROLE, said" or "ROLE, NAME, said"
            comma2 = e - 1
            comma1 = text.rfind(",", s_start, comma2)
            if comma1 >= 0 and re.search(r",\s+who\b", text[max(s_start, comma2 - 200) : comma2]):
                # "X, who lives ..., Sacramento, said": the who-clause may hold commas
                wm = list(re.finditer(r",\s+who\b", text[max(s_start, comma2 - 200) : comma2]))
                comma1 = max(s_start, comma2 - 200) + wm[-1].start()
            if comma1 < 0 or comma2 - comma1 > 200:
                return None
            inner = text[comma1 + 1 : comma2].strip()
            if not inner or self.doc.quote_at(comma1) or '"' in inner or "“" in inner:
                return None
            first = np_before(text, s_start, comma1)
            if first is None:
                return None
            if re.fullmatch(r"\d{1,3}", text[first[0] : first[1]]):
                # "Mona Lamberson, 59, of North Philadelphia, said": the age follows the name
                pc = text[s_start : first[0]].rstrip()
                if pc.endswith(","):
                    head = np_before(text, s_start, s_start + len(pc) - 1)
                    if head is not None and _has_cap(text[head[0] : head[1]]):
                        first = (head[0], first[1])
            lead = text[s_start : first[0]].strip()
            if (
                lead
                and lead[-1] not in ",;:(—–-\"”’'»"
                and lead.split()[-1].lower()
                not in (
                    "and",
                    "but",
                    "while",
                    "as",
                )
            ):
                # "The United Nations special rapporteur on human rights in North Korea,
                # Elizabeth Salmón, said": a role too long for one noun phrase, then the name
                role_start = _skip_space(text, s_start, comma1)
                if _is_role_phrase(text[role_start:comma1]) and _is_bare_name(inner):
                    return role_start, comma2
                return None
            if not _has_cap(text[first[0] : first[1]]) and not _has_cap(inner):
                return None
            if inner.split()[0].lower() in ("who", "which", "whose", "whom"):
                return first[0], comma2
            if re.match(r"(?!including\b)[a-z]+ing\b", inner):
                return first  # "Kihara, speaking at a news conference, said"
            if inner.split()[0].lower() in _ASIDE_START:
                return first  # "Tom Hale, by contrast, wrote", "Lang, for her part, has"
            if _looks_like_clause(inner):
                return None
            return first[0], comma2
        if text[e - 1] == ")":
            # "Sen. Carl Brandt (a councillor so young ...) says": a long aside
            op = text.rfind("(", s_start, e)
            if op > s_start and ")" not in text[op : e - 1] and e - op < 200:
                head = np_before(text, s_start, op)
                if head is not None and _has_cap(text[head[0] : head[1]]):
                    return head[0], e
        span = np_before(text, s_start, e)
        if span is None:
            return None
        # "Ford, Lang and Brandt have": a list of names
        if re.search(r"\band\b", text[span[0] : span[1]]):
            lm = _NAME_LIST.search(text, max(s_start, span[0] - 120), span[0])
            if lm is not None:
                return lm.start(), span[1]
        return span

    def _long_subject(self, s_start: int, end: int) -> tuple[int, int] | None:
        """ "Ann May, 60, a doctor, said": a subject with several appositives or asides,
        from the sentence's first noun phrase to the cue."""
        text = self.text
        e = end
        while e > s_start and text[e - 1] in " \t\u00a0":
            e -= 1
        if e <= s_start or text[e - 1] not in ",—–-)":
            return None
        first = self._first_np(s_start, e)
        if first is None or e - first[0] > 250 or self.doc.quotes_in(first[0], e):
            return None
        nxt = text[first[1] : first[1] + 3]
        if not nxt.startswith((",", " —", " –", " -", " (")):
            return None  # the first noun phrase must be followed by its appositive
        while e > first[0] and text[e - 1] in " ,\t\u00a0—–-":
            e -= 1
        return first[0], e

    def _first_np(self, s_start: int, end: int) -> tuple[int, int] | None:
        """The noun phrase opening the sentence, when it is followed by a verb."""
        text = self.text
        # "The crowd cheered when Hale spotted a sign and asked ...": the nearest clause's
        # subject
        for m in reversed(list(_CLAUSE_OPENER.finditer(text, max(s_start, end - 200), end))):
            span = np_after(text, m.end(), end, max_words=8)
            if span is not None and span[0] == m.end():
                first = text[span[0] : span[1]]
                if _has_cap(first) or first.lower() in SUBJECT_PRONOUNS:
                    return span
            break
        p = _skip_space(text, s_start, end)
        span = np_after(text, p, end, max_words=8)
        if span is None or span[0] != p:
            return None
        first = text[span[0] : span[1]]
        if not (_has_cap(first) or first.lower() in PRONOUNS):
            return None
        return span

    def _subject_after(self, pos: int, s_end: int) -> tuple[int, int] | None:
        text = self.text
        p = _skip_space(text, pos, s_end)
        span = np_after(text, p, s_end)
        if span is None:
            return None
        # appositives after the name run to the sentence end (PolNeAR):
        # "said James Lewis, an expert at CSIS." / "said Biden, who served as a senator."
        e = span[1]
        if re.match(r",\s+(?=[\w(])", text[e : e + 3]):
            stop = s_end
            if _WHO_SAID.match(text, e, s_end):
                return span  # "said X, who said ...": the who-clause is a statement of its own
            cut = _APPOSITIVE_STOP.search(text, e, s_end)
            if cut is not None:
                stop = cut.start()
            q = self.doc.quote_at(stop - 1) if stop > e else None
            if q is not None:
                stop = q.start
            while stop > e and text[stop - 1] in ".!?,;: \u00a0":
                stop -= 1
            inner = text[e + 1 : stop].strip()
            if inner and len(inner.split()) <= 40 and not self.doc.quotes_in(e, stop):
                return span[0], stop
        return span

    def _sentence_subject(self, si: int, end: int) -> tuple[int, int] | None:
        """The speaker of the main clause for a participle ("..., adding that ...")."""
        for c in reversed(self.cands[-30:]):
            if c.sentence == si and c.speaker_span is not None:
                return c.speaker_span
        if si in self.dropped_subjects:
            return self.dropped_subjects[si]
        s_start = self.doc.sentences[si][0]
        text = self.text
        starts = [s_start] + [m.end() for m in re.finditer(r",\s+|\s[-—–]+\s+", text[s_start:end])]
        for k, st in enumerate(starts):
            if k > 0:
                st += s_start
            p = _skip_space(text, st, end)
            span = np_after(text, p, end)
            if span is None:
                continue
            words = text[span[0] : span[1]].split()
            if len(words) > 1 and words[0][:1].isupper() and words[-1][:1].islower():
                # "Hale hit back, saying": np_after ran over the verb
                k = len(words) - 1  # drop the verb only: "Hale hit", "His critics rushed"
                if words[k - 1].lower() not in DETERMINERS and words[k - 1].lower() not in PRONOUNS:
                    span = (span[0], span[0] + len(" ".join(words[:k])))
                    if text[span[0] : span[1]] != " ".join(words[:k]):
                        span = (span[0], span[0] + len(words[0]))
                    words = words[:k]
            nxt = re.match(r"\s+([a-z]+)", text[span[1] : span[1] + 20])
            if (_has_cap(" ".join(words)) or words[0].lower() in PRONOUNS) and nxt:
                if nxt.group(1) in STOP and nxt.group(1) not in AUX_WORDS:
                    continue
                if nxt.group(1) in ("later", "ago", "earlier") or words[0].lower() in _NOT_SUBJECT:
                    continue  # "Hours later, Hale returned ...": a time phrase
                return span
        return None

    def _content_after(self, si: int, ce: int, info: CueInfo) -> tuple[int, int, Kind] | None:
        text, doc = self.text, self.doc
        s_start, s_end = doc.sentences[si]
        pos = ce
        # recipient ("told reporters", "told CNN", "told him")
        rec_start = -1
        if info.takes_recipient:
            p = _skip_space(text, pos, s_end)
            rec_start = p
            m = re.match(r"(?:him|her|them|us|me|you|it)\b", text[p : p + 5])
            if m:
                pos = p + m.end()
            else:
                rec = np_after(text, p, s_end, max_words=6)
                if rec is not None and not text[rec[0] : rec[1]].lower().startswith(
                    ("that", "the public that")
                ):
                    first = text[rec[0] : rec[1]].split()[0].lower()
                    if first not in ("he", "she", "they", "it", "we", "i"):
                        pos = rec[1]
        pos = _skip_adverbials(text, pos, s_end)
        if info.takes_recipient or _RECIPIENT_LEAD.match(text[pos : pos + 20]):
            # "told The Post and Courier newspaper of Charleston on Saturday that ..."
            tm = _TOLD_THAT.match(text, pos, s_end)
            if re.match(r"\s*(?:that\s|:)", text[pos : pos + 8]):
                tm = None
            if tm is not None and doc.quote_at(tm.start(1)) is None:
                pos = tm.start(1)
        p = _skip_space(text, pos, s_end)
        # "said:" then the quote in the next paragraph
        colon = False
        if p < len(text) and text[p] in ",:":
            colon = text[p] == ":"
            p = _skip_space(text, p + 1, len(text) if colon else s_end)
        if p >= len(text):
            return None
        q = doc.quote_starting(p)
        if q is not None:
            end = q.end
            kind: Kind = "direct"
            rest = text[end:s_end]
            # the sentence goes on after the quote ("... “without preconditions” in a speech")
            tail = rest.strip(' \t\u00a0.,;:!?"”’')
            if (
                tail
                and not _is_source_tail(tail)
                and not _CLAUSE_CUTS.match(rest)
                and re.match(r"\s*(?:and|or|but|,)?\s*[a-z]", rest)
                and not q.unterminated
            ):
                end2 = self._clause_end(end, s_end)
                if end2 > end + 2:
                    end = end2
                    kind = "mixed"
            return (
                q.inner_start if kind == "direct" else q.start,
                (q.inner_end if kind == "direct" else end),
                kind,
            )
        if p >= s_end:
            return None
        word_m = re.match(r"[\w’'-]+", text[p:s_end])
        if not word_m:
            return None
        word = re.sub(r"[’'](?:s|d|ll|re|ve|m)$", "", word_m.group().lower())
        if colon or word == "that":
            pass
        elif text[pos:p].strip() == "," and _AS_X.match(text, s_start, ce):
            pass  # "As The Washington Post reported, CLAUSE."
        elif text[pos:p].strip() == ",":
            return None  # "said, adding ..." / "said, referring to ...": no content clause
        elif (word == "to" or re.match(r"not\s+to\s", text[p : p + 8])) and info.lemma in _TO_VERBS:
            # "urged him to act", "vowed to fight on": PolNeAR keeps the addressee
            if 0 <= rec_start < p and not text[rec_start:p].strip(" ,").endswith((".", ":", ";")):
                p = rec_start
        elif info.lemma == "ask" or info.lemma == "wonder":
            if word not in ("if", "whether", "what", "how", "why", "when", "where", "who"):
                return None
        elif info.cls == OBJECT:
            pass
        else:
            answer = word in ("yes", "no", "so") and not re.sub(
                r"^[\w’'-]+", "", text[p:s_end]
            ).strip(" .!?\u00a0")
            if answer:
                pass  # "Everyone but Novak said yes.", "55 percent said so."
            elif word in _NOT_CLAUSE_START or word.endswith("ing") and cue_info(word) is not None:
                return None
            elif info.lemma in ("call", "tell") and word not in PRONOUNS:
                return None
            elif word in STOP and word not in _CLAUSE_STARTERS:
                return None
        end = self._clause_end(p, s_end)
        n_words = len(text[p:end].split())
        min_words = 1 if info.cls == OBJECT or word == "to" else 3
        if word in SUBJECT_PRONOUNS and word not in ("who", "which"):
            min_words = 2  # "They said she could."
        elif word in ("yes", "no", "so") and not text[end:s_end].strip(" .!?\u00a0"):
            min_words = 1  # "Everyone but Novak said yes."
        if end - p < 2 or (word != "that" and n_words < min_words and not colon):
            return None
        quotes = doc.quotes_in(p, end)
        kind = "mixed" if quotes else "indirect"
        return p, end, kind

    def _split_coordinated(self, a_s: int, a_e: int, kind: Kind) -> list[tuple[int, int, Kind]]:
        """ "said it was “A” with X and that Y should “B”": two quoted statements.

        When both coordinated that-clauses carry quoted words, each quotation is reported as a
        direct statement of its own (the seed key's convention); otherwise one statement.
        """
        if kind != "mixed":
            return [(a_s, a_e, kind)]
        for m in re.finditer(r",?\s+and\s+that\s+", self.text[a_s:a_e]):
            cut, nxt = a_s + m.start(), a_s + m.end() - 5
            if self.doc.quote_at(cut) is not None:
                continue
            first, second = self.doc.quotes_in(a_s, cut), self.doc.quotes_in(nxt, a_e)
            if (
                len(first) == 1
                and len(second) == 1
                and all(
                    len(self.text[q.inner_start : q.inner_end].split()) >= 3 for q in first + second
                )
            ):
                return [(q.inner_start, q.inner_end, "direct") for q in (*first, *second)]
        return [(a_s, a_e, kind)]

    def _clause_end(self, p: int, s_end: int) -> int:
        text = self.text
        s_end = min(s_end, p + _MAX_CLAUSE)  # a run-on "sentence" never costs quadratic time
        end = s_end
        m = _CLAUSE_CUTS.search(text, p, s_end)
        while m is not None:
            if self.doc.quote_at(m.start()) is not None:
                m = _CLAUSE_CUTS.search(text, m.end(), s_end)
                continue
            closing = self._paired_dash(m, s_end)
            if closing < 0 and re.match(r",\s+who", m.group()):
                # "that Gov. X, who must decide, has revealed nothing": a relative clause
                # inside the content, closed by a comma before the verb
                vm = _VERB_AFTER_COMMA.search(text, m.end(), min(s_end, m.end() + 200))
                if vm is not None and not self.doc.quote_at(vm.start()):
                    closing = vm.start() + 1
            if closing < 0:
                break
            m = _CLAUSE_CUTS.search(text, closing, s_end)
        if m is not None:
            end = m.start()
        # a second attribution in the same sentence: "..., but Fiorina said she doubted ..."
        m2 = _SECOND_ATTRIBUTION.search(text, p, end)
        while m2 is not None and self.doc.quote_at(m2.start()) is not None:
            m2 = _SECOND_ATTRIBUTION.search(text, m2.end(), end)
        if m2 is not None and m2.start() > p + 10:
            end = m2.start()
        # a trailing source phrase: "... in a speech at the UNGA."
        seg = text[p:end]
        tm = re.search(
            r"\s+(?:in|at|during|on)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?"
            r"(?:speech|interview|statement|press\s+conference|news\s+conference|report|"
            r"address|session|briefing)\b[^,;]*$",
            seg,
        )
        if tm is not None and tm.start() > 0:
            q = self.doc.quote_at(p + tm.start())
            if q is None:
                end = p + tm.start()
        while end > p and text[end - 1] in " \t\u00a0.,;:!?":
            if text[end - 1] in ".!?" and end < len(text) and text[end] in "\"”’'»":
                break
            end -= 1
        return end

    def _paired_dash(self, m: re.Match[str], s_end: int) -> int:
        """End of the dash closing a parenthetical opened at ``m`` ("A — B — C"), or -1."""
        if m.group().strip() not in ("—", "–", "--"):
            return -1
        d = _DASH.search(self.text, m.end(), min(s_end, m.end() + 200))
        return d.end() if d is not None else -1

    def _content_before(
        self,
        si: int,
        before_end: int,
        cue_span: tuple[int, int],
        subj: tuple[int, int],
        after_pos: int,
        max_score: float = 1.0,
    ) -> bool:
        text, doc = self.text, self.doc
        s_start, s_end = doc.sentences[si]
        e = before_end
        while e > s_start and text[e - 1] in " \t\u00a0":
            e -= 1
        if e <= s_start and si > 0:
            # “... missing.” Trump said.  (the quote closed its own sentence)
            prev_end = s_start
            while prev_end > 0 and text[prev_end - 1] in " \t\u00a0":
                prev_end -= 1
            pq = doc.quote_ending(prev_end)
            if pq is not None and "\n" not in text[pq.end : s_start]:
                s_start = doc.sentences[si - 1][0]
                e = prev_end
        if e <= s_start:
            return False
        # a comma (possibly inside a closing quote) must separate content and attribution
        q = doc.quote_ending(e)
        if q is None and text[e - 1] == ",":
            q = doc.quote_ending(e - 1)
        if q is None:
            if text[e - 1] not in ",—–-":
                return False
            content_end = e - 1
        else:
            content_end = q.end
        start = _skip_space(text, max(s_start, content_end - _MAX_CLAUSE), content_end)
        if q is not None and text[start : q.start].rstrip().endswith((":", ";")):
            start = q.start  # "X asserted that A: “B,” he claimed": the quotation only
        if content_end - start < 3:
            return False
        if q is None:
            # "Still, Sanders continues to trail": reported speech before the cue needs an
            # attribution that closes the clause ("..., X said." / ", X said, ...")
            p2 = _skip_adverbials(text, after_pos, s_end)
            tail = text[p2:s_end].strip(" \t\u00a0")
            if tail and tail[0] not in ",.;:!?)—–-\"”’'(":
                first_word = tail.split()[0].lower().strip(",.;:")
                if first_word not in _TAIL_OK and not tail[0].isupper():
                    return False
        # the attribution may continue: "..., he said, “and more.”" / ", he said. “More.”"
        end = content_end
        p = after_pos
        m = re.match(r"[^,.;:!?\"“”]{0,60}?,\s*(?=[\"“„'«]|''|``)", text[p:s_end])
        if m:
            q2 = doc.quote_starting(_skip_space(text, p + m.end(), s_end))
            if q2 is not None:
                end = q2.inner_end
        elif q is not None and not _WHO_SAID.search(text, after_pos, s_end):
            nxt = self._following_quotes(si)
            if nxt is not None:
                end = nxt
        elif text[e - 1] == ",":
            # mid-sentence attribution: "Those who ..., he said, must still register."
            rest = text[after_pos:s_end]
            mm = re.match(r"(?:\s+[\w’'.-]+){0,4}?\s*,\s*(?=[^\W\d_])", rest)
            if (
                mm
                and not re.match(r"\s*,\s*(?!including\b)\w+ing\b", rest)
                and not re.match(
                    r"\s*,\s*(?:according|who|which|as|in|at|on|during|after|before|when)\b", rest
                )
            ):
                end = self._clause_end(after_pos + mm.end(), s_end)
        qs = doc.quotes_in(start, end)
        first_q = qs[0] if qs else None
        if first_q is not None and first_q.start == start:
            kind: Kind = "direct"
            start_out = first_q.inner_start
        else:
            kind = "mixed" if qs else "indirect"
            start_out = start
        if end == content_end and q is not None and kind == "direct":
            end_out = q.inner_end
        else:
            end_out = end
        score = 0.85 if kind == "direct" else 0.6
        if (
            kind != "direct"
            and start_out == _skip_space(text, doc.sentences[si][0], end_out)
            and not text[after_pos : doc.sentences[si][1]].strip(" \t\u00a0.!?\"”’'")
            and not self._reports_inside(start_out, end_out)
        ):
            # "Social media has added another link to the chain, she noted.": an attribution
            # closing its sentence reports all of it, a cue inside is part of the content
            score = 0.82
        self._add(start_out, end_out, kind, cue_span, subj, si, min(score, max_score))
        return True

    def _reports_inside(self, start: int, end: int) -> bool:
        """Whether ``start:end`` holds an attribution of its own ("X warned that ...,
        KCNA reported": X speaks, KCNA is the channel)."""
        text = self.text
        for c_s, c_e, info in find_cues(text[start:end]):
            if info.cls != SPEECH or self.doc.quote_at(start + c_s) is not None:
                continue
            if info.lemma in ("say", "tell") or _REPORT_NEXT.match(text, start + c_e, end):
                return True
        return False

    def _following_quotes(self, si: int) -> int | None:
        """End of the quoted sentences that follow sentence ``si`` in the same paragraph."""
        text, doc = self.text, self.doc
        end: int | None = None
        k = si + 1
        s_end_prev = doc.sentences[si][1]
        while k < len(doc.sentences):
            ns, ne = doc.sentences[k]
            if "\n" in text[s_end_prev:ns]:
                break
            q = doc.quote_starting(ns)
            if q is None or text[q.end : ne].strip(" .,;:!?\u00a0"):
                break
            end = q.inner_end
            s_end_prev = ne
            k += 1
        return end

    def _according(self, si: int, a_s: int, a_e: int) -> None:
        text, doc = self.text, self.doc
        s_start, s_end = doc.sentences[si]
        p = _skip_space(text, a_e, s_end)
        spk = np_after(text, p, s_end, max_words=12)
        # PolNeAR: the source runs to the next comma or the sentence end ("according to a
        # new poll by the Harvard University Institute of Politics")
        limit = min(s_end, p + 400)
        stop = _ACCORDING_STOP.search(text, p, limit)
        stop_at = stop.start() if stop is not None else (s_end if s_end == limit else p)
        while stop_at > p and text[stop_at - 1] in " \t\u00a0.!?\"”’')":
            stop_at -= 1
        if stop_at > p and len(text[p:stop_at].split()) <= 20 and text[p].isalnum():
            spk = (p, stop_at)
        if spk is None:
            return
        before = text[s_start:a_s].strip(" \t\u00a0")
        if before.endswith((":", ";")) or before.lower() in ("but", "and", "yet", "so", "still"):
            s_start = a_s  # "And it hasn't gone unnoticed: According to polls, CLAUSE."
            before = ""
        if before.endswith((',"', ",”", "”,", '",', ",''", "'',")):
            before = before.rstrip("\"”'") + ("" if before.endswith(",") else ",")
        if not before:
            # "According to X, CLAUSE."
            comma = text.find(",", spk[1], s_end)
            if comma < 0:
                return
            c_s = _skip_space(text, comma + 1, s_end)
            c_e = self._clause_end(c_s, s_end)
        elif before.endswith(","):
            c_s = _skip_space(text, s_start, a_s)
            c_e = a_s
            while c_e > c_s and text[c_e - 1] in " \t\u00a0,":
                c_e -= 1
            tail = text[spk[1] : s_end].strip(" .\u00a0")
            name_end = self._name_to_end(spk[1], s_end) if tail.startswith(",") else None
            if name_end is not None:
                # "CLAUSE, according to the council's chief planner, Maria Santos.": the name
                # closing the sentence belongs to the source; the clause does not resume
                spk = (spk[0], name_end)
            elif tail.startswith(",") and not re.match(
                r",\s+(?:a|an|the|who|which|including|with|whose|one|its|his|her|their|[a-z]+ing)\b"
                r"|,\s+(?:[\w’'.-]+\s+){0,3}(?:of|at|for|in)\s",
                tail,
            ):
                c_e2 = self._clause_end(_skip_space(text, spk[1] + 1, s_end), s_end)
                if c_e2 > c_e:
                    c_e = c_e2
        elif not text[spk[1] : s_end].strip(" .!?\u00a0") and len(before.split()) >= 4:
            # "Turnout rose five points according to the survey."
            c_s = _skip_space(text, s_start, a_s)
            c_e = a_s
        else:
            return
        if c_e - c_s < 3:
            return
        kind: Kind = "mixed" if doc.quotes_in(c_s, c_e) else "indirect"
        self._add(c_s, c_e, kind, (a_s, a_e), spk, si, 0.7)

    def _name_to_end(self, comma: int, s_end: int) -> int | None:
        """The end of a proper name that follows the comma at ``comma`` and closes the
        sentence ("..., Maria Santos."), if there is one."""
        text = self.text
        p = _skip_space(text, comma + 1, s_end)
        np_ = np_after(text, p, s_end)
        if np_ is None or np_[0] != p or text[np_[1] : s_end].strip(" \t\u00a0.!?\"”’')"):
            return None
        name, _role = name_and_role(text[np_[0] : np_[1]])
        return np_[1] if name is not None else None

    def _nominal(self) -> None:
        """ "Victor Hale’s claim that Ford founded the club", "his promise to be neutral": a
        speech noun with its possessor and a that-clause or a to-infinitive."""
        text, doc = self.text, self.doc
        for m in _NOMINAL_NOUN.finditer(text):
            pm = _NOMINAL_POSS.search(text, max(0, m.start() - 80), m.start())
            if pm is None or doc.quote_at(m.start()) is not None:
                continue
            si = doc.sentence_of(m.start())
            s_end = doc.sentences[si][1]
            c_s = _skip_space(text, m.end(), s_end)
            if c_s >= s_end:
                continue
            # a noun phrase sits inside a larger sentence: its content ends at a comma
            c_e = self._relative_end(c_s, self._clause_end(c_s, s_end))
            if len(text[c_s:c_e].split()) < 3:
                continue
            kind: Kind = "mixed" if doc.quotes_in(c_s, c_e) else "indirect"
            spk = (pm.start("poss"), pm.end("poss"))
            self._add(c_s, c_e, kind, (m.start(), m.end()), spk, si, 0.45)

    def _interview(self) -> None:
        """Interview transcripts. "Q: ... / A: ...": each answer is a statement of the
        interviewee named in the introduction; a question is nobody's statement, nor is a cue
        inside it ("Q: What would you tell the Yoon government?" is no statement of the Kim
        Jong Un named before). "CHO: ... / HILL: ...": each paragraph is its speaker's, whole
        (a cue inside it is no statement of its own)."""
        text, doc = self.text, self.doc
        qa: list[tuple[int, int, re.Match[str]]] = []
        named: list[tuple[int, int, re.Match[str]]] = []
        for p_start, p_end in doc.paragraphs:
            m = _QA_MARKER.match(text, p_start, p_end)
            if m is not None:
                qa.append((p_start, p_end, m))
            elif (m := _TRANSCRIPT_NAME.match(text, p_start, p_end)) is not None and not any(
                w.lower() in _HEADLINE_STOP for w in m.group("name").split()
            ):
                named.append((p_start, p_end, m))  # not "UPDATE:", "PHOTO:"
        answers = [(p_s, p_e, m) for p_s, p_e, m in qa if m.group("answer")]
        if answers and len(answers) < len(qa):
            who = self._interviewee(qa[0][0])
            for p_start, p_end, m in qa:
                if not m.group("answer"):
                    self.refused_spans.append((p_start, p_end))  # a question
                elif who is not None:
                    cue = (m.start("marker"), m.end())  # "A:"
                    self._add(m.end(), p_end, "direct", cue, who, doc.sentence_of(m.end()), 0.9)
        elif len(named) >= 3 and len({m.group("name").split()[-1] for *_, m in named}) >= 2:
            for _, p_end, m in named:
                colon = text.index(":", m.end("name"))
                si = doc.sentence_of(m.end())
                self._add(m.end(), p_end, "direct", (colon, colon + 1), m.span("name"), si, 0.9)

    def _interviewee(self, end: int) -> tuple[int, int] | None:
        """The person an interview is with, named before its first question (not a byline)."""
        for m in _INTERVIEWEE.finditer(self.text, 0, end):
            g = m.lastindex
            if g is not None:
                return m.span(g)
        return None

    def _headlines(self) -> None:
        """ "Kishida: “...”" and transcript lines "FALLIN: I think ..." (name, colon, words)."""
        text, doc = self.text, self.doc
        para_starts = {p for p, _ in doc.paragraphs}
        for si, (s_start, s_end) in enumerate(doc.sentences):
            m = _HEADLINE.match(text, s_start, s_end)
            if not m and si == 0:
                # the title: "Ford camp: ...", "Former mayor Lang at the convention: ..."
                m = _TITLE_COLON.match(text, s_start, s_end)
                if m is not None and (
                    "\n" in text[s_start : m.end()] or doc.quote_starting(m.end()) is not None
                ):
                    m = None  # a quotation after the colon is _colon_quotes' business
            if not m:
                continue
            name = m.group(1)
            words = name.split()
            if words[0].lower().strip(".") in _HEADLINE_STOP or words[0].lower() in STOP:
                continue
            lower = [w for w in words if w[:1].islower()]
            if (lower and si > 0 and (len(words) > 3 or lower[-1:] != words[-1:])) or any(
                w.lower() in _HEADLINE_STOP for w in words
            ):
                continue  # a name in capitals, or "Ford camp:"
            if any(w.rstrip(".").isdigit() for w in words):
                continue
            colon = text.find(":", m.start(1) + len(name) - 1, m.end())
            cue = (colon, colon + 1)
            c_s = m.end()
            q = doc.quote_starting(c_s)
            if q is not None:
                self._add(
                    q.inner_start, q.inner_end, "direct", cue, (m.start(1), m.end(1)), si, 0.6
                )
                continue
            if s_start not in para_starts or len(words) > 5:
                continue
            # unquoted: the rest of the line is the statement (headline or transcript)
            line_end = text.find("\n", c_s)
            if line_end < 0:
                line_end = len(text)
            kind: Kind = "mixed" if doc.quotes_in(c_s, line_end) else "indirect"
            self._add(c_s, line_end, kind, cue, (m.start(1), m.end(1)), si, 0.5)

    def _colon_quotes(self) -> None:
        """ "Lang resisted: “Governors do not have the power ...”": a quotation
        introduced by a colon, spoken by the subject of the introducing sentence."""
        text, doc = self.text, self.doc
        for q in doc.quotes:
            j = q.start
            while j > 0 and text[j - 1] in " \t\r\n\u00a0":
                j -= 1
            if j == 0 or text[j - 1] != ":" or text[j : q.start].count("\n") > 4:
                continue
            colon = j - 1
            si = doc.sentence_of(colon)
            s_start = doc.sentences[si][0]
            if colon - s_start < 3 or doc.quote_at(colon) is not None:
                continue
            spk = self._first_np(s_start, colon)
            if spk is None:
                inv = _INVERTED_LEAD.match(text, s_start, colon)  # "Stated Stone:"
                if inv is not None:
                    spk = np_after(text, inv.end(), colon)
            if spk is None:
                continue
            lo = max(s_start, colon - 60)
            w = re.search(r"[\w’']+\s*$", text[lo:colon])
            cue = (lo + w.start(), colon + 1) if w else (colon, colon + 1)
            if cue[0] < spk[1]:
                cue = (colon, colon + 1)
            self._add(q.inner_start, q.inner_end, "direct", cue, spk, si, 0.4)

    def _quote_then_verb(self) -> None:
        """ "“What made him change?” Novak questioned.": a quotation followed by a name and any
        verb that ends the sentence is attributed to that name (verbs outside the lexicon)."""
        text, doc = self.text, self.doc
        for q in doc.quotes:
            si = doc.sentence_of(q.start)
            s_start, s_end = doc.sentences[si]
            lead = text[s_start : q.start].strip(" \t\u00a0")
            if lead and not lead.endswith(":"):
                continue
            if s_end <= q.end + 1 and si + 1 < len(doc.sentences):
                # “... his mind?” Novak questioned.  (the quotation closed its sentence)
                n_start, n_end = doc.sentences[si + 1]
                if "\n" not in text[q.end : n_start]:
                    s_end = n_end
            m = _QUOTE_VERB.match(text, q.end, s_end)
            if m is None:
                self._quote_verb_name(q)
                continue
            spk = (m.start("spk"), m.end("spk"))
            spk_text = m.group("spk")
            if not (
                _has_cap(spk_text)
                or spk_text.lower() in SUBJECT_PRONOUNS
                or spk_text.startswith("the ")
            ):
                continue
            if spk_text.split()[0].lower() in STOP:
                continue
            cue = (m.start("verb"), m.end("verb"))
            self._add(q.inner_start, q.inner_end, "direct", cue, spk, si, 0.42)

    def _quote_verb_name(self, q: QuoteSpan) -> None:
        """ "“This is fantastic!” beamed Donald Hartley of Madison.", "“…,” reads a Wednesday
        editorial in The Register.": an inverted attribution with a verb outside the lexicon
        (or one that otherwise needs "that" after it) and a name that ends the sentence."""
        text = self.text
        after = q.end + 1 if text[q.end : q.end + 1] == "," else q.end
        if after == q.end and text[q.inner_end - 1 : q.inner_end] not in (",", "!", "?"):
            return  # an utterance closes with its own punctuation; a title does not
        m = _INVERTED_VERB.match(text, after)
        if m is None:
            return
        info = cue_info(m.group(1))
        if info is None and not m.group(1).endswith("ed"):
            return
        if info is not None and info.lemma not in _NEEDS_THAT:
            return  # a lexicon cue: _from_cue's business
        si = self.doc.sentence_of(m.start(1))
        spk = self._inverted_speaker(si, m.end(1), _INVERTED_CUE)
        if spk is not None:
            self._content_before(si, m.start(1), m.span(1), spk, spk[1], max_score=0.42)

    def _in_poll(self) -> None:
        """ "In a CNN/ORC poll released Monday, 31% of Republicans said ...": a poll or survey as
        the source of a sentence (leading "In ...," or trailing "... in the latest Fox poll.")."""
        text, doc = self.text, self.doc
        with_poll = {doc.sentence_of(m.start()) for m in _POLL_WORD.finditer(text)}
        for si in sorted(with_poll):
            s_start, s_end = doc.sentences[si]
            m = _IN_POLL_LEAD.match(text, s_start, s_end)
            if m is not None:
                c_s = _skip_space(text, m.end(), s_end)
                c_e = self._clause_end(c_s, s_end)
                if len(text[c_s:c_e].split()) >= 3:
                    kind: Kind = "mixed" if doc.quotes_in(c_s, c_e) else "indirect"
                    cue = (m.start(1), m.start(1) + 2)
                    self._add(c_s, c_e, kind, cue, (m.start(2), m.end(2)), si, 0.5)
                continue
            t = _IN_POLL_TAIL.search(text, s_start, s_end)
            if t is not None and t.start() > s_start:
                c_s = _skip_space(text, s_start, t.start())
                if len(text[c_s : t.start()].split()) >= 3 and not doc.quote_at(t.start()):
                    kind = "mixed" if doc.quotes_in(c_s, t.start()) else "indirect"
                    cue = (t.start(1), t.start(1) + 2)
                    self._add(c_s, t.start(), kind, cue, (t.start(2), t.end(2)), si, 0.5)

    def _asked(self) -> None:
        """ "Asked whether he would run, Smith said ...": the question is reported too."""
        text, doc = self.text, self.doc
        for si, (s_start, s_end) in enumerate(doc.sentences):
            m = _ASKED.match(text, s_start, s_end)
            if m is None:
                continue
            a = text.find("sked", m.start(), m.end()) - 1
            self._add(m.start(1), m.end(1), "indirect", (a, a + 5), None, si, 0.5)

    def _continued_paragraphs(self, chosen: list[_Cand]) -> list[_Cand]:
        """A paragraph that is one quotation and nothing else continues the previous speaker."""
        text, doc = self.text, self.doc
        out = list(chosen)
        last: _Cand | None = None
        t_starts = [c.start for c in chosen]  # chosen is sorted and non-overlapping
        t_ends = [c.end for c in chosen]
        by_start = sorted(chosen, key=lambda c: c.start)
        idx = 0
        for p_start, p_end in doc.paragraphs:
            while idx < len(by_start) and by_start[idx].start < p_start:
                last = by_start[idx]
                idx += 1
            lead = _skip_space(text, p_start, p_end)
            q = doc.quote_starting(lead)
            if q is None or last is None or last.speaker_span is None:
                continue
            if text[q.end : p_end].strip(" .,;:!?\u00a0") or q.end > p_end + 1 and q.unterminated:
                continue
            k = bisect.bisect_left(t_starts, q.inner_end)
            if k > 0 and t_ends[k - 1] > q.inner_start:
                continue
            if "\n" not in text[last.end : q.start] or text[last.end : q.start].count("\n") > 3:
                continue
            s, e = _trim(text, q.inner_start, q.inner_end)
            if e - s < 3:
                continue
            si = doc.sentence_of(q.start)
            out.append(_Cand(s, e, "direct", last.cue_span, last.speaker_span, 0.4, si))
            k = bisect.bisect_left(t_starts, s)
            t_starts.insert(k, s)
            t_ends.insert(k, e)
        out.sort(key=lambda c: c.start)
        return out

    def _add(
        self,
        start: int,
        end: int,
        kind: Kind,
        cue: tuple[int, int],
        spk: tuple[int, int] | None,
        si: int,
        score: float,
        source_span: tuple[int, int] | None = None,
    ) -> None:
        start, end = _trim(self.text, start, end)
        seg = self.text[start:end]
        if seg.endswith(")") and seg.count(")") > seg.count("("):
            # "(A spokeswoman disputed their account.)": the bracket is not the content's
            start, end = _trim(self.text, start, end - 1)
        elif seg.startswith("(") and seg.count("(") > seg.count(")"):
            start, end = _trim(self.text, start + 1, end)
        if end - start < 2 or _ANONYMITY.fullmatch(self.text, start, end):
            return
        if any(r_s <= cue[0] < r_e for r_s, r_e in self.refused_spans):
            return
        if spk is not None:
            s0, s1 = spk
            while s1 > s0 and self.text[s1 - 1] in " ,\u00a0":
                s1 -= 1
            if s1 - s0 > 2 and self.text[s1 - 1] == "." and self.text[s1 - 2].islower():
                s1 -= 1
            cm = _PRONOUN_CONTRACTION.match(self.text, s0, s1)
            if cm is not None and cm.end() == s1 and cue[0] >= s1:
                # "he’s said": the speaker is "he", the auxiliary belongs to the cue (PolNeAR)
                if not self.text[cm.end() : cue[0]].strip():
                    cue = (cm.start(1), cue[1])
                s1 = cm.start(1)
            spk = (s0, s1)
            if spk[0] < end and start < spk[1] and not (start <= spk[0] and spk[1] <= end):
                return
        # a content that is a single title-cased short phrase in quotes is not a statement
        self.cands.append(_Cand(start, end, kind, cue, spk, score, si, source_span))

    # -- selection and resolution ----------------------------------------------------------
    def _select(self) -> list[_Cand]:
        cands = sorted(self.cands, key=lambda c: (-c.score, c.start, -(c.end - c.start)))
        chosen: list[_Cand] = []
        starts: list[int] = []  # sorted starts of the chosen, parallel to ends
        ends: list[int] = []
        objs: list[_Cand] = []
        text = self.text
        for c in cands:
            i = bisect.bisect_left(starts, c.end)  # chosen that start before c ends
            if i > 0 and ends[i - 1] > c.start:
                # overlaps the chosen one starting just before c's end; a content that runs
                # into a later statement ("asserted that A: “B,” he claimed") keeps its head
                k = bisect.bisect_right(starts, c.start)
                if k >= len(starts) or (k > 0 and ends[k - 1] > c.start):
                    continue
                nxt = objs[k]
                cut = min(nxt.start, nxt.cue_span[0], *(nxt.speaker_span or ()))
                if c.cue_span[1] > cut or (c.speaker_span and c.speaker_span[1] > cut):
                    continue
                while cut > c.start and text[cut - 1] in _CUT_TRIM:
                    cut -= 1
                tail = _CUT_TAIL.search(text, c.start, cut)
                if tail is not None:
                    cut = tail.start()
                if len(text[c.start : cut].split()) < 3 or self.doc.quote_at(cut - 1):
                    continue
                c = _Cand(
                    c.start,
                    cut,
                    c.kind,
                    c.cue_span,
                    c.speaker_span,
                    c.score,
                    c.sentence,
                    c.source_span,
                )
            chosen.append(c)
            j = bisect.bisect_left(starts, c.start)
            starts.insert(j, c.start)
            ends.insert(j, c.end)
            objs.insert(j, c)
        chosen.sort(key=lambda c: c.start)
        return chosen

    def _finish(self, chosen: list[_Cand]) -> list[Attribution]:
        text = self.text
        resolver = SpeakerResolver(text)
        out: list[Attribution] = []
        last_speaker: str | None = None
        last_pos = -(10**9)
        sources: list[tuple[str, str, tuple[int, int]] | None] = []
        for c in chosen:
            speaker = role = None
            thing = False  # "a message that said": no person for later pronouns
            if c.speaker_span is not None:
                pos = c.speaker_span[0]
                mention = text[c.speaker_span[0] : c.speaker_span[1]]
                low = mention.lower()
                if low == "that":
                    # "a message that said, “…”": the thing named before the relative pronoun
                    thing = True
                    ante = np_before(text, self.doc.sentences[c.sentence][0], pos)
                    if ante is not None:
                        speaker = resolver.canonical(text[ante[0] : ante[1]], pos)[0]
                elif low in PRONOUNS:
                    # the antecedent of "who" is in the same sentence: "...conference.
                    # Councillor Tom Baker, who ..." is Councillor Tom Baker only
                    s_lo = self.doc.sentences[self.doc.sentence_of(pos)][0]
                    comma = text.rfind(",", s_lo, pos)
                    ante = None
                    if low in ("who", "which") and comma > s_lo:
                        ante = np_before(text, s_lo, comma)
                    subject = None
                    if low in ("he", "she"):
                        subject = self._previous_subject(pos, last_pos, resolver)
                    if ante is not None:
                        speaker, role = resolver.canonical(text[ante[0] : ante[1]], pos)
                    elif subject is not None:
                        # "Councillor Tom Baker voted against it. “...,” he told reporters.":
                        # a person introduced as the previous sentence's subject since the last
                        # speaker
                        speaker = subject
                    elif last_speaker is not None and pos - last_pos < 600:
                        # "Smith said ... He added ...": the speaker just quoted
                        speaker = last_speaker
                    else:
                        speaker = resolver.nearest(pos) or last_speaker
                    if speaker is not None and role is None:
                        role = resolver.role_of(speaker)
                elif (issued := _ISSUED_BY.fullmatch(mention)) is not None:
                    # "a statement from the mission said": the mission speaks, named as
                    # earlier in the article ("The North Korean mission in Geneva")
                    issuer = issued.group("issuer")
                    speaker = self._named_before(issuer, pos)
                    if speaker is None:
                        speaker, role = resolver.canonical(issuer, pos)
                else:
                    speaker, role = resolver.canonical(mention, pos)
                    entry = self.gaz.lookup(mention)
                    if entry is not None and not entry.is_channel:
                        speaker = entry.name  # "the Korean Central News Agency" -> KCNA
            if speaker and not thing:
                last_speaker = speaker
                if c.speaker_span is not None:
                    last_pos = c.speaker_span[0]
            sources.append(self._source_for(c))
            out_kind = c.kind
            out.append(
                Attribution(
                    start=c.start,
                    end=c.end,
                    text=text[c.start : c.end],
                    kind=out_kind,
                    speaker=speaker,
                    speaker_span=c.speaker_span,
                    speaker_role=role,
                    cue_span=c.cue_span,
                    cue=text[c.cue_span[0] : c.cue_span[1]],
                    confidence=c.score,
                    said_when=self._said_when(c),
                )
            )
        self._propagate_sources(chosen, sources)
        self._carry_sources(chosen, out, sources)
        final: list[Attribution] = []
        for a, src in zip(out, sources, strict=True):
            if src is not None:
                name, kind, span = src
                a = _replace(a, source=name, source_kind=kind, source_span=span)
            final.append(a)
        return final

    def _said_when(self, c: _Cand) -> str | None:
        """ "on Friday", "yesterday", "last night": a day next to the cue ("said on Friday",
        "Smith on Friday said", "“…,” Smith said Friday") or opening the sentence ("On
        Friday, Smith said")."""
        text = self.text
        s_start, s_end = self.doc.sentences[c.sentence]
        cs, ce = c.cue_span
        near = text[max(s_start, cs - 30) : min(s_end, ce + 60)] + text[s_start : s_start + 30]
        if "day" not in near and "night" not in near and "this" not in near.lower():
            return None  # the cheap test first: most statements name no day
        # (not inside the content: "said he would run on Friday" is when he runs)
        after = text[ce : min(s_end, ce + 60, c.start if c.start >= ce else s_end)]
        stop = _WHEN_STOP.search(after)
        m = _WHEN.search(after, 0, stop.start() if stop else len(after))
        if m is None:
            m = _WHEN_BEFORE.search(text, max(s_start, cs - 30), cs)
        if m is None:
            m = _WHEN_OPENING.match(text, _skip_space(text, s_start, s_end), cs)
        return " ".join(m.group("when").split()) if m is not None else None

    def _named_before(self, issuer: str, pos: int) -> str | None:
        """ "the mission" -> "North Korean mission in Geneva": the fuller name of a body
        named before ``pos`` with the same head noun."""
        m = re.fullmatch(r"(?:the|its|their)\s+([a-z]+)", issuer, re.IGNORECASE)
        if m is None:
            return None
        found = None
        for fm in _BODY_NAME.finditer(self.text, max(0, pos - 3000), pos):
            if fm.group("head").lower() == m.group(1).lower():
                found = fm.group("name")
        return found

    def _previous_subject(self, pos: int, last_pos: int, resolver: SpeakerResolver) -> str | None:
        """The full name opening the sentence before the one at ``pos`` (same paragraph),
        when it comes after the last speaker's mention (``last_pos``)."""
        text, doc = self.text, self.doc
        si = doc.sentence_of(pos)
        if si == 0:
            return None
        p_start, p_end = doc.sentences[si - 1]
        start = _skip_space(text, p_start, p_end)
        if start <= last_pos or "\n" in text[p_end : doc.sentences[si][0]]:
            return None
        return resolver.person_at(start)

    def _source_for(self, c: _Cand) -> tuple[str, str, tuple[int, int]] | None:
        text = self.text
        if c.source_span is not None:
            res = self.gaz.resolve(text[c.source_span[0] : c.source_span[1]])
            if res is not None:
                return res[0], res[1], c.source_span
        if c.speaker_span is None:
            return None  # a question ("Asked about ..., he said ... the UN Security Council")
        s_start, s_end = self.doc.sentences[c.sentence]
        lo = max(s_start, min(c.start, c.cue_span[0]) - 400)
        hi = min(s_end, max(c.end, c.cue_span[1]) + 400)
        found = [
            f
            for f in self.gaz.scan(text, lo, hi)
            # inside the content only in the attribution between two quoted parts
            # ("“A,” Kishida told the House of Representatives budget committee. “B.”")
            if not (
                c.start <= f[0] < c.end
                and (c.kind != "direct" or self.doc.quote_at(f[0]) is not None)
            )
            # "TOKYO (AP) —": the dateline names the publisher, not the channel
            and not (text[f[0] - 1 : f[0]] == "(" and text[f[1] : f[1] + 1] == ")")
        ]
        if c.speaker_span is not None:
            # the speaker itself is no channel ("Reuters reported" keeps Reuters as speaker);
            # a chamber in the speaker's title neither ("the Senate minority leader said")
            outside = [f for f in found if not (c.speaker_span[0] <= f[0] < c.speaker_span[1])]
            found = outside or [f for f in found if f[2].kind not in _CHAMBERS]
        if not found:
            return None
        named = [f for f in found if not f[2].is_channel]
        pool = named or found
        anchor = c.cue_span[0]
        best = min(pool, key=lambda f: abs(f[0] - anchor))
        if best[2].name == "House of Representatives" and self._about_japan():
            # Japan's lower house is a chamber of the Diet, not the US House
            diet = self.gaz.lookup("the Diet")
            if diet is not None:
                return diet.name, diet.kind, (best[0], best[1])
        return best[2].name, best[2].kind, (best[0], best[1])

    def _about_japan(self) -> bool:
        """Whether the article speaks of Japan more than of the United States."""
        if self._japan is None:
            japan = len(_JAPAN_WORDS.findall(self.text))
            self._japan = japan > 0 and japan > len(_US_WORDS.findall(self.text))
        return self._japan

    def _propagate_sources(
        self,
        chosen: list[_Cand],
        sources: list[tuple[str, str, tuple[int, int]] | None],
    ) -> None:
        text, doc = self.text, self.doc
        by_sentence = {c.sentence: i for i, c in enumerate(chosen)}
        # "This was quoted in another KCNA report." -> the previous statement's source
        for si, (s_start, s_end) in enumerate(doc.sentences):
            if si in by_sentence:
                continue
            m = _QUOTED_IN.match(text, s_start, s_end)
            if not m:
                continue
            res = self.gaz.resolve(m.group(1))
            if res is None:
                continue
            prev = [i for i, c in enumerate(chosen) if c.sentence < si]
            if prev:
                i = prev[-1]
                sources[i] = (res[0], res[1], (m.start(1), m.end(1)))
        # a statement with no channel takes a news agency named by the next statement of the
        # same paragraph ("X has announced ... Quoting Y, KCNA stated ...")
        for i in range(len(chosen) - 1):
            if sources[i] is not None or sources[i + 1] is None:
                continue
            nxt = sources[i + 1]
            assert nxt is not None
            if nxt[1] != "news agency" or _QUOTED_BY.search(
                text, max(0, nxt[2][0] - 20), nxt[2][0]
            ):
                continue  # "X was quoted by KCNA": X's words, not the statement's before
            gap = text[chosen[i].end : chosen[i + 1].start]
            if "\n" in gap:
                continue
            sources[i] = nxt

    def _carry_sources(
        self,
        chosen: list[_Cand],
        out: list[Attribution],
        sources: list[tuple[str, str, tuple[int, int]] | None],
    ) -> None:
        """Where a statement names no channel, or only refers back to one ("in the
        statement", "in his opening address"), the channel said before still holds:

        * a pronoun speaker takes the channel of the sentence just before, when that sentence
          is no statement ("Kim Yo Jong issued a statement carried by KCNA. She said ...");
        * the same speaker's next statement, in the same or the next paragraph, keeps the
          channel of the one before ("..., Yoon said in his speech at the UNGA.¶He added ...");
        * a speech referred back to ("in his opening address") is given at the assembly or
          legislature named in the three paragraphs before it.
        """
        text, doc = self.text, self.doc
        para_starts = [p for p, _ in doc.paragraphs]

        def para(pos: int) -> int:
            return bisect.bisect_right(para_starts, pos) - 1

        stated = {c.sentence for c in chosen}
        for i, c in enumerate(chosen):
            src = sources[i]
            if src is not None and not (src[1] in CHANNEL_KINDS and _refers_back(text, src[2][0])):
                continue
            here = para(min(c.start, c.cue_span[0]))
            mention = text[c.speaker_span[0] : c.speaker_span[1]] if c.speaker_span else ""
            if src is None and mention.lower() in ("he", "she", "they") and c.sentence > 0:
                p_start, p_end = doc.sentences[c.sentence - 1]
                if c.sentence - 1 not in stated and para(p_start) == here:
                    found = [
                        f for f in self.gaz.scan(text, p_start, p_end) if not doc.quote_at(f[0])
                    ]
                    if found:
                        named = [f for f in found if not f[2].is_channel]
                        f = (named or found)[-1]
                        sources[i] = f[2].name, f[2].kind, (f[0], f[1])
                        continue
            # the statement before with a speaker ("Asked about ..., he said": the question
            # in between has none)
            j = i - 1
            while j >= 0 and chosen[j].speaker_span is None:
                j -= 1
            prev = sources[j] if j >= 0 else None
            if (
                prev is not None
                and out[i].speaker is not None
                and out[j].speaker == out[i].speaker
                and here - para(max(chosen[j].end, chosen[j].cue_span[1]) - 1) <= 1
                and (src is None or prev[1] not in CHANNEL_KINDS)
            ):
                sources[i] = prev
                continue
            if src is not None and src[1] == "speech":
                lo = para_starts[max(0, here - 3)]
                venues = [
                    f
                    for f in self.gaz.scan(text, lo, src[2][0])
                    if f[2].kind in ("assembly", "legislature") and not doc.quote_at(f[0])
                ]
                if venues:
                    f = venues[-1]
                    sources[i] = f[2].name, f[2].kind, (f[0], f[1])


def _refers_back(text: str, pos: int) -> bool:
    """ "the statement", "his opening address": a channel named before, not a new one."""
    return _BACK_REFERENCE.search(text, max(0, pos - 30), pos) is not None


_CHAMBERS = frozenset(("assembly", "legislature"))
_QUOTED_BY = re.compile(r"\bquoted\s+by\s+(?:the\s+)?$")
_BACK_REFERENCE = re.compile(r"(?<![\w’'])(?:the|that|this|his|her|its|their)\s+(?:[a-z]+\s+)?$")


def _replace(a: Attribution, **kw: object) -> Attribution:
    from dataclasses import replace

    return replace(a, **kw)  # type: ignore[arg-type]


def _is_noun_use(text: str, lo: int, cue_start: int, info: CueInfo) -> bool:
    """ "the state's", "his remarks", "Japan's urging", "a contested convention", "her
    continued struggles", "nine states": the cue word is a noun or an adjective here."""
    m = re.search(r"([\w’'-]+)\s+$", text[max(lo, cue_start - 30) : cue_start])
    if not m:
        return False
    prev = m.group(1)
    low = prev.lower()
    if info.form == "past":
        return low in _NOUN_DET and low not in ("that", "who") or low.endswith("so-")
    if (
        info.form in ("third", "base")
        and (low.isdigit() or low in _NUMBERS)
        and re.sub(r"s$", "", text[cue_start : cue_start + 12].lower().split()[0].strip(":,"))
        in _NOUN_LIKE
    ):
        return True  # "in nine states: Ohio, ...", but "six in 10 say"
    return low in _NOUN_DET or low.endswith(("’s", "'s", "s’", "s'"))


_NUMBERS = frozenset("two three four five six seven eight nine ten dozen many several".split())
_NOUN_DET = frozenset(
    "the a an his her their its our my your this these those that whose such no any every "
    "each another".split()
)


_NOUN_LIKE = frozenset(
    "state report post note charge answer estimate pledge demand tweet comment reply attack "
    "challenge".split()
)


def _title_case(text: str, start: int, end: int) -> bool:
    """Whether a sentence is a headline in Title Case ("Trump Says He Will Win")."""
    words = [w for w in text[start:end].split() if w[:1].isalpha()]
    if len(words) < 3:
        return False
    return sum(1 for w in words if w[:1].isupper()) >= 0.7 * len(words)


def _has_cap(s: str) -> bool:
    return any(w[:1].isupper() for w in s.split())


# words that may join the parts of a long role ("rapporteur on human rights in North Korea")
_ROLE_JOINERS = frozenset("on in of for to at from and with".split())


def _is_role_phrase(phrase: str) -> bool:
    """A noun phrase naming a role, opening a sentence: "The United Nations special
    rapporteur on human rights in North Korea" (no verb, no clause, no quotation)."""
    words = phrase.split()
    if not 2 <= len(words) <= 14 or words[0] not in ("The", "A", "An"):
        return False
    for word in words[1:]:
        low = word.lower()
        if low in _ROLE_JOINERS:
            continue
        if not word_ok(word) or word[:1].islower() and low.endswith("ed"):
            return False
    return True


def _is_bare_name(part: str) -> bool:
    """ "Elizabeth Salmón": one to four capitalised words, no title, no place ("The timeline
    of events in San Bernardino, California, shows")."""
    words = part.split()
    return (
        1 <= len(words) <= 4
        and name_and_role(part) == (part, None)
        and not is_state_or_country(part)
    )


def _looks_like_clause(s: str) -> bool:
    words = s.split()
    if len(words) > 18:
        return True
    return any(cue_info(w) is not None for w in words[:3]) and words[0].lower() not in DETERMINERS


def _is_source_tail(tail: str) -> bool:
    return bool(
        re.match(
            r"(?:in|at|during|on|via)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?"
            r"(?:speech|interview|statement|press conference|news conference|report|address|"
            r"session|briefing)\b",
            tail,
        )
    )


def extract(
    text: str, *, include_beliefs: bool = False, gazetteer: Gazetteer | None = None
) -> list[Attribution]:
    """All attributed statements in ``text``, sorted by start, spans not overlapping."""
    if not text:
        return []
    return _Extractor(text, include_beliefs, gazetteer or default_gazetteer()).run()
