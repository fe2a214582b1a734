"""The REST API against the demo store, through FastAPI's TestClient (httpx)."""

from __future__ import annotations

from dataclasses import fields

from web_fixtures import HOSTILE_ID

from dateline.store import Store
from dateline.store.filters import EventFilter


def test_events_lists_a_page_with_total_and_next_link(client):
    page = client.get("/api/events", params={"limit": 5}).json()
    assert len(page["items"]) == 5
    assert page["total"] > 5
    assert "offset=5" in page["next"]
    following = client.get(page["next"]).json()
    assert following["offset"] == 5
    assert {e["id"] for e in following["items"]}.isdisjoint(e["id"] for e in page["items"])


def test_events_match_the_store_with_the_same_filters(client, demo_url):
    params = {"type": "CONSULT", "status": "planned", "limit": 500}
    served = client.get("/api/events", params=params).json()["items"]
    with Store(demo_url) as store:
        stored = store.events(type="CONSULT", status="planned")
    assert served == [event.to_dict() for event in stored]


def test_events_in_timeline_order_match_store_timeline(client, demo_url):
    params = {"order": "timeline", "country": "CHN", "since": "2025-11-01", "limit": 500}
    served = client.get("/api/events", params=params).json()["items"]
    with Store(demo_url) as store:
        from datetime import date

        stored = store.timeline(country="CHN", since=date(2025, 11, 1))
    assert served == [event.to_dict() for event in stored]


def test_events_filter_by_actor_name(client):
    items = client.get("/api/events", params={"actor": "wang yi"}).json()["items"]
    assert items
    assert all(any("Wang Yi" in p["name"] for p in e["participants"]) or
               any(p["actor_id"] == "person:wang-yi" for p in e["participants"])
               for e in items)


def test_event_detail_has_record_history_and_evidence(client, demo_url):
    with Store(demo_url) as store:
        record = next(r for r in store.records() if r.source_count > 1)
        event_id = record.event_ids[0]
    detail = client.get(f"/api/events/{event_id}").json()
    assert detail["event"]["id"] == event_id
    assert detail["record"]["id"] == record.id
    assert len(detail["record"]["history"]) == len(record.history)
    article_ids = {item["article_id"] for item in detail["evidence"]}
    assert len(article_ids) == record.source_count
    mention = next(i for i in detail["evidence"][0]["items"] if i["field"] == "mention")
    article = client.get(f"/api/articles/{detail['evidence'][0]['article_id']}").json()
    assert article["article"]["text"][mention["start"]:mention["end"]] == mention["text"]


def test_records_list_each_real_event_once(client, demo_url):
    page = client.get("/api/records", params={"limit": 500}).json()
    with Store(demo_url) as store:
        assert page["total"] == len(store.records())
    ids = [r["id"] for r in page["items"]]
    assert len(ids) == len(set(ids))
    one = client.get(f"/api/records/{ids[0]}").json()
    assert one["id"] == ids[0] and "history" in one and "evidence" in one


def test_actors_and_actor_detail(client):
    actors = client.get("/api/actors", params={"q": "Wang"}).json()["items"]
    wang = next(a for a in actors if a["name"] == "Wang Yi")
    detail = client.get(f"/api/actors/{wang['id']}").json()
    assert detail["actor"]["id"] == wang["id"]
    assert detail["records"]
    partners = {t["source_name"] for t in detail["ties"]} | {t["target_name"]
                                                             for t in detail["ties"]}
    assert "S. Jaishankar" in partners


def test_articles_list_and_detail_with_annotations(client):
    listed = client.get("/api/articles", params={"limit": 500}).json()["items"]
    assert len(listed) == 11  # ten demo articles and the hostile one
    some = next(a for a in listed if a["event_count"] > 0 and a["id"] != HOSTILE_ID)
    document = client.get(f"/api/articles/{some['id']}").json()
    assert set(document) == {"article", "timexes", "actors", "events", "quotes"}
    text = document["article"]["text"]
    for timex in document["timexes"]:
        assert text[timex["start"]:timex["end"]] == timex["text"]


def test_search_uses_fts5_and_finds_every_word(client):
    found = client.get("/api/search", params={"q": "Geneva talks"}).json()
    assert found["method"] == "fts5"
    assert found["items"]
    for hit in found["items"]:
        assert "<mark>" in hit["snippet"]


def test_search_treats_fts_syntax_as_words(client):
    for query in ['"unbalanced', "NEAR(", "geneva OR", "*", "a:b", "-x"]:
        response = client.get("/api/search", params={"q": query})
        assert response.status_code == 200, query


def test_search_snippet_escapes_article_markup(client):
    found = client.get("/api/search", params={"q": "envoy"}).json()["items"]
    hit = next(h for h in found if h["article_id"] == HOSTILE_ID)
    assert "<script>" not in hit["snippet"] and "&lt;script&gt;" in hit["snippet"]


def test_upcoming_lists_what_was_planned_ahead(client):
    upcoming = client.get("/api/upcoming", params={"as_of": "2025-11-04", "days": 14}).json()
    assert upcoming["as_of"] == "2025-11-04"
    assert upcoming["ahead"]
    assert all(r["status"] == "planned" for r in upcoming["ahead"])


