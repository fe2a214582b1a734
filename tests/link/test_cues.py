"""Back-reference cues read from an article: its focus, and definite mentions of events."""

from __future__ import annotations

from dateline.link.cues import article_focus, event_cues, head_word, is_definite
from dateline.model import Event, Location, Participant, Span

TEXT = ("The court upheld a ban on a march by veterans in Kolkata. "
        "The organisers called off the planned march.")


def _span(piece: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(piece, start + 1)
    return Span(start, start + len(piece), piece)


def _march(*mentions: Span, **fields: object) -> Event:
    return Event(id="e1", type="PROTEST", mode=None, cameo="140", status="cancelled",
                 mentions=list(mentions), **fields)  # type: ignore[arg-type]


def test_a_mention_after_the_or_the_planned_is_definite() -> None:
    assert is_definite(TEXT, _span("march", 1))
    assert is_definite(TEXT, _span("court"))
    assert not is_definite(TEXT, _span("march", 0))


def test_a_determiner_before_other_words_does_not_make_a_mention_definite() -> None:
    text = "The veterans march on Friday."
    assert not is_definite(text, Span(13, 18, "march"))


def test_the_head_is_the_last_word_case_folded() -> None:
    assert head_word("Planned March") == "march"
    assert head_word("walked out.") == "out"
    assert head_word("...") is None


def test_the_focus_keeps_every_country_with_a_fair_share_of_mentions() -> None:
    assert article_focus([("IND", 5), ("chn", 3), ("USA", 1), (None, 9)]) == {"IND", "CHN"}
    assert article_focus([("IND", 0)]) == {"IND"}
    assert article_focus([]) == frozenset()


def test_an_event_without_actors_or_place_and_a_definite_mention_recalls() -> None:
    cues = event_cues(_march(_span("march", 1)), TEXT, frozenset({"IND"}))
    assert cues.recalls == {"IND:march"} and cues.named == frozenset()


def test_an_event_naming_a_place_or_an_actor_is_named_not_recalling() -> None:
    kolkata = Location("Kolkata", "IND", 22.56, 88.36)
    veterans = Participant("grp-veterans", "veterans", "IND", "source")
    for event in (
        _march(_span("march", 1), location=kolkata),
        _march(_span("march", 1), participants=[veterans]),
        _march(_span("march", 0)),
    ):
        cues = event_cues(event, TEXT, frozenset({"IND"}))
        assert cues.named == {"IND:march"} and cues.recalls == frozenset()
