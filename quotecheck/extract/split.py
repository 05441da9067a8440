"""Quotes interrupted by their attribution, split for review.

PolNeAR (and so `extract`, which is scored on it) annotates `"A," Baker said. "B."` as one
span running across the attribution. A reviewer, an export or a claim check needs the
speaker's words only, so the store keeps the two quoted parts as two statements.
"""

from __future__ import annotations

from dataclasses import replace

from quotecheck.model import Attribution

OPENING = "\"“„«‘'"
CLOSING = "\"”»’'"


def split_interrupted(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """Each attribution whose content contains its own speaker mention or cue becomes the
    quoted part before the attribution and the quoted part after it."""
    out: list[Attribution] = []
    for a in attributions:
        inner = [sp for sp in (a.speaker_span, a.cue_span) if sp and a.start < sp[0] < a.end]
        if not inner:
            out.append(a)
            continue
        cut = min(sp[0] for sp in inner)
        resume = max(sp[1] for sp in inner)
        first_end = cut
        while first_end > a.start and (
            text[first_end - 1].isspace() or text[first_end - 1] in CLOSING
        ):
            first_end -= 1
        opening = next((i for i in range(resume, a.end) if text[i] in OPENING), None)
        if opening is None or first_end <= a.start:
            out.append(a)  # not the quoted-attribution-quoted shape: leave it as found
            continue
        second_start = opening + 1
        while second_start < a.end and text[second_start].isspace():
            second_start += 1
        out.append(replace(a, end=first_end, text=text[a.start : first_end]))
        if second_start < a.end:
            out.append(replace(a, start=second_start, text=text[second_start : a.end]))
    return out
