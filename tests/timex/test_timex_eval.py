"""The TimeML reader and the TempEval-3 Task A scorer behind benchmarks/eval_timex.py."""
from __future__ import annotations

import pytest

from benchmarks.eval_timex import pair, score
from benchmarks.timeml import read_timeml

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>t</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2009-12-19">2009-12-19</TIMEX3></DCT>
<TEXT>
On <TIMEX3 tid="t1" type="DATE" value="1939-09-01">September 1, 1939</TIMEX3> Germany &amp; Slovakia attacked, and
on <TIMEX3 tid="t2" type="DATE" value="1939-09-03">September 3</TIMEX3> Britain declared war, <TIMEX3 tid="t3" type="DATE" value="PAST_REF">former</TIMEX3> allies said.
</TEXT>
</TimeML>
"""


@pytest.fixture
def tml(tmp_path):
    path = tmp_path / "t.tml"
    path.write_text(DOC, encoding="utf-8")
    return path


def test_reader_offsets_refer_to_the_decoded_text(tml):
    doc = read_timeml(tml)
    assert doc.dct == "2009-12-19"
    assert "Germany & Slovakia" in doc.text
    assert [(g.text, g.value) for g in doc.timexes] == [
        ("September 1, 1939", "1939-09-01"), ("September 3", "1939-09-03"), ("former", "PAST_REF")]
    for g in doc.timexes:
        assert doc.text[g.start:g.end] == g.text


def test_pairing_is_one_to_one_by_largest_overlap():
    class S:
        def __init__(self, start, end):
            self.start, self.end = start, end
    system = [S(0, 10), S(8, 20)]
    gold = [S(5, 18)]
    pairs = pair(system, gold)
    assert len(pairs) == 1 and pairs[0][0] is system[1]


def test_score(tml):
    result, misses, spurious, wrong = score([tml])
    assert result["gold"] == 3 and result["system"] == 2
    assert result["relaxed"]["P"] == 1.0
    assert result["relaxed"]["R"] == pytest.approx(2 / 3)
    assert result["value_accuracy"] == 1.0
    assert [m[1] for m in misses] == ["former"] and not spurious and not wrong
