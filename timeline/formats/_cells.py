"""Spreadsheet cells as TimelineJS reads them: numbers with separators, month names,
times with am/pm, and the formula guard for cells we write.

TimelineJS strips spaces and thousands separators from Year/Month/Day ("1,815" is 1815)
and accepts "2:30 PM", "1430" and "14.30" as times. Month names are accepted in the
languages TimelineJS ships a locale for (a common subset: a sheet made in a French
spreadsheet says "mai", not 5).
"""
from __future__ import annotations

import re
import unicodedata

_MONTH_LISTS = {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "pl": "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień",
    "tr": "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "id": "januari februari maret april mei juni juli agustus september oktober november desember",
}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.strip().lower().rstrip("."))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _month_table() -> dict[str, int]:
    """Full names and 3-4 letter abbreviations; a form two languages read as different
    months is left out, so an abbreviation is never a guess."""
    seen: dict[str, set[int]] = {}
    for names in _MONTH_LISTS.values():
        for number, name in enumerate(names.split(), start=1):
            for form in {name, name[:3], name[:4]}:
                seen.setdefault(_fold(form), set()).add(number)
    return {form: next(iter(months)) for form, months in seen.items() if len(months) == 1}


MONTHS = _month_table()


def clean_integer(text: str) -> str:
    """What TimelineJS does to a Year/Month/Day cell before reading it."""
    return re.sub(r"[\s,]+", "", text or "")


def month_number(text: str) -> str:
    """A Month cell as digits: "05" -> "5", "May"/"mai"/"Sept." -> the month; else as is."""
    cleaned = clean_integer(text)
    if cleaned.isdigit():
        return str(int(cleaned))
    return str(MONTHS[_fold(text)]) if _fold(text) in MONTHS else cleaned


_PERIOD = re.compile(r"\s*([AaPp])\.?[Mm]\.?\s*$")


def parse_time(text: str) -> tuple[int, int | None, int | None] | None:
    """(hour, minute, second) from "14:30", "2:30 PM", "1430", "14.30", "9 am"; None if bad."""
    text = text.strip()
    period = None
    m = _PERIOD.search(text)
    if m:
        period, text = m.group(1).lower(), text[: m.start()].strip()
    compact = re.fullmatch(r"(\d{1,2})(\d{2})", text)
    parts = list(compact.groups()) if compact else re.split(r"[:.]", text)
    if not 1 <= len(parts) <= 4 or not all(p.isdigit() for p in parts[:3]):
        return None
    hour = int(parts[0])
    if period == "p" and hour != 12:
        hour += 12
    elif period == "a" and hour == 12:
        hour = 0
    minute = int(parts[1]) if len(parts) > 1 else None
    second = int(parts[2]) if len(parts) > 2 else None
    if not 0 <= hour <= 23 or (minute is not None and not 0 <= minute <= 59) or (
            second is not None and not 0 <= second <= 59):
        return None
    return hour, minute, second


# OWASP "CSV Injection": a cell starting with one of these is a formula to Excel,
# LibreOffice and Google Sheets. We prefix a single quote (shown by none of them) and
# take exactly one back off when reading, so a round trip is lossless.
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _needs_guard(text: str) -> bool:
    while text.startswith("'"):
        text = text[1:]
    return text.startswith(_TRIGGERS)


def guard_formula(text: str) -> str:
    """A text cell as it is safe to write into a sheet ("=HYPERLINK(...)" -> "'=HYPERLINK(...)")."""
    return "'" + text if text and _needs_guard(text) else text


def unguard_formula(text: str) -> str:
    """The inverse of :func:`guard_formula` for cells read back."""
    return text[1:] if text.startswith("'") and _needs_guard(text[1:]) else text
