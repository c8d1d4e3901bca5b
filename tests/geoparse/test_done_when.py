"""Issue 5's done-when, the toponym half: the shared news article geoparsed."""
from __future__ import annotations

import math


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371 * math.asin(math.sqrt(a))


def places(mentions, surface=None):
    return [m for m in mentions if m.kind == "place" and (surface is None or m.text == surface)]


def test_offsets_are_exact_sorted_and_disjoint(article, article_mentions):
    assert article_mentions
    last_end = -1
    for m in article_mentions:
        assert article[m.start:m.end] == m.text
        assert m.start >= last_end
        last_end = m.end


def test_moscow_is_in_russia(article_mentions):
    found = places(article_mentions, "Moscow") + places(article_mentions, "MOSCOW")
    assert found
    for m in found:
        assert m.resolution.status == "resolved" and m.best.country == "RU"
        assert km(m.best.lat, m.best.lon, 55.75, 37.62) < 25


def test_mongolia_is_the_country(article_mentions):
    found = places(article_mentions, "Mongolia")
    assert len(found) >= 5
    assert all(m.best is not None and m.best.country == "MN" and m.best.kind == "country"
               for m in found)


def test_khalkhin_gol_river(article_mentions):
    found = [m for m in places(article_mentions) if m.text.startswith("Khalkhin Gol")]
    assert [m.text for m in found] == ["Khalkhin Gol River"]
    best = found[0].best
    assert best is not None and km(best.lat, best.lon, 47.7, 118.6) < 100


def test_south_africa(article_mentions):
    found = places(article_mentions, "South Africa")
    assert len(found) == 2
    assert all(m.best is not None and m.best.country == "ZA" for m in found)


def test_nothing_placed_that_is_not_a_place(article_mentions):
    texts = {m.text for m in places(article_mentions)}
    for word in ("March", "Putin", "Vladimir", "Khurelsukh", "Ukhnaa", "Omar", "Bashir",
                 "al-Bashir", "International Criminal Court", "ICC", "Rome", "Criminal Court",
                 "BRICS", "President", "September"):
        assert word not in texts, word
    for m in places(article_mentions):
        if "Kremlin" in m.text:
            assert m.best is not None and km(m.best.lat, m.best.lon, 55.75, 37.62) < 25


def test_no_place_hides_in_hashtags(article, article_mentions):
    tail = article.rindex("#PutinVisitMongolia")
    assert not [m for m in article_mentions if m.start >= tail]


def test_demonyms_are_adjective_mentions(article_mentions):
    adjectives = {m.text: m for m in article_mentions if m.kind == "adjective"}
    expected = {"Russian": "RU", "Mongolian": "MN", "Sudanese": "SD", "South African": "ZA"}
    for word, country in expected.items():
        assert word in adjectives, word
        assert adjectives[word].best is not None and adjectives[word].best.country == country
    soviet = adjectives["Soviet"].best
    assert soviet is not None and soviet.name == "Soviet Union"
    assert "South African" not in {m.text for m in places(article_mentions)}


def test_to_dict_shape(article_mentions):
    d = places(article_mentions, "Mongolia")[0].to_dict()
    assert set(d) >= {"start", "end", "text", "name", "lat", "lon", "country", "kind",
                      "geonameid", "score"}
    assert d["country"] == "MN" and d["kind"] == "country"
