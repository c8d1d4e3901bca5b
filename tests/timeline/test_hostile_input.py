"""Hostile story text: every bound gives a located problem, never a traceback or a hang."""
import json
import resource
import subprocess
import sys
import textwrap

import pytest

from timeline.errors import StoryFormatError
from timeline.formats import load_text


def problems(text: str, name: str) -> list[str]:
    with pytest.raises(StoryFormatError) as info:
        load_text(text, name=name)
    return [str(p) for p in info.value.problems]


def test_nan_and_infinity_coordinates_are_located_errors():
    text = ('{"title": "t", "events": [{"title": "a", "start": "1939",\n'
            ' "places": [{"name": "x", "lat": NaN, "lon": Infinity}]}]}')
    found = problems(text, "s.json")
    assert any("events[0].places[0].lat: not a finite number" in p and "line 2" in p for p in found)
    assert any("events[0].places[0].lon: not a finite number" in p for p in found)
    yaml_found = problems("title: t\nevents:\n - title: a\n   places: [{name: x, lat: .nan, lon: 1}]\n",
                          "s.yaml")
    assert any("line 4" in p and "lat: not a finite number" in p for p in yaml_found)


def test_non_numeric_tile_zoom_is_a_located_error():
    text = textwrap.dedent("""\
        title: t
        settings:
          tiles:
            - url: https://tiles.example/{z}/{x}/{y}.png
              max_zoom: lots
        events: [{title: a, start: "1939"}]
        """)
    found = problems(text, "s.yaml")
    assert any("line 5" in p and "settings.tiles[0].max_zoom" in p for p in found), found


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_integers_past_python_digit_limit_are_located(fmt):
    if fmt == "json":
        text = '{"title": "t",\n "events": [{"title": "a", "start": ' + "9" * 5000 + "}]}"
    else:
        text = "title: t\nevents:\n - title: a\n   start: " + "9" * 5000 + "\n"
    found = problems(text, f"s.{fmt}")
    assert any("events[0].start: number too long (5000 digits)" in p for p in found), found


@pytest.mark.parametrize("fmt,depth", [("json", 100), ("json", 5000), ("yaml", 100), ("yaml", 5000)])
def test_deep_nesting_is_a_located_error(fmt, depth):
    nest = "[" * depth + "]" * depth
    if fmt == "json":
        text = '{"title": "t", "events": [],\n "settings": {"x": ' + nest + "}}"
    else:
        text = f"title: t\nevents: []\nsettings: {{x: {nest}}}\n"
    found = problems(text, f"s.{fmt}")
    assert any("nested more than 50 levels deep" in p for p in found), found
    assert all(", line " in p for p in found), found


def test_block_style_deep_nesting_in_yaml():
    text = "title: t\nevents: []\nsettings:\n" + "".join(
        " " * (i + 1) + f"k{i}:\n" for i in range(1500)) + " " * 1502 + "v\n"
    assert any("nested more than 50 levels deep" in p for p in problems(text, "s.yaml"))


def test_lone_surrogates_are_located_errors():
    found = problems('{"title": "t\\ud800",\n "events": [{"title": "a", "start": "1939"}]}',
                     "s.json")
    assert found == ["s.json, line 1: title: not valid Unicode text (a lone surrogate) (found "
                     "'t\\\\ud800'; expected text without unpaired \\ud800-\\udfff escapes)"]


def test_recursive_alias_and_yaml_only_types():
    assert any("refers to the value that contains it" in p
               for p in problems("title: t\nevents: []\nsettings: &a {x: *a}\n", "s.yaml"))
    found = problems("title: t\nevents: []\nsettings: {s: !!set {a, b}, b: !!binary aGk=}\n", "s.yaml")
    assert any("settings.s: not a supported value (found 'set'" in p for p in found)
    assert any("settings.b: not a supported value (found 'bytes'" in p for p in found)


BOMB = "title: t\nevents: []\n" + "a0: &a0 [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"a{i}: &a{i} [{','.join([f'*a{i-1}'] * 9)}]\n" for i in range(1, 9))


def _bounded_run(code: str, seconds: int = 20, memory: int = 1 << 30) -> subprocess.CompletedProcess:
    """Run code in a child with an address-space and time limit: a regression cannot
    take the test run (or the machine) down with it."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=seconds, preexec_fn=limit)


def test_billion_laughs_is_refused_quickly_and_located():
    assert len(BOMB) < 500
    code = ("from timeline.formats import load_text\nfrom timeline.errors import StoryFormatError\n"
            f"try:\n    load_text({BOMB!r}, name='bomb.yaml')\n"
            "except StoryFormatError as e:\n    print(e)\n")
    out = _bounded_run(code, seconds=10)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "bomb.yaml, line 8: YAML aliases expand too far" in out.stdout


def test_one_big_anchor_referenced_ten_thousand_times():
    text = ("title: t\nevents: []\nsettings:\n  a: &a [" + ",".join(["xxxxxxxxxx"] * 50_000)
            + "]\n  b: [" + ",".join(["*a"] * 10_000) + "]\n")
    code = ("import sys\nfrom timeline.formats import load_text\nfrom timeline.errors import StoryFormatError\n"
            "try:\n    load_text(sys.stdin.read(), name='big.yaml')\n"
            "except StoryFormatError as e:\n    print(e)\n")
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
    out = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True,
                         timeout=20, preexec_fn=limit)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "big.yaml, line 5: YAML aliases expand too far" in out.stdout


def test_honest_aliases_still_work():
    story = load_text("title: t\nplaces: &p [Paris]\nevents:\n - {title: a, start: '1939', places: *p}\n"
                      " - {title: b, start: '1940', places: *p}\n".replace("places: &p [Paris]\n", "x-places: &p [Paris]\n"),
                      name="s.yaml").story
    assert [e.places[0].name for e in story.events] == ["Paris", "Paris"]


def test_valid_json_is_not_indexed_by_a_second_parser(monkeypatch):
    """The line index is built only for a file with problems (it was 75% of validate)."""
    from timeline.formats import _lines
    calls = []
    monkeypatch.setattr(_lines, "json_index", lambda text: calls.append(1) or {})
    load_text(json.dumps({"title": "t", "events": [{"title": "a", "start": "1939"}]}), name="s.json")
    assert calls == []


@pytest.mark.parametrize("value", ["999999999999", "-999999999999",
                                   "1" + "0" * 80 + " billion years ago"])
def test_years_no_export_can_draw_are_located_errors(value):
    found = problems(f"title: t\nevents:\n - title: a\n   start: '{value}'\n", "s.yaml")
    assert any("line 4" in p and "year out of range" in p for p in found), found
