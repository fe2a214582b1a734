"""The pipeline composes the stages; batches over worker processes change nothing."""

from __future__ import annotations

from datetime import date

from dateline.model import Article
from dateline.pipeline import process

TEXTS = [
    "Kenyan President William Ruto will visit Addis Ababa on Thursday, his office said.",
    "Police detained 40 protesters in Tbilisi on Sunday, according to Reuters.",
    "Japan and South Korea agreed to resume defence talks, officials told Kyodo.",
    "\u201cWe will respond,\u201d Iran's foreign minister said on Monday.",
    "Ukraine accused Russia of shelling Kharkiv overnight.",
]


def articles() -> list[Article]:
    when = date(2025, 11, 3)
    return [Article(id=f"p{i}", date=when, text=t) for i, t in enumerate(TEXTS)]


def test_two_workers_give_exactly_what_one_gives_in_input_order(nlp):
    one = [x.to_dict() for batch in process(articles(), workers=1, batch_size=2) for x in batch]
    two = [x.to_dict() for batch in process(articles(), workers=2, batch_size=2) for x in batch]
    assert [d["article"]["id"] for d in two] == ["p0", "p1", "p2", "p3", "p4"]
    assert one == two


def test_every_stage_fills_its_part_of_the_document(nlp):
    (extraction,) = next(iter(process(articles()[:1])))
    assert extraction.timexes and extraction.actors and extraction.events
    visit = extraction.events[0]
    assert visit.type == "CONSULT" and visit.status == "planned"
    assert visit.date is not None and visit.date.value == "2025-11-06"
