"""The day a statement was made, from the day its text names ("said on Friday")."""

from __future__ import annotations

from datetime import date, timedelta

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def resolve_said_on(when: str | None, published: str | None) -> str | None:
    """The ISO date a statement was made, from the day the text names next to its cue and
    the article's publication date: "on Friday" is the latest Friday on or before it (the
    day before for an article of a Saturday), "last Friday" the one before that day,
    "yesterday"/"last night" the day before, "today"/"tonight"/"this morning" that day.
    None when either is missing or not understood."""
    if not when or not published:
        return None
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return None
    words = when.lower().split()
    if not words:
        return None
    weekday = next((w for w in words if w in _WEEKDAYS), None)
    if words[0] == "yesterday" or words[:2] == ["last", "night"]:
        return (day - timedelta(days=1)).isoformat()
    if (
        weekday is None
        and words[0] in ("today", "tonight", "this")
        and words[-1]
        in (
            "today",
            "tonight",
            "morning",
            "afternoon",
            "evening",
        )
    ):
        return day.isoformat()
    if weekday is None:
        return None
    back = (day.weekday() - _WEEKDAYS.index(weekday)) % 7
    if back == 0 and (words[0] == "last" or words[:2] == ["this", "past"]):
        back = 7  # "last Friday" in a Friday's article is a week before ("this Friday" not)
    return (day - timedelta(days=back)).isoformat()
