"""The word lists the spotting filters consult: closed-class English words (titles, roles,
feature words, prepositions...) written here, and the larger lexicons (demonyms, given
names, common words) read once from ``gazetteer/data``."""
from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources

_WORDS = lambda s: frozenset(s.split())  # noqa: E731

# lower-case words that may join a place name's capitalised words
CONNECTORS = _WORDS("of the de del della da do dos das di du des la le las los el and upon on "
                    "am an der den y sur en")
# sentence-initial words that are never part of a name
FUNCTION = _WORDS("""
a an the in at on of for from to by with without into onto upon over under after before
since until during while when where whereas if unless because although though as and or but
nor so yet this that these those there here then thus however meanwhile moreover also both
either neither each every all some many most few several such no not only even still
another other others any
he she it we they i you his her its our their my your who whom whose which what why how
is are was were be been being has have had do does did will would can could may might must
shall should near outside inside across around about above below between among against
according despite toward towards via through throughout within beyond along amid
once last next earlier later today yesterday tomorrow tonight now currently recently
officials authorities residents police health local regional national international
""")
LOCATIVES = _WORDS("in at near from to outside inside around across into toward towards via "
                   "through throughout within visit visited visiting reached entered left leaving "
                   "towns cities province state county village town city region district")
TITLES = _WORDS("""
president presidents mr mrs ms miss dr sir lord lady king queen prince princess pope emperor
empress sultan sheikh senator sen congressman congresswoman rep representative governor gov
mayor minister secretary chancellor premier general gen colonel col captain capt lieutenant lt
sergeant sgt major officer detective judge justice chairman chairwoman chief rev reverend
father brother sister saint st professor prof coach commander admiral ambassador spokesman
spokeswoman spokesperson director ceo dean bishop archbishop cardinal rabbi imam ayatollah
uncle aunt
""")
# words that may follow a place and keep it a place mention: "U.S. Army", "Texas Governor"
ROLE = _WORDS("""
president presidents vice prime minister ministers ministry secretary senator senators
congressman congresswoman representative governor gov mayor premier ambassador embassy
consulate consul government govt army navy marines military police forces force coast guard
defence defense foreign health department dept parliament congress senate chancellor king
queen prince princess emperor officials official authorities authority federal national
provincial regional state states centers centres center centre food agriculture interior
public supreme attorney treasury customs border agency council
cabinet administration office bureau service services commission commissioner people
citizens residents fire emergency disease diseases medical hospital hospitals airport
airports highway route open cup championship league team squad
""")
FEATURE_SUFFIX = {
    "river": "river", "desert": "desert", "mountains": "mountains", "mountain": "mountain",
    "mount": "mountain", "lake": "lake", "sea": "sea", "ocean": "sea", "island": "island",
    "islands": "island", "valley": "region", "province": "province", "region": "region",
    "state": "state", "county": None, "district": None, "prefecture": None, "peninsula": None,
    "gulf": None, "bay": None, "strait": None, "canal": None, "plateau": None, "basin": None,
    "delta": None, "municipality": None, "city": "city", "territory": None, "oblast": None,
    "governorate": None, "republic": "country", "coast": None, "hills": None, "range": None,
    "falls": None, "river's": "river", "lakes": "lake",
}
# a town's own bodies: "X City Council" names the town X, not a place "X City"
CIVIC_SUFFIX = _WORDS("city district town township village municipality")
FEATURE_PREFIX = {"lake": "lake", "mount": "mountain", "mt": "mountain", "cape": None,
                  "port": None, "fort": None, "isle": "island", "gulf": None, "bay": None,
                  "sea": "sea"}
DIRECTIONS = _WORDS("north south east west northern southern eastern western central "
                    "northeast northwest southeast southwest northeastern northwestern "
                    "southeastern southwestern upper lower greater inner outer mid middle "
                    "sub coastal rural metropolitan metro")
# "X of <place>" where X makes it an organisation or a person, not the place
ORG_OF = _WORDS("bank banks duke duchess earl baron baroness marquess count countess bishop "
                "archbishop diocese archdiocese church cathedral museum university college "
                "institute school academy society association club friends order knights "
                "house band orchestra symphony bishops times voice")
# given names that are also places: "Jordan Peterson", "Paris Hilton", "Chad Smith"
GIVEN_NAMES = _WORDS("""
jordan paris georgia chad victoria florence austin orlando lincoln washington houston dallas
tyler charlotte regina adelaide alexandria sydney denver troy salem eugene laurel marion
clinton jackson madison hamilton warren sharon shelby chester beverly kingston milan vienna
nancy santiago sofia kent chelsea brooklyn phoenix savannah dakota aurora camden carson
cleveland easton everett jefferson logan mackenzie marshall mason preston quincy raleigh
sheridan sterling winston york lorraine valencia elizabeth barbara helena augusta augustine
raymond douglas howard ashley stanley florida india israel china asia america kenya
""")
DISEASE = _WORDS("virus viruses fever flu influenza disease syndrome strain ebolavirus")
SPEECH = _WORDS("said says told added explained stated asked announced wrote")
# "Dr. Ivins", "St. Marc": the dot does not end the sentence
ABBREVIATIONS = _WORDS("mr mrs ms dr st ste mt ft prof gen gov sen rep lt col capt sgt jr sr "
                       "rev hon pres insp supt cmdr adm maj messrs")
# a place before these is part of an institution's or a newspaper's name
ORG_SUFFIX = _WORDS("""
university universities college colleges institute institutes school schools academy
times post herald tribune journal gazette chronicle telegraph observer guardian globe mail
express standard independent examiner courier inquirer sentinel zoo museum stadium
""")
STOP = _WORDS("""
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday god christ jesus christmas easter
internet web i
""")


def _data_text(name: str) -> str:
    return resources.files("gazetteer").joinpath(f"data/{name}").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def demonym_table() -> dict[str, tuple[str, str | None]]:
    """demonym (lower case, words joined by one space) -> (place name, ISO code or None)."""
    rows = [line for line in _data_text("demonyms.csv").splitlines() if not line.startswith("#")]
    out = {}
    for row in csv.DictReader(io.StringIO("\n".join(rows))):
        out[row["word"].strip().lower()] = (row["place"].strip(), row["country"].strip() or None)
    return out


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return frozenset(w for line in _data_text("given_names.txt").splitlines()
                     if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    return frozenset(line.strip() for line in _data_text("common_words.txt").splitlines()
                     if line.strip() and not line.startswith("#"))

