"""The regular expressions that find temporal expressions.

One scanner pattern, an ordered alternation of expression kinds, each a named group
``k_<kind>``; word lists compile to tries so that a failed alternative costs one
character test. No pattern nests unbounded repetition, so matching stays linear in the
input (megabytes of digits included). :mod:`.normalise` re-reads each match with the
pattern of its kind to get the parts.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon as L
from .periods import period_names

FLAGS = re.IGNORECASE


def trie(words, *, lower: bool = True) -> str:
    """An alternation of ``words`` as a prefix tree: 'sep', 'sept', 'september' ->
    'sep(?:t(?:ember)?)?'. Spaces match 1-3 whitespace characters, apostrophes either
    quote, hyphens a hyphen or a space."""
    root: dict = {}
    for word in words:
        node = root
        for ch in (word.lower() if lower else word):
            node = node.setdefault(ch, {})
        node[""] = {}

    def char(c: str) -> str:
        if c == " ":
            return r"\s{1,3}"
        if c == "'":
            return "['’]"
        if c == "-":
            return r"[-‐‑–\s]"
        return re.escape(c)

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [char(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            if len(branches) == 1 and len(body) > 1:
                body = "(?:" + body + ")"
            body += "?"
        return body

    return emit(root)


S = r"\s{1,3}"          # a space between words
END = r"(?!\w|['’][a-rt-z])"  # end of a word; a possessive 's or plural ' may follow

MONTH_FULL = trie(L.MONTHS)
MONTH_ABBR = trie(L.MONTH_ABBR) + r"\."
MONTH_ABBR_NODOT = trie(L.MONTH_ABBR)
# Full names, or abbreviations: 'Sept.' anywhere, 'Sept' only before a day/year.
MONTH = rf"(?:{MONTH_FULL}{END}|{MONTH_ABBR}|{MONTH_ABBR_NODOT}(?=\s{{1,3}}\d))"
WEEKDAY = rf"(?:{trie(L.WEEKDAYS)}|{trie(L.WEEKDAY_ABBR)}\.){END}"
WEEKDAY_PLURAL = rf"(?:{trie(L.WEEKDAYS)})s{END}"
SEASON = rf"(?:{trie(L.SEASONS)}){END}"
PART = r"(?:morning|afternoon|evening|night|night-time|nighttime|daytime)"

DAYNUM = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d|\d)"
ORDWORD = trie([w for w, n in L.ORDINALS.items() if n <= 31]
               + ["twenty-" + w for w, n in L.ORDINALS.items() if n <= 9]
               + ["thirty-first"])
DAY = rf"(?:{DAYNUM}|{ORDWORD}{END})"
# B.C., BC, BCE, B.C.E., AD, A.D., CE, C.E. (case-sensitive: 'ad' and 'ce' are words)
ERA = r"(?-i:B\.\s?C\.?(?:\s?E\.)?|BCE|BC|A\.\s?D\.|AD|C\.\s?E\.|CE)(?![\w])"
YEAR4 = r"(?:[12]\d{3})(?![\d])"
# A year in a date: four digits, any digits with an era, or '45.
# "nineteen ninety-four" (broadcast transcripts), read by spec.spoken_year
SPOKEN_YEAR = (r"(?:nineteen|eighteen|twenty)[\s-](?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
               r"|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
               r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)(?![\w-])")
YEARPART = rf"(?:\d{{1,4}}\s?{ERA}|{YEAR4}(?:\s?{ERA})?|['’]\d\d(?!\d)|{SPOKEN_YEAR})"
APPROX = r"(?:c\.|ca\.|circa|c(?=\s?\d)|around|about|approximately|roughly)\s?"

_CARD = trie([w for w in L.CARDINALS if w not in ("zero", "thousand", "dozen")]
             + [t + "-" + u for t in L.TENS for u in
                ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")])
NUM = (r"(?:\d{1,3}(?:,\d{3})+|\d{1,6}(?:\.\d+|\s1/2)?|"
       + trie(["a few", "few", "several", "many", "a couple of", "couple of", "a couple",
               "a number of", "dozens of", "hundreds of", "a dozen", "half a", "half an",
               "one and a half", "two and a half", "a", "an", "some", "numerous", "a single"])
       + r"|" + _CARD + r"(?:\s(?:hundred|thousand))?(?:\sand\sa\shalf)?)")

UNIT_SING = trie([u for u in L.UNITS])
UNIT_ANY = trie(list(L.UNITS) + list(L.UNIT_PLURALS))

PRE = (r"(?:(?:the\s)?(?:very\s)?(?:early|late|mid|middle|later)(?:-|\s{1,3}|(?=\d))(?:in\s)?"
       r"|mid-?"
       r"|(?:the\s{1,3})?(?:" + trie([
           "middle", "end", "beginning", "start", "close", "turn", "dawn", "height",
           "first half", "second half", "latter half", "last half", "early part",
           "latter part", "later part", "first part", "last part", "early days",
           "first days", "last days", "final days", "first weeks", "last weeks",
           "final weeks", "first months", "last months", "final months", "remainder",
           "rest", "first week", "second week", "third week", "fourth week", "last week",
           "final week", "first two weeks", "last two weeks", "first few days",
           "last few days", "first day", "last day", "final day", "first weekend",
           "last weekend", "first fortnight", "last fortnight",
       ]) + r")\s{1,3}of\s{1,3}(?:the\s{1,3})?)")

REL_WORD = trie(["last", "next", "this", "coming", "past", "previous", "following",
                 "preceding", "same", "current", "upcoming", "that", "prior",
                 "subsequent", "succeeding", "ensuing", "recent", "intervening",
                 "that same", "this past", "this coming", "very same", "very next"])

def g(name: str, pattern: str) -> str:
    return f"(?P<{name}>{pattern})"


_DEC = r"\d{1,3}0['’]?s|['’]\d0s|" + trie(L.DECADE_WORDS)
_CENT_N = r"\d{1,2}(?:st|nd|rd|th)|" + ORDWORD
_ANNIV_N = rf"\d{{1,4}}(?:st|nd|rd|th)|{ORDWORD}|{_CARD}(?:-{_CARD})?|\d{{1,4}}"
_WHAT = rf"{UNIT_ANY}|{WEEKDAY}|{MONTH}|{SEASON}|{PART}"
_Y14 = r"\d{1,4}"

OF_REL_YEAR = r"\sof\s(?:that|this|last|next|the\s(?:same|following|next|previous|preceding))\syear(?!\w)"
_DRANGE = r"\s?[-–]\s?|\s(?:and|to|or)\s(?:the\s)?"
_DMY = (rf"(?:the\s)?(?:{g('d', DAYNUM)}(?:(?:{_DRANGE}){g('d2', DAYNUM)})?(?:\sof)?|{g('dw', ORDWORD)}\sof)\s{g('m', MONTH)}"
        rf"(?:,?\s(?:of\s)?{g('y', YEARPART)})?")
_MDY = (rf"{g('m2', MONTH)}\s(?:the\s)?{g('d3', DAYNUM)}(?:(?:{_DRANGE}){g('d4', DAYNUM)})?"
        rf"(?:,?\s(?:of\s)?{g('y2', YEARPART)})?")
_MY = rf"{g('m3', MONTH)}(?:,?\s(?:of\s)?{g('y3', YEARPART)})?"

KINDS: list[tuple[str, str]] = [
    # the morning of 31 January 1965
    ("partdate", rf"(?:the\s)?(?:(?:early|late)\s)?{g('part', PART)}(?:\shours)?\sof\s"
                 rf"(?:{WEEKDAY},?\s)?(?:{_DMY}|{_MDY})"),
    ("iso", r"(?P<y>[12]\d{3})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d)(?::[0-5]\d)?)?(?![\w-])"),
    ("numeric", r"(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>[12]\d{3}|\d{2})(?![\w/.]\w|\d)"),
    ("calendar", rf"{g('pre', PRE)}?(?:{g('wd', WEEKDAY)},?\s(?:the\s)?)?(?:{_DMY}|{_MDY}|{_MY})(?P<ofrel>{OF_REL_YEAR})?"),
    # on the 20th: a day of the month the narrative is in
    ("dayonly", rf"(?<=\bon\s)the\s{g('d', DAYNUM)}(?!\s?(?:century|centuries|millenni|anniversary|of|and|[-–]|birthday|\w+\s(?:century|anniversary)))"),
    ("holiday", rf"{g('name', trie([h for h in L.HOLIDAYS]))}{END}(?:,?\s(?:of\s)?{g('y', YEAR4)})?"),
    ("clock", r"(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?::[0-5]\d)?(?:\s?(?P<ap>a\.m\.|p\.m\.|am|pm|hrs|hr|h)(?![\w]))?"
              r"(?:\s?(?P<tz>(?-i:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|MSK)))?(?![\d:])"
              r"|(?P<h2>1[0-2]|0?[1-9])\s?(?P<ap2>a\.m\.|p\.m\.|am|pm)(?![\w])"
              r"(?:\s?(?P<tz2>(?-i:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|MSK))(?!\w))?"
              r"|(?P<named>noon|midnight|midday)(?!\w)"
              r"|(?P<h3>1[0-2]|0?[1-9]|" + trie(["one", "two", "three", "four", "five", "six",
              "seven", "eight", "nine", "ten", "eleven", "twelve"]) + r")\so['’]clock"
              r"|(?<=\bat\s)(?P<h4>1[0-2]|0?[1-9])\sin\sthe\s(?P<p4>morning|afternoon|evening)(?!\w)"),
    ("decade", rf"{g('pre', PRE)}?(?:the\s)?{g('dec', _DEC)}{END}(?:\s?{g('era', ERA)})?"),
    ("centuries", rf"(?:the\s)?{g('n', _CENT_N)}\s(?:and|or|to)\s(?:the\s)?{g('n2', _CENT_N)}\s(?P<unit>centuries|millennia){END}(?:\s?{g('era', ERA)})?"),
    ("century", rf"{g('pre', PRE)}?(?:the\s)?{g('n', _CENT_N)}[-\s]{{1,3}}{g('unit', 'century|millennium')}{END}(?:\s?{g('era', ERA)})?"),
    ("partyear", r"(?:the\s)?(?:(?P<y0>(?:1[5-9]|20)\d\d)\s)?(?:fiscal[\s-])?(?P<which>first|second|third|fourth|final|last|latter|1st|2nd|3rd|4th)[-\s](?P<part>half|quarter)"
                 rf"(?:\sof\s(?:the\s)?(?:year\s)?(?:{g('y', YEAR4)}|(?P<rel>this|last|next|that|the\s(?:same|following|previous))\syear|fiscal\s{g('fy', YEAR4)}))?{END}"
                 r"|(?-i:(?P<code>Q[1-4]|H[12]))\s?" + g('y2', YEAR4)),
    # company results: "the quarter", "the latest period", "the year-ago quarter", "year-earlier"
    ("fiscal", r"(?:the\s)?(?:(?:comparable|corresponding)\s)?(?P<which>latest|most\srecent|year-ago|year-earlier)"
               r"(?:\s(?:fiscal\s)?(?:(?P<ord>first|second|third|fourth)[-\s])?(?P<unit>quarter|period))?(?![\w-])"
               r"|the\s(?:fiscal\s)?(?P<unit2>quarter)(?![\w-])"
               r"|the\s(?P<fy4>(?:19|20)\d\d)\s(?P<unit3>quarter|period)(?![\w-])"
               r"|the\s(?:(?:fiscal|full)\s)?(?P<ended>year)(?=\s(?:ended|ending)\s)"
               r"|the\s(?:current\s)?(?:fiscal|full)\s(?P<fyear>year)(?![\w-])"
               r"|(?<=\bfor\s)the\s(?P<fyear2>year)(?=[,.;]|\sof\s[$£€¥\d])"
               r"|(?<=\bmonths\sof\s)the\s(?P<fyear3>year)(?=[,.;)]|\s(?:and|to|compared|versus)\s)"),
    # broadcast transcripts: "nineteen ninety-six", "the year two thousand"
    ("spokenyear", r"(?:the\syear\s)?(?P<c>nineteen|eighteen|twenty)[\s-]"
                   r"(?P<t>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
                   r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)(?![\w-])"
                   r"|the\syear\s(?P<k>two\sthousand)(?![\w-])"),
    ("yearseason", rf"{g('y', YEAR4)}\s{g('season', SEASON)}"),
    ("year", rf"{g('pre', PRE)}?(?P<theyear>(?:the\s)?(?:fiscal\s)?year\s|fiscal\s)?{g('approx', APPROX)}?"
             rf"(?:{g('era0', ERA)}\s?{g('y0', _Y14)}(?!\d)|{g('y1', _Y14)}(?![\d])(?:\s?{g('era1', ERA)})?)"
             rf"(?:\s?{g('dash', '[-–—/]')}\s?{g('y2', _Y14)}(?![\d])(?:\s?{g('era2', ERA)})?)?(?![\w%]|[.,]\d)"),
    ("anniversary", rf"(?:the\s)?(?:{g('n', _ANNIV_N)}[-\s]{{1,3}}(?:year\s)?anniversary"
                    rf"|{g('word', trie(L.ANNIVERSARY_WORDS))}){END}"),
    ("set", rf"(?:every|each)\s(?:other\s|single\s)?(?:{g('num', NUM)}\s)?{g('what', _WHAT)}{END}"
            r"|(?P<adv>" + trie(["daily", "weekly", "monthly", "yearly", "annually", "hourly",
                            "nightly", "fortnightly", "quarterly", "biweekly", "bi-weekly",
                            "semiannually", "biannually", "every day", "everyday"]) + rf"){END}"
            rf"|(?:once|twice|thrice|{NUM}\stimes)\s(?:a|an|per|each|every)\s{g('unit', UNIT_SING)}{END}"
            rf"|per\s{g('unit2', 'year|month|week|day|annum')}{END}"
            rf"|(?<=\bon\s){g('wds', WEEKDAY_PLURAL)}"
            rf"|{g('wdp', WEEKDAY)}\s(?P<parts>mornings|afternoons|evenings|nights){END}"),
    ("earlylater", rf"(?P<el>earlier|later)\s(?P<rel>this|that|in\sthe|the\ssame|last|next)\s(?P<unit>{UNIT_SING}|{SEASON}){END}"),
    ("relative", rf"(?:the\s)?(?:very\s)?{g('rel', REL_WORD)}\s{g('what', _WHAT)}{END}"
                 rf"(?:\s{g('part', PART)}{END})?"),
    ("quantity", r"(?:(?P<qpre>" + trie([
        "more than", "less than", "fewer than", "over", "under", "about", "around",
        "almost", "nearly", "some", "roughly", "approximately", "at least", "at most",
        "up to", "just", "only", "barely", "a full", "a further", "another", "the first",
        "the last", "the final", "the past", "the next", "the following", "the previous",
        "the coming", "the remaining", "an additional", "exactly", "well over",
        "close to", "just over", "just under", "the better part of",
        "the same", "the intervening", "the ensuing", "these", "those", "the",
        "the early", "the last few", "the past few", "the next few", "the few",
        "the initial", "the opening", "the closing", "the entire", "a whole",
        "the whole", "all",
    ]) + rf")\s)?{g('num', NUM)}(?P<hy>-|\s)(?:(?:more|additional|further|extra|trading|business|working)\s)?(?P<unit>{UNIT_ANY}){END}(?P<half>\sand\sa\shalf(?!\w))?(?P<orso>\sor\sso(?=\s(?:ago|later|earlier|before|after)\b))?"
       rf"(?:\s(?P<post>ago|later|earlier|before|after|afterwards?|hence|from\snow|prior|previously|old|of\sage|long|since|back|on){END}"
       rf"|\sof\s(?P<ofdate>{YEAR4}|{MONTH}(?:,?\s{YEAR4})?))?"),
    ("vague", rf"(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes){END}\s(?P<post>later|earlier|ago|afterwards|before|after)(?!\w)"
              r"|(?P<unit2>years|months|weeks|days|decades|centuries|hours)-long(?!\w)"
              r"|the\s(?P<unit3>years|months|weeks|days)\sahead(?!\w)|(?<=\bover\s)the\s(?P<unit4>years|decades)(?!\w|\s(?:of|since|to|from|before|after|ahead|\d))"),
    ("ordunit", r"the\s(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|opening|closing|initial)\s"
                r"(?P<unit>day|night|morning|afternoon|evening|week|weekend|month|year|hour)(?!\w|['’]s)"),
    ("word", rf"(?P<before>the\sday\s(?:before|after)\s)?(?P<mpart>mid[-\s]?(?:morning|afternoon|evening)\s)?(?P<edge>(?:late|early|earlier|later)\s)?(?P<deictic>today|yesterday|tomorrow|tonight){END}(?:\s{g('part', PART)}{END})?"
             r"|(?P<ref>" + trie([k for k, v in L.REFERENCES.items() if v]) + rf"){END}"),
    ("bare", r"(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\bin\s)|(?<=\btook\s)|(?<=\blasted\s))"
             r"(?P<unit>years|months|weeks|decades|centuries|days|hours|minutes)(?!\w)"),
    ("weekday", rf"(?:(?P<pre>early|late)\s)?{g('wd', WEEKDAY)}(?:\s{g('part', PART)}{END})?"),
    ("weekend", r"(?:(?<=\bover\s)|(?<=\bat\s)|(?<=\bduring\s)|(?<=\bon\s)|(?<=\bthis\s)|(?<=\bnext\s)|(?<=\blast\s))?the\sweekend(?!\w)"),
    ("season", rf"{g('pre', PRE)}?(?:the\s)?{g('season', SEASON)}(?:\s(?:of\s)?{g('y', YEARPART)}|(?P<ofrel>{OF_REL_YEAR}))?"),
    # the end of the year, the beginning of that month
    ("partof", rf"{g('pre', PRE)}(?P<det>the|that|this|last|next)\s(?P<unit>year|month|week|decade|century)(?!\w)"
               r"|(?:(?P<det2>the|that|this|last|next)\s)?(?P<unit2>year|month|week)['’]s\s(?P<edge>end|close|beginning|start)(?!\w)"
               r"|(?P<ye>year)[-\s]end(?![\w-])"),
    ("daybefore", r"the\s(?:very\s)?day\s(?P<dir>before|after)(?!\w)(?!\s(?:yesterday|tomorrow))"),
    ("partday", rf"(?:(?<=\bat\s)night|(?<=\bin\s)the\s(?:morning|afternoon|evening)|(?:one|that|the\ssame)\s{PART}|overnight|mid[-\s]?(?:morning|afternoon|evening)){END}"),
    ("period", rf"(?:the\s)?(?-i:{trie(period_names(), lower=False)}){END}"),
]

_GROUP = re.compile(r"\(\?P<(\w+)>")
_BACKREF = re.compile(r"\(\?P=(\w+)\)")


_LEFT = r"(?<![\w’'$£€¥#])(?<!\d[/.:,])"


def _renamed(kind: str, pattern: str) -> str:
    """Group 'x' of kind 'k' becomes 'k__x'; the kind itself is the group 'k_<kind>'."""
    pattern = _GROUP.sub(lambda m: f"(?P<{kind}__{m.group(1)}>", pattern)
    pattern = _BACKREF.sub(lambda m: f"(?P={kind}__{m.group(1)})", pattern)
    return f"(?P<k_{kind}>{pattern})"


# All kinds in one pattern, tried in order at each position.
SCANNER = re.compile(_LEFT + "(?:" + "|".join(_renamed(k, p) for k, p in KINDS) + ")", FLAGS)
KIND_INDEX = {k: i for i, (k, _) in enumerate(KINDS)}


@lru_cache(maxsize=None)
def scanner_after(kind: str) -> re.Pattern | None:
    """The kinds after ``kind`` in one pattern, for a second try when its handler
    rejects a match ("80" is no year, but "80 years" is a duration). Compiled on first
    use: most texts need few of them."""
    rest = KINDS[KIND_INDEX[kind] + 1:]
    if not rest:
        return None
    return re.compile(_LEFT + "(?:" + "|".join(_renamed(k, p) for k, p in rest) + ")", FLAGS)
