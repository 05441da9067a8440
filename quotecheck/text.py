"""Text normalisation shared by the store (computed once at insert time) and the matcher."""

from __future__ import annotations

import re
import unicodedata

# Typographic variants folded to their plain forms before comparing.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
# A word: letters/digits, keeping inner apostrophes ("don't") and decimal points ("3.5").
_WORD = re.compile(r"\w+(?:['.,]\w+)*", re.UNICODE)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """NFKC, typographic quotes/dashes folded to ASCII, case folded."""
    return unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()


def words(text: str) -> list[str]:
    """The words of a text after folding; punctuation dropped (numbers keep '.' and ',')."""
    return _WORD.findall(fold(text))


def normalize(text: str) -> str:
    """The form stored beside each quote and compared by the matcher: folded words, one space."""
    return " ".join(words(text))


def name_key(name: str) -> str:
    """A key under which spelling variants of one name meet.

    'Kim Jong-un', 'Kim Jong Un' and 'kim  jong un' share a key; a leading 'the' is dropped,
    so 'the Diet' and 'Diet' are one source.
    """
    folded = fold(name).replace("-", " ").replace(".", " ")
    folded = re.sub(r"[^\w\s']", " ", folded)
    key = _SPACES.sub(" ", folded).strip()
    return key[4:] if key.startswith("the ") else key


def search_terms(text: str) -> list[str]:
    """Words as the FTS5 index holds them: lower case (not case-folded: "Straße" stays
    "straße", as SQLite's unicode61 tokenizer keeps it), diacritics left to the tokenizer."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).translate(_FOLD).lower())
