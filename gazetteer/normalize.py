"""Name normalisation: the one function that turns any spelling into an index key.

The same function runs when the index is built and when a name is looked up, so a
spelling variant only has to be handled here once.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_NAME_CHARS = 200  # no real place name is longer; longer input is unresolved

# letters that Unicode decomposition does not fold to ASCII
_FOLD = str.maketrans({
    "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss",
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
    "ı": "i", "ħ": "h", "Ħ": "h", "ŧ": "t", "ƿ": "w", "ŋ": "ng",
    # apostrophes and modifier letters vanish: Xi'an == Xian, N'Djamena == Ndjamena
    "'": None, "’": None, "‘": None, "`": None, "´": None, "ʻ": None, "ʼ": None,
    "ʿ": None, "ʾ": None, "ˈ": None,
})

# whole-word abbreviations expanded on both sides of the lookup
_ABBREV = {
    "st": "saint", "ste": "sainte", "sta": "santa", "sto": "santo", "mt": "mount",
    "mts": "mountains", "ft": "fort", "pt": "port", "is": "island", "r": "river",
}

_SEP = re.compile(r"[\W_]+", re.UNICODE)
_LEADING_ARTICLE = ("the ",)


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """The lookup key of ``name``: folded, lower case, words separated by one space.

    Returns "" for input that holds no letters or digits (or is absurdly long).
    """
    if not isinstance(name, str) or len(name) > MAX_NAME_CHARS * 4:
        return ""
    if name.isascii():
        text = name.lower()
        if text.isalnum():  # one plain word: the common case, already a key
            return text if len(text) <= MAX_NAME_CHARS else ""
        text = text.translate(_FOLD)
    else:
        text = unicodedata.normalize("NFKD", name.translate(_FOLD))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.casefold().translate(_FOLD)
    words = _SEP.sub(" ", text).split()
    if not words:
        return ""
    words = [_ABBREV.get(w, w) if len(words) > 1 else w for w in words]
    key = " ".join(words)
    for article in _LEADING_ARTICLE:
        if key.startswith(article) and len(key) > len(article):
            key = key[len(article):]
    if len(key) > MAX_NAME_CHARS:
        return ""
    return key


_VOWELS = re.compile(r"[aeiouy]")
_DIGRAPHS = (("kh", "h"), ("gh", "g"), ("zh", "j"), ("dh", "d"), ("th", "t"), ("ph", "f"),
             ("sch", "sh"), ("tch", "ch"), ("ck", "k"), ("q", "k"), ("w", "v"), ("x", "ks"))
_REPEAT = re.compile(r"(.)\1+")


def skeleton(key: str) -> str:
    """A loose transliteration key for a normalised ASCII key, or "" when none.

    Keeps the first letter and the consonants, so Khalkhin Gol, Khalkhyn Gol and
    Halhin Gol meet, and Ulan Bator meets Ulaanbaatar. Only used as a fallback when no
    exact key matches, and only for well-known places.
    """
    if not key or not key.isascii():
        return ""
    text = key.replace(" ", "")
    if not text.isalpha():
        return ""
    for a, b in _DIGRAPHS:
        text = text.replace(a, b)
    text = text[0] + _VOWELS.sub("", text[1:])
    text = _REPEAT.sub(r"\1", text)
    return text if len(text) >= 4 else ""


def split_qualifier(name: str) -> tuple[str, list[str]]:
    """``"Moscow, Idaho"`` -> ``("Moscow", ["Idaho"])``; ``"Georgia (country)"`` ->
    ``("Georgia", ["country"])``. Names without a qualifier come back unchanged."""
    qualifiers: list[str] = []
    base = name
    m = re.fullmatch(r"\s*(.*?)\s*\(([^()]*)\)\s*", base, flags=re.S)
    if m and m.group(1):
        base, qualifiers = m.group(1), [m.group(2).strip()]
    if "," in base:
        head, *rest = base.split(",")
        if head.strip():
            base = head
            qualifiers = [r.strip() for r in rest if r.strip()] + qualifiers
    return base.strip(), [q for q in qualifiers if q]


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_display(name: str, limit: int = 120) -> str:
    """A version of user input safe to echo back (no control characters, bounded)."""
    text = _CONTROL.sub(" ", name) if isinstance(name, str) else ""
    return text if len(text) <= limit else text[: limit - 1] + "…"
