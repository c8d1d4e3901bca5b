"""The PDF handout says what it is: the story's title and language, and when it was made."""
from __future__ import annotations

import datetime
import re

from timeline.formats import load
from web.exports.handout import handout_pdf


def _trailer_info(pdf: bytes) -> str:
    return pdf.decode("latin-1")


def test_handout_has_language_title_and_real_creation_date():
    story = load("demo").story
    pdf = _trailer_info(handout_pdf(story, report=lambda problems: None))
    assert re.search(r"/Lang \((?:en|[a-z]{2,3}(?:-\w+)*)\)", pdf)
    assert "/Title (" in pdf
    year = datetime.datetime.now(datetime.timezone.utc).year
    created = re.search(r"/CreationDate \(D(?::|\\072)(\d{4})", pdf)
    assert created and abs(int(created.group(1)) - year) <= 1, created

