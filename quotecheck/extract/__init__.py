"""Extraction engine: article text -> attributed statements (rule-based, pure Python).

``extract(text, *, include_beliefs=False)`` returns :class:`~quotecheck.model.Attribution`
records sorted by start, with non-overlapping content spans; every offset (content, speaker,
cue, source) indexes the ORIGINAL text. No I/O, no models, stdlib ``re`` only.

Pipeline
--------
1. ``quotes.find_quotes`` pairs quotation marks (“ ” " ' ‘ ’ « » „ '' ``). Multi-paragraph
   quotes (each paragraph re-opened, closed only at the end) are one span; nested single
   quotes stay inside; an unclosed mark is closed at the paragraph end, a stray one ignored.
2. ``sentences.split_sentences`` cuts sentences (abbreviations and initials respected) but
   never inside a quotation, so ``“A. B,” X said.`` is one unit.
3. ``cues.find_cues`` finds reporting verbs in every inflection (say/tell/add/state/announce/
   claim/insist/warn/note/argue/write/tweet/declare/urge/vow/deny/... plus "according to",
   "point out", "call for"), outside quotations. A cue is dropped when it is a noun ("the
   state's", "his remarks", "Islamic State"), a passive ("was revealed by"), or - for
   noun-like verbs (state, report, post, ...) - not followed by "that", a colon or a quote.
4. For each cue the engine looks for a speaker and a content:

   * ``X said (that) CLAUSE`` / ``X said: “...”`` - the subject noun phrase before the cue
     (titles, possessive roles, appositives "ROLE, NAME," and who-clauses included), the
     content after it (recipients of tell/warn/urge and adverbials such as "on Monday",
     "in a statement", "in a KCNA report" are skipped). "that" belongs to the content, as in
     PolNeAR. The clause ends at the sentence end or before ", according to", ", adding",
     ", who", a dash, or a trailing channel phrase ("in a speech at the UNGA").
   * ``“...,” X said.`` / ``CLAUSE, X added.`` / ``“...,” said X, ROLE.`` - the content
     before; quoted sentences that follow in the same paragraph join it
     (``“A,” X said. “B.”`` is one statement, as PolNeAR annotates it).
   * ``according to X`` at either end of a sentence; ``Quoting X, Y stated that ...``
     (speaker X, channel Y); ``X: “...”`` headlines and ``NAME: words`` transcript lines;
     ``Asked whether ...,`` questions; "..., adding/saying that ..." (the speaker of the
     sentence).
   * A paragraph that is nothing but a quotation continues the previous speaker.
   * ``said A “...” and that B “...”`` with quoted words on both sides: each quotation is a
     direct statement of its own (the seed key's convention).
5. Overlapping candidates: the most confident wins (direct attributions before indirect).
6. Speakers (``speakers.SpeakerResolver``): the canonical name is the capitalised tail of the
   mention without titles ("Japanese prime minister Fumio Kishida" -> "Fumio Kishida", role
   "Japanese prime minister"); a surname alone resolves to the latest full name ending (or
   starting) with it; "Kim Jong-un" and "Kim Jong Un" share a key; a pronoun resolves to the
   person named last before it; "who" to the noun phrase before it; a role seen with a name
   ("the Japanese prime minister") resolves to that name; countries and bodies speak too.
7. Sources (``gazetteer``): a named agency/assembly/legislature in the sentence outside the
   content (nearest to the cue) wins over a channel kind (press conference, interview,
   statement, social-media post, speech, report); "Quoting X, KCNA stated" makes KCNA the
   source; "This was quoted in another KCNA report." gives its source to the statement
   before; a statement without a source takes a news agency named by the next statement in
   the same paragraph.

Kinds: ``direct`` (the content is a quotation), ``mixed`` (reported speech carrying quoted
words), ``indirect`` (no quotation marks). Confidence: 0.85 direct quote with its
attribution, 0.8 speech cue with a clause, 0.75 belief, 0.6-0.7 content before the cue and
"according to", 0.5 object cues ("criticized X", "called for Y"), headlines and questions,
0.4 a quoted paragraph continuing the previous speaker.

Thoughts and beliefs
--------------------
"X believes/thinks/hopes/fears/expects/knows/wants ..." are NOT statements by default: a
belief reported by a journalist is not something the person said, and a fact-checker who
verifies "X said ..." must not be handed an inference about X's mind. They are reported
with ``include_beliefs=True`` (PolNeAR annotates them, so the evaluation reports both).

Not statements: quotation marks without a cue (scare quotes, titles, nicknames), possessive
mentions ("Kishida's wish"), passives without an agent as speaker, "refused to engage".
"""

from __future__ import annotations

from quotecheck.extract.engine import extract
from quotecheck.extract.gazetteer import Gazetteer, load_gazetteer, resolve_source

__all__ = ["Gazetteer", "extract", "load_gazetteer", "resolve_source"]