def test_unknown_ids_are_404_with_a_message(client):
    for path in ("/api/events/nope", "/api/records/rec-nope", "/api/actors/nope",
                 "/api/articles/nope"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "nope" in response.json()["detail"]


def test_bad_parameters_are_422_naming_the_parameter(client):
    cases = {"type": "MEET", "status": "maybe", "since": "2025-13-40", "limit": "0",
             "country": "CHINA"}
    for name, value in cases.items():
        response = client.get("/api/events", params={name: value})
        assert response.status_code == 422, name
        assert response.json()["detail"][0]["parameter"] == name


def test_search_without_words_is_422(client):
    assert client.get("/api/search").status_code == 422


def test_openapi_document_lists_the_api(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/records", "/api/actors",
            "/api/actors/{actor_id}", "/api/articles", "/api/articles/{article_id}",
            "/api/search", "/api/upcoming"} <= set(paths)
    assert "/" not in paths  # pages are not part of the API


def test_pages_escape_article_text_and_title(client):
    html = client.get(f"/api/articles/{HOSTILE_ID}").json()["article"]["text"]
    page = client.get(f"/articles/{HOSTILE_ID}").text
    assert "<script>window.__pwned" not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert '<img src=x' not in page
    assert "javascript:" not in page
    assert "<script>" in html  # the API returns the text as stored, JSON-encoded


def test_pages_forbid_inline_and_foreign_scripts(client):
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy


def test_bad_page_filters_are_422_pages(client):
    response = client.get("/", params={"since": "yesterday"})
    assert response.status_code == 422
    assert "since" in response.text and "YYYY-MM-DD" in response.text


def test_every_page_renders(client, demo_url):
    with Store(demo_url) as store:
        record = store.records()[0]
        actor = store.actors(limit=1)[0]
    for path in ("/", "/upcoming", "/actors", "/articles", "/search?q=summit",
                 f"/events/{record.id}", f"/events/{record.event_ids[0]}",
                 f"/actors/{actor.id}", f"/articles/{HOSTILE_ID}"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")


def test_repeated_event_pages_come_from_the_cache_until_the_store_changes(tmp_path):
    from datetime import date

    from fastapi.testclient import TestClient
    from web_fixtures import hostile_extraction

    from dateline.model import Article, Extraction
    from dateline.web import create_app
    from dateline.web.cache import AnswerCache, StoreVersion

    url = f"sqlite:///{tmp_path / 'cache.db'}"
    with Store(url) as store:
        store.add([hostile_extraction()])
        app = create_app(url)
        # Look at the store on every request (the server waits 0.5 s between looks).
        app.state.answers = AnswerCache(StoreVersion(store.engine), recheck_seconds=0)
        with TestClient(app) as fresh:
            first = fresh.get("/api/events")
            again = fresh.get("/api/events")
            assert (first.headers["x-dateline-cache"], again.headers["x-dateline-cache"]) == (
                "miss", "hit")
            assert first.json() == again.json()
            store.add([Extraction(article=Article(id="later", date=date(2025, 1, 1),
                                                  text="Nothing happened."))])
            assert fresh.get("/api/events").headers["x-dateline-cache"] == "miss"


def test_every_page_renders_on_an_empty_store(tmp_path):
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    with TestClient(create_app(f"sqlite:///{tmp_path / 'empty.db'}")) as empty:
        for path in ("/", "/upcoming", "/actors", "/articles", "/search?q=anything",
                     "/api/docs", "/api/events", "/api/records", "/api/upcoming"):
            response = empty.get(path)
            assert response.status_code == 200, path
        assert "No events match" in empty.get("/").text
        assert empty.get("/api/upcoming").json()["ahead"] == []


def test_events_total_counts_every_match_beyond_the_page(client, demo_url):
    page = client.get("/api/events", params={"country": "CHN", "limit": 3}).json()
    with Store(demo_url) as store:
        assert page["total"] == len(store.events(country="CHN")) > 3


def test_actor_detail_counts_agree_with_the_actor_list(client):
    listed = client.get("/api/actors", params={"limit": 10}).json()["items"]
    for actor in listed:
        assert client.get(f"/api/actors/{actor['id']}").json()["actor"] == actor


def test_actor_detail_quotes_are_the_actors_own_newest_first(client, demo_url):
    with Store(demo_url) as store:
        speaker = next(a for a in store.actors() if store.actor_quotes(a.id))
        spoken = [q.text for article in store.articles()
                  if (found := store.extraction(article.id)) is not None
                  for q in found.quotes if q.speaker and q.speaker.actor_id == speaker.id]
    quotes = client.get(f"/api/actors/{speaker.id}").json()["quotes"]
    assert sorted(q["text"] for q in quotes) == sorted(spoken)
    days = [q["article_date"] for q in quotes]
    assert days == sorted(days, reverse=True)


def test_articles_within_dates_come_newest_first_with_a_lead(client):
    everything = client.get("/api/articles", params={"limit": 500}).json()["items"]
    days = sorted({a["date"] for a in everything})
    since, until = days[1], days[-2]
    within = client.get("/api/articles", params={"since": since, "until": until,
                                                 "limit": 500}).json()["items"]
    assert [a["id"] for a in within] == [a["id"] for a in everything
                                         if since <= a["date"] <= until]
    assert [a["date"] for a in within] == sorted((a["date"] for a in within), reverse=True)
    assert all(a["lead"] and len(a["lead"]) <= 101 for a in within)


def test_api_filter_parameters_are_the_store_filters_criteria(client):
    criteria = {criterion.name for criterion in fields(EventFilter)}
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/records"):
        offered = {p["name"] for p in paths[path]["get"]["parameters"]}
        assert offered - {"order", "limit", "offset"} == criteria, path


def test_timeline_page_links_keep_its_filters_dates_as_written(client):
    page = client.get("/", params={"type": "consult", "country": "chn",
                                   "since": "2025-11-01", "until": ""}).text
    assert 'href="/api/records?type=CONSULT&amp;country=CHN&amp;since=2025-11-01"' in page
