"""The pages in a real headless Chromium: drawn, linked, highlighted, escaped."""

from __future__ import annotations

import re

import pytest
from web_fixtures import HOSTILE_ID

from dateline.store import Store


@pytest.fixture(scope="module")
def geneva(demo_url: str):  # type: ignore[no-untyped-def]
    """The demo's Geneva meeting: one record reported by several articles."""
    with Store(demo_url) as store:
        found = [r for r in store.records(type="CONSULT") if r.location
                 and r.location.name == "Geneva" and r.source_count > 1]
        assert found, "the demo store should hold the Geneva meeting reported more than once"
        return store.record(found[0].id)


def test_timeline_draws_one_mark_per_record_coloured_by_type(page, screenshot, demo_url):
    page.goto("/")
    with Store(demo_url) as store:
        records = store.records()
    marks = page.locator("svg.timeline circle.mark")
    outside = page.locator("p.outside")
    not_drawn = int(outside.get_attribute("data-count") or 0) if outside.count() else 0
    assert marks.count() + not_drawn == len(records)
    assert page.locator("table.events tbody tr").count() == len(records)
    colours = {page.locator(f"svg.timeline circle.type-{t}").first.evaluate(
        "el => getComputedStyle(el).stroke") for t in ("CONSULT", "ASSAULT")}
    assert len(colours) == 2
    screenshot("timeline")


def test_timeline_tells_planned_from_occurred(page):
    page.goto("/")
    planned = page.locator("svg.timeline circle.st-planned").first
    occurred = page.locator("svg.timeline circle.st-occurred").first
    assert planned.evaluate("el => getComputedStyle(el).fill") == "rgb(255, 255, 255)"
    assert occurred.evaluate("el => getComputedStyle(el).fill") != "rgb(255, 255, 255)"


def test_timeline_filters_by_type_and_date(page, screenshot):
    page.goto("/")
    page.select_option("select[name=type]", "CONSULT")
    page.fill("input[name=since]", "2025-11-05")
    page.fill("input[name=until]", "2025-11-15")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"type=CONSULT"))
    types = page.locator("svg.timeline circle.mark").evaluate_all(
        "els => els.map(el => [...el.classList].find(c => c.startsWith('type-')))")
    assert types and set(types) == {"type-CONSULT"}
    screenshot("timeline-filtered")


def test_timeline_filters_by_actor_and_country(page):
    page.goto("/?actor=Wang+Yi&country=CHN")
    rows = page.locator("table.events tbody tr")
    assert rows.count() > 0
    for text in rows.all_inner_texts():
        assert "Wang Yi" in text


def test_click_from_timeline_to_event_to_article(page, screenshot, geneva):
    page.goto("/")
    page.click(f'svg.timeline a.mark-link[data-event="{geneva.id}"]')
    page.wait_for_url(f"**/events/{geneva.id}")
    history = page.locator("tr.history-entry")
    assert history.count() == len(geneva.history)
    assert {"planned", "occurred"} <= set(page.locator("tr.history-entry .status")
                                          .all_inner_texts())
    assert page.locator("article.source").count() == geneva.source_count  # one per article
    # Each source shows its evidence highlighted in the article's text.
    first_source = page.locator("article.source").first
    mention = geneva.events[0].mentions[0]
    assert first_source.locator(".evidence-text .hl-event").first.inner_text() == mention.text
    assert first_source.locator(".evidence-text .hl-timex").count() >= 1
    screenshot("event")

    first_source.locator("a.article-link").click()
    page.wait_for_url(re.compile(r"/articles/[^/#]+#ev-"))
    event_id = geneva.events[0].id
    target = page.locator(f"#ev-{event_id}-0")
    assert "hl-event" in (target.get_attribute("class") or "")
    assert target.inner_text() == mention.text
    screenshot("article-from-event")


def test_article_page_highlights_timexes_actors_events_and_quotes(page, screenshot, demo_url):
    with Store(demo_url) as store:
        extraction = next(x for a in store.events() if a.article_id != HOSTILE_ID
                          and (x := store.extraction(a.article_id)) and x.quotes)
    page.goto(f"/articles/{extraction.article.id}")
    text = page.locator("#article-text")
    timexes = text.locator(".hl-timex").all_inner_texts()
    assert "".join(timexes).replace(" ", "") == "".join(
        t.text for t in extraction.timexes).replace(" ", "")
    assert text.locator(".hl-actor").count() >= 1
    assert text.locator(".hl-event").count() >= len(extraction.events)
    quote = extraction.quotes[0]
    assert page.locator("#q-0").inner_text() in quote.text
    # The page shows the article's text exactly (highlights add no characters).
    assert text.inner_text() == extraction.article.text
    screenshot("article")


def test_highlight_toggle_hides_one_kind(page):
    page.goto("/articles")
    page.locator("table.list tbody a").first.click()
    page.uncheck("input[data-toggle=actor]")
    background = page.locator("#article-text .hl-actor").first.evaluate(
        "el => getComputedStyle(el).backgroundColor")
    assert background in ("rgba(0, 0, 0, 0)", "transparent")


def test_article_text_is_escaped_and_never_run(page, screenshot):
    page.goto(f"/articles/{HOSTILE_ID}")
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned = 1</script>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text img, #article-text script, #article-text b").count() == 0
    assert page.locator("a", has_text="original").count() == 0  # javascript: URL not linked
    assert "<script>" in page.locator("h1").inner_text()
    screenshot("article-hostile")


def test_actor_page_shows_events_over_time_and_network(page, screenshot, demo_url):
    page.goto("/actors")
    page.fill("input[name=q]", "Wang Yi")
    page.click("form.filters button")
    page.locator("table.list tbody a", has_text="Wang Yi").first.click()
    page.wait_for_url(re.compile(r"/actors/"))
    assert page.locator("svg.timeline circle.mark").count() >= 1
    nodes = page.locator("svg.network a.node")
    assert nodes.count() >= 2
    names = nodes.locator("text").all_text_contents()
    assert any("Jaishankar" in name for name in names)
    screenshot("actor")


def test_search_finds_articles_and_marks_the_words(page, screenshot):
    page.goto("/")
    page.fill("header input[name=q]", "Geneva")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=Geneva"))
    hits = page.locator("li.hit")
    assert hits.count() >= 2
    assert page.locator("li.hit mark").first.inner_text().lower() == "geneva"
    screenshot("search")


def test_upcoming_lists_what_was_planned_as_of_a_day(page, screenshot, geneva):
    page.goto("/upcoming?as_of=2025-11-04&days=14")
    assert page.locator(f'tr#row-{geneva.id}').count() == 1
    assert page.locator("svg.timeline circle.mark").count() >= 1
    screenshot("upcoming")


def test_unknown_event_page_is_a_clear_404(page, screenshot):
    response = page.goto("/events/no-such-event")
    assert response is not None and response.status == 404
    assert "no-such-event" in page.locator(".error .message").inner_text()
    screenshot("not-found")


def test_api_reference_page_lists_every_endpoint_offline(page, screenshot):
    page.goto("/api/docs")
    paths = page.locator("section.endpoint h2 code").all_inner_texts()
    assert {"/api/events", "/api/events/{event_id}", "/api/search", "/api/upcoming"} <= set(
        paths)
    assert "CONSULT" in page.locator("#" + page.locator("section.endpoint").first
                                     .get_attribute("id")).inner_text()
    screenshot("api-docs")
