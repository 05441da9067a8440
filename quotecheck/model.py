"""Plain data shared by the extractor, the store and the front-ends."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Kind = Literal["direct", "mixed", "indirect"]
KINDS: tuple[str, ...] = ("direct", "mixed", "indirect")
Status = Literal["unreviewed", "verified", "disputed", "rejected"]
STATUSES: tuple[str, ...] = ("unreviewed", "verified", "disputed", "rejected")
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed statement found in a text. All spans are offsets into the original text."""

    start: int
    end: int
    text: str
    kind: Kind
    speaker: str | None = None  # resolved canonical name ("Fumio Kishida")
    speaker_span: Span | None = None  # the literal mention ("Kishida")
    speaker_role: str | None = None  # "Japanese prime minister"
    cue_span: Span | None = None
    cue: str | None = None  # the cue words as written ("has announced")
    source: str | None = None  # canonical channel name ("KCNA", "UNGA", "the Diet")
    source_kind: str | None = None  # news agency, assembly, legislature, press conference, ...
    source_span: Span | None = None
    confidence: float = 1.0
    # when it was said, as the text puts it next to the cue ("on Friday", "yesterday"); the
    # importer turns it into a date with the article's publication date
    said_when: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The record of DESIGN.md's extraction format (plus a few extra fields)."""
        record = asdict(self)
        for key in ("speaker_span", "cue_span", "source_span"):
            if record[key] is not None:
                record[key] = list(record[key])
        return record


@dataclass(slots=True)
class ArticleMeta:
    """What is known about an article besides its text."""

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    origin: str = "file"  # file, paste, url, stdin, seed
    extra: dict[str, Any] = field(default_factory=dict)
