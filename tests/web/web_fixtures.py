"""A hand-written article that attacks the pages: HTML and script in its text, title and URL."""

from __future__ import annotations

from datetime import date

from dateline.model import (
    Actor,
    Article,
    Event,
    EventDate,
    Extraction,
    Participant,
    Quote,
    Span,
    Timex,
)

HOSTILE_ID = "hostile-article"
HOSTILE_SCRIPT = "<script>window.__pwned = 1</script>"
HOSTILE_IMAGE = '<img src=x onerror="window.__pwned = 2">'


def hostile_extraction() -> Extraction:
    """An article whose text and title carry markup, with one event, actor, timex, quote."""
    text = (
        f"Officials said {HOSTILE_SCRIPT} the envoy Ada Quill will meet delegates on "
        f"Friday. {HOSTILE_IMAGE} \"We <b>insist</b> on talks,\" Quill said."
    )
    meet = text.index("meet")
    friday = text.index("Friday")
    quill = text.index("Ada Quill")
    quote_start = text.index("We <b>")
    quote_end = text.index(",\" Quill")
    article = Article(id=HOSTILE_ID, date=date(2025, 11, 20), text=text,
                      title="<i>Envoy</i> <script>window.__pwned = 3</script>",
                      url="javascript:window.__pwned = 4")
    actor = Actor(id="person:ada-quill-test", name="Ada Quill", kind="person",
                  mentions=[Span(quill, quill + 9, "Ada Quill")])
    event = Event(
        id="hostile-meet", type="CONSULT", mode=None, cameo="040", status="planned",
        date=EventDate(value="2025-11-21", text="Friday"),
        participants=[Participant("person:ada-quill-test", "Ada Quill", None, "participant")],
        mentions=[Span(meet, meet + 4, "meet")], confidence=0.8,
    )
    return Extraction(
        article=article,
        timexes=[Timex(friday, friday + 6, "Friday", "DATE", "2025-11-21")],
        actors=[actor], events=[event],
        quotes=[Quote(quote_start, quote_end, text[quote_start:quote_end])],
    )
