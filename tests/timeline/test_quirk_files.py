"""Whole files in the forms people's tools write them (see tests/timeline/quirks/):
every quirk TimelineJS accepts is read with TimelineJS's meaning, and nothing is dropped."""
import json
from pathlib import Path

from timeline.formats import dump, load, load_text

HERE = Path(__file__).parent / "quirks"


def test_a_french_sheet_export_with_every_quirk():
    raw = (HERE / "commune-fr.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # BOM and CRLF, as exported
    story = load(HERE / "commune-fr.csv", infer_places=False).story
    assert story.title == "La Commune de Paris"
    assert story.media.alt == "Une barricade, boulevard Voltaire" and story.settings["background"] == {"color": "#1b1b1b"}
    dated = {e.title: e for e in story.dated_events}
    assert dated["Le soulèvement du 18 mars"].start.isoformat() == "1871-03-18"   # "mars"
    assert "<li>Thiers quitte Paris</li>" in dated["Le soulèvement du 18 mars"].text  # multi-line HTML
    assert dated["Le soulèvement du 18 mars"].extra["columns"] == {"Notes de l'éditeur": "à vérifier"}
    assert dated["Élections de la Commune"].start.isoformat() == "1871-03-26"    # zero-padded
    assert dated["Premiers combats à Courbevoie"].start.isoformat() == "1871-04-02"  # "1,871", "avr."
    week = dated["Les troupes versaillaises entrent par la porte de Saint-Cloud."]  # empty headline
    assert week.display_date == "La Semaine sanglante" and week.end.isoformat() == "1871-05-28"
    assert week.media.alt == "Photo de barricade" and week.background == {"url": "https://example.org/fond.jpg"}
    assert dated["La répression"].start.isoformat() == "1871-06"                  # a row cut short
    assert [e.title for e in story.undated_events] == ["Date inconnue : les archives brûlées"]  # empty year
    assert len(story.events) == 6  # the blank row is no event, no other row is lost


def test_the_french_sheet_round_trips_through_csv_and_timelinejs():
    story = load(HERE / "commune-fr.csv", infer_places=False).story
    for fmt, name in (("csv", "b.csv"), ("timelinejs", "b.json")):
        back = load_text(dump(story, fmt), name=name, infer_places=False).story
        assert [(e.title, e.text, e.media, e.start, e.end, e.display_date, e.background)
                for e in back.played_events] == [
            (e.title, e.text, e.media, e.start, e.end, e.display_date, e.background)
            for e in story.played_events]


def test_a_hand_written_timelinejs_file_with_string_and_number_years_and_extra_keys():
    story = load(HERE / "timelinejs-by-hand.json", infer_places=False).story
    assert story.title == "Whitney Houston 1963 - 2012"
    born, album, bodyguard, death = story.dated_events
    assert born.start.isoformat() == "1963-08-09" and born.media.alt == "Whitney Houston singing"
    assert album.start.isoformat() == "1985-02" and album.title == "Whitney Houston"
    assert album.extra["headline"] == "<i>Whitney Houston</i>" and album.extra["timelinejs"] == {"autolink": False}
    assert bodyguard.title == "The Bodyguard." and bodyguard.end is None and bodyguard.display_date == "November 1992"
    assert death.id == "death"
    out = json.loads(dump(story, "timelinejs"))
    assert out["options"] == {"hash_bookmark": True, "initial_zoom": 2}
    assert out["title"]["text"]["headline"] == "Whitney Houston<br/> 1963 - 2012"
    assert story.settings["title_html"] == "Whitney Houston<br/> 1963 - 2012"
    assert out["events"][1]["autolink"] is False
