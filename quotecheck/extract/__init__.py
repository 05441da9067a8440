"""Extraction engine: article text -> attributed statements (rule-based, pure Python).

``extract(text, *, include_beliefs=False)`` returns :class:`~quotecheck.model.Attribution`
records sorted by start, with non-overlapping content spans; every offset (content, speaker,
cue, source) indexes the ORIGINAL text. No I/O, no models, stdlib ``re`` only.

Pipeline
--------
1. ``quotes.find_quotes`` pairs quotation marks (“ ” " ' ‘ ’ « » „ '' ``). Multi-paragraph
   quotes (each paragraph re-opened, closed only at the end) are one span; nested single
   quotes stay inside, and so does a curly double quote inside another when the paragraph
   closes both (“… “your team” needs …”); an unclosed mark is closed at the paragraph end, a
   stray one ignored.
2. ``sentences.split_sentences`` cuts sentences (abbreviations and initials respected) but
   never inside a quotation, so ``“A. B,” X said.`` is one unit.
3. ``cues.find_cues`` finds reporting verbs in every inflection (say/tell/add/state/announce/
   claim/insist/warn/note/argue/write/tweet/declare/urge/vow/deny/... plus "according to",
   "point out", "call for", "rail against", "laid out", "asked about", ...), outside
   quotations. The object cues (criticize, endorse, condemn, echo, label, ...) were mined from
   PolNeAR train: verbs that are a gold cue in at least a third of their occurrences. A cue is
   dropped when it is a noun or an adjective ("the state's", "his remarks", "Islamic State",
   "nine states", "a contested convention", "her continued struggles"), a passive ("was
   revealed by"), or - for noun-like verbs (state, report, post, ...) - not followed by "that",
   a colon or a quote. "declined" (and the intentions below) count only before "to ...";
   "refused to engage" is an action and never a statement. A refused or negated speech act
   ("declined to say whether X", "refused to confirm if X", "would not say whether X", "has
   never said X", "has not called for X") is no statement, nor a cue inside its complement;
   one that names a topic only stays, as PolNeAR has it ("declined to comment on the case",
   "declined to give details", "did not mention her rival by name").
4. For each cue the engine looks for a speaker and a content:

   * ``X said (that) CLAUSE`` / ``X said: “...”`` - the subject noun phrase before the cue
     (titles, possessive roles, appositives "ROLE, NAME," and who-clauses included; lists
     "Ford, Lang and Brandt", shares "52 percent of voters", "About four in 10",
     brackets "(a Democrat ...)"; not asides "X, for his part, said"), the content after it
     (recipients of tell/warn and adverbials such as "on Monday", "in a statement", "in
     Dayton, Ohio,", "of Lang's request:" are skipped; "urged X to ..." keeps X, as
     PolNeAR does). "that" belongs to the content, as in PolNeAR. The clause ends at the
     sentence end or before ", according to", ", adding" (also after a closing quote), ", who",
     ", but" (not ", but that"), ", while", ";", ", and VERBed", after a closing quote ", as
     SUBJECT VERB", ", while", ", even as", ", amid" (the reporter's words; not when more
     quoted words follow), a dash (a pair of dashes stays inside), or a trailing channel
     phrase ("in a speech at the UNGA"). Relative ("Ford,
     who announced a plan on Monday, plans") and subordinate ("While Ortiz said that ..., he")
     clauses end at their comma; an object ends before a date or a second verb phrase.
   * ``Said X, “...”`` / ``Added X: “...”``: a cue opening the sentence, its speaker after it.
   * Coordinated verbs and participles take the sentence's subject ("X declined to name them
     but said ...", "Hale hit back, saying ...", "appeared on the radio to defend her").
   * ``which X said ...`` / ``whom he described as ...``: the relative clause is the content;
     ``a message that said, “...”``: the relative pronoun speaks (named after its antecedent).
   * ``A, X argued, B``: an attribution in the middle of a sentence spans both parts.
   * ``“...,” X said.`` / ``CLAUSE, X added.`` / ``“...,” said X, ROLE.`` - the content
     before; quoted sentences that follow in the same paragraph join it
     (``“A,” X said. “B.”`` is one statement, as PolNeAR annotates it).
   * ``according to X`` at either end of a sentence (X runs to the next comma);
     ``Quoting X, Y stated that ...`` (speaker X, channel Y); ``X: “...”`` headlines and
     ``NAME: words`` transcript lines; interviews (each ``A:``/``ANSWER:`` paragraph is the
     interviewee's, named in the introduction; a ``Q:`` paragraph is nobody's, nor a cue inside
     it; ``HILL:``/``CHO:`` paragraphs are their speakers', whole); ``Asked whether ...,``
     questions; "..., adding/saying that ..." (the speaker of the sentence); ``In a CNN/ORC poll, ...`` / ``... in the latest
     Fox poll.`` (the poll as source); ``X resisted: “...”`` (a quotation after a colon);
     ``“...?” Novak questioned.`` / ``“...!” beamed Donald Hartley.`` (a quotation, a name and any
     verb ending the sentence, either order);
     ``Hale’s claim that ...`` / ``his promise to ...`` (a speech noun with its possessor).
   * A paragraph that is nothing but a quotation continues the previous speaker; a sentence
     that is only a speaker and a cue ("Lena Ortiz agreed.") introduces the quotation after it.
   * ``said A “...” and that B “...”`` with quoted words on both sides: each quotation is a
     direct statement of its own (the seed key's convention).
5. Overlapping candidates: the most confident wins (direct attributions before indirect); a
   loser whose content merely runs into the winner keeps its head ("asserted that A: “B,” he
   claimed" gives both).
6. Speakers (``speakers.SpeakerResolver``): the canonical name is the capitalised tail of the
   mention without titles ("Japanese prime minister Fumio Kishida" -> "Fumio Kishida", role
   "Japanese prime minister"); a surname alone resolves to the latest full name ending (or
   starting) with it; "Kim Jong-un" and "Kim Jong Un" share a key; a pronoun resolves to the
   person named last before it (the speaker just quoted, unless a full name opens
   the previous sentence after that speaker); a who-clause is no role; "The chairman of X,
   NAME," gives role "chairman of X"; "who" to the noun phrase before it; a role seen with a name
   ("the Japanese prime minister") resolves to that name; countries and bodies speak too.
7. Sources (``gazetteer``): a named agency/assembly/legislature in the sentence outside the
   content (nearest to the cue) wins over a channel kind (press conference, interview,
   statement, social-media post, speech, report); "Quoting X, KCNA stated" makes KCNA the
   source; "This was quoted in another KCNA report." gives its source to the statement
   before; a statement without a source takes a news agency named by the next statement in
   the same paragraph (not one that "was quoted by" it); a source carries over to the same
   speaker's next statement in the same or the next paragraph, to a pronoun speaker after a
   sentence naming it, and from "in the statement" back to the named one; "in his opening
   address" is given at the assembly named before.
8. The day said: ``said_when`` is the day named next to the cue ("on Friday", "yesterday"),
   which the importer resolves with the publication date.

Kinds: ``direct`` (the content is a quotation), ``mixed`` (reported speech carrying quoted
words), ``indirect`` (no quotation marks). Confidence: 0.85 direct quote with its
attribution, 0.8 speech cue with a clause, 0.75 belief, 0.6-0.7 content before the cue and
"according to", 0.55 relative clauses, 0.5 object cues ("criticized X", "called for Y"),
headlines, polls and questions, 0.45 speech nouns and impressions, 0.4 a quoted paragraph
continuing the previous speaker or a quotation after a colon.

Thoughts and beliefs
--------------------
"X believes/thinks/hopes/fears/expects/knows/wants/sees ..." are NOT statements by default:
a belief reported by a journalist is not something the person said, and a fact-checker who
verifies "X said ..." must not be handed an inference about X's mind. The same holds for
intentions ("plans/seeks/decided/intends/aims to ...") and impressions ("Hale appears to
...", "Ford is expected to win": the whole clause, no speaker; only with a named subject).
They are reported with ``include_beliefs=True`` (PolNeAR annotates them, so the evaluation
reports both).

Not statements: object cues in a headline line ("Minister defends budget cuts") or in a
perfect-tense relative clause ("Carter, who has championed the plan since her election,").
Quotation marks without a cue (scare quotes, titles, nicknames), possessive
mentions ("Kishida's wish"), passives without an agent as speaker, "refused to engage".
"""

from __future__ import annotations

from quotecheck.extract.engine import extract
from quotecheck.extract.gazetteer import Gazetteer, load_gazetteer, resolve_source

__all__ = ["Gazetteer", "extract", "load_gazetteer", "resolve_source"]
