"""Each reader, format detection, directories and standard input."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.errors import InputError
from dateline.ingest import INPUT_FORMATS, InputFormat, read, read_text
from dateline.ingest.formats import detect_format
from dateline.model import Article


def read_all(*paths: str, **options) -> list[Article]:
    return list(read(list(paths), **options))


def test_dated_text_with_the_article_on_the_date_line(fixture_path):
    [article] = read_all(fixture_path("dated_same_line.txt"))
    assert article.date == date(2024, 3, 4)
    assert article.text.startswith("Indian External Affairs Minister S. Jaishankar")
    assert article.text.endswith("according to state broadcaster CCTV.")
    assert "\n\nOn the eve of last week's summit" in article.text


def test_dated_text_with_the_article_on_the_next_line(fixture_path):
    [article] = read_all(fixture_path("dated_next_line.txt"))
    assert article.date == date(2024, 3, 5)
    assert article.text.startswith("China's foreign ministry said on Tuesday")


def test_dated_text_file_holds_one_article_per_date_line(fixture_path):
    articles = read_all(fixture_path("two_dated_articles.txt"))
    assert [a.date for a in articles] == [date(2025, 10, 20), date(2025, 10, 22)]
    assert articles[1].text.startswith("The talks in Vilnius were called off")
    assert [a.metadata["origin"]["line"] for a in articles] == [1, 3]


def test_dated_text_keeps_body_lines_that_start_with_the_word_date():
    text = ("date 2024-05-01 Officials agreed to set a new\ndate 12 days from now, and a\n"
            "date night was not discussed, they said.\n")
    [article] = read_all("-", stdin=io.StringIO(text))
    assert article.text == ("Officials agreed to set a new\ndate 12 days from now, and a\n"
                            "date night was not discussed, they said.")


def test_plain_text_takes_the_date_given_apart(fixture_path):
    [article] = read_all(fixture_path("plain.txt"), date=date(2025, 9, 1))
    assert article.date == date(2025, 9, 1)
    assert article.text.startswith("Kenya and Ethiopia signed an agreement on Monday")


def test_dateline_of_the_file_wins_over_the_date_given_apart(fixture_path):
    [article] = read_all(fixture_path("dated_next_line.txt"), date=date(2000, 1, 1))
    assert article.date == date(2024, 3, 5)


def test_jsonl_fields_and_extra_fields_as_metadata(fixture_path):
    first, second = read_all(fixture_path("feed.jsonl"))
    assert (first.id, first.date, first.title, first.source, first.url) == (
        "kx-101", date(2025, 10, 20), "Ministers to meet in Vilnius", "Baltic Wire",
        "https://example.org/kx-101",
    )
    assert first.metadata["lang"] == "en" and first.metadata["section"] == "Europe"
    assert second.date == date(2025, 10, 22)
    assert second.metadata["origin"] == {"path": fixture_path("feed.jsonl"), "line": 3}


def test_jsonl_reads_back_the_articles_of_extract_output():
    line = ('{"article": {"id": "x1", "date": "2024-03-04", "text": "Modi spoke with Xi.",'
            ' "metadata": {"captions": []}}, "events": []}\n')
    [article] = read_all("-", stdin=io.StringIO(line))
    assert (article.id, article.text) == ("x1", "Modi spoke with Xi.")


def test_csv_columns_multiline_fields_and_metadata(fixture_path):
    first, second = read_all(fixture_path("feed.csv"))
    assert (first.id, first.date, first.title, first.source) == (
        "ng-7", date(2025, 6, 2), "Lagos port deal", "West Africa Desk")
    assert first.metadata["section"] == "Business"
    assert second.title is None and second.url is None
    assert second.text == ("The agreement, the first of its kind between the two countries,\n"
                           "takes effect in July, officials said.")
    assert second.metadata["origin"]["line"] == 3


def test_csv_header_names_match_whatever_their_case():
    data = "ID, Date ,TEXT\n9,2025-01-02,Chile and Peru agreed to reopen the border crossing.\n"
    [article] = read_all("-", input_format="csv", stdin=io.StringIO(data))
    assert (article.id, article.date) == ("9", date(2025, 1, 2))


def test_html_title_body_date_and_page_fields(fixture_path):
    [article] = read_all(fixture_path("page.html"))
    assert article.title == "Jaishankar and Wang to Meet in Geneva"
    assert article.date == date(2024, 3, 4)
    assert article.source == "Example Times"
    assert article.url == "https://example.org/world/geneva-talks"
    assert article.text == (
        "Indian External Affairs Minister S. Jaishankar and Chinese Foreign Minister Wang Yi "
        "will meet in Geneva on Friday, two officials familiar with the plans said.\n\n"
        "The meeting would be the first between the two ministers since the border talks "
        "stalled last year.\n\n"
        "Officials said the agenda covered border patrols & direct flights.\n"
        "No date has been set for a summit."
    )


def test_html_captions_credits_and_headings_go_to_metadata(fixture_path):
    [article] = read_all(fixture_path("page.html"))
    assert article.metadata["captions"] == [
        "Wang Yi speaks to reporters in Beijing, March 1, 2024."]
    assert article.metadata["subheadings"] == ["Patrols and Flights"]
    credits = article.metadata["credits"]
    assert "By Priya Raman" in credits and "Photo: Reuters" in credits
    assert "© 2024 Example Times. All rights reserved." in credits
    assert ("This article is licensed under Creative Commons Attribution 4.0 International."
            in credits)
    assert not any("About us" in credit for credit in credits)


def test_html_drops_scripts_styles_navigation_and_asides(fixture_path):
    [article] = read_all(fixture_path("page.html"))
    for dropped in ("not text", "font-weight", "Subscribe", "Home", "Read more"):
        assert dropped not in article.text


def test_html_takes_time_datetime_when_no_meta_date():
    page = ("<html><body><article><time datetime='2023-11-30T09:00'>Thursday</time>"
            "<p>Egypt and Sudan held talks in Cairo on the Nile dam.</p></article></body></html>")
    [article] = read_all("-", stdin=io.StringIO(page))
    assert article.date == date(2023, 11, 30)


def test_html_without_a_date_takes_the_date_given_apart():
    page = "<html><body><p>Egypt and Sudan held talks in Cairo on the Nile dam.</p></body></html>"
    [article] = read_all("-", stdin=io.StringIO(page), date=date(2023, 12, 1))
    assert article.date == date(2023, 12, 1)


def test_html_declaring_another_charset_is_decoded_with_it(tmp_path):
    page = ('<html><head><meta charset="windows-1252"></head><body>'
            '<p>Talks in Zürich ended on Monday.</p></body></html>')
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1252"))
    [article] = read_all(str(path), date=date(2024, 1, 8))
    assert article.text == "Talks in Zürich ended on Monday."


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("feed.jsonl", "", InputFormat.JSONL),
        ("feed.ndjson", "", InputFormat.JSONL),
        ("feed.CSV", "", InputFormat.CSV),
        ("page.htm", "", InputFormat.HTML),
        ("a.txt", "date 2024-03-04 Text", InputFormat.DATED_TEXT),
        ("a.txt", "\n\ndate 2024-03-04\nText", InputFormat.DATED_TEXT),
        ("a.json", '[\n {"date": "2024-03-04"}]', InputFormat.JSONL),
        ("a.txt", '  {"date": "2024-03-04"}', InputFormat.JSONL),
        ("a.txt", "<!DOCTYPE html><html>", InputFormat.HTML),
        ("", "id,date,text\n1,2024-03-04,x", InputFormat.CSV),
        ("a.txt", "Dated material, text and more", InputFormat.TEXT),
        ("a.txt", "<3 was all the minister wrote", InputFormat.TEXT),
        ("notes", "The minister said on Monday", InputFormat.TEXT),
    ],
)
def test_auto_detects_format_by_extension_then_content(name, head, expected):
    assert detect_format(name, head) is expected


def test_explicit_input_format_overrides_detection(fixture_path):
    [article] = read_all(fixture_path("dated_same_line.txt"), input_format="text",
                         date=date(2020, 1, 1))
    assert article.date == date(2020, 1, 1)
    assert article.text.startswith("date 2024-03-04 Indian External Affairs Minister")


def test_format_names_are_listed_for_the_cli():
    assert INPUT_FORMATS == ("auto", "dated-text", "text", "jsonl", "csv", "html")


def test_unknown_input_format_is_refused_on_call():
    with pytest.raises(ValueError, match="use one of auto, dated-text"):
        read(["x.txt"], input_format="xml")


def test_directory_is_walked_in_sorted_order_skipping_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "c.txt").write_text("date 2024-01-03 Third article.\n")
    (tmp_path / "a.jsonl").write_text('{"date": "2024-01-01", "text": "First article."}\n')
    (tmp_path / "b" / "b.txt").write_text("date 2024-01-02 Second article.\n")
    (tmp_path / ".hidden.txt").write_text("date 2024-01-09 Hidden article.\n")
    (tmp_path / ".cache" / "x.txt").write_text("date 2024-01-09 Cached article.\n")
    texts = [article.text for article in read_all(str(tmp_path))]
    assert texts == ["First article.", "Second article.", "Third article."]


def test_directory_notes_files_it_does_not_read(tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-01-01 An article.\n")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7")
    notes: list[str] = []
    assert len(read_all(str(tmp_path), warn=notes.append)) == 1
    assert notes and "scan.pdf: skipped" in notes[0]


def test_stdin_is_read_for_a_dash_and_keeps_input_order(fixture_path):
    stdin = io.StringIO("date 2024-03-06 Read from standard input.\n")
    articles = read_all(fixture_path("dated_next_line.txt"), "-", fixture_path("feed.jsonl"),
                        stdin=stdin)
    assert [a.metadata["origin"]["path"] for a in articles] == [
        fixture_path("dated_next_line.txt"), "<stdin>",
        fixture_path("feed.jsonl"), fixture_path("feed.jsonl")]


def test_stdin_bytes_are_decoded_as_utf8():
    stdin = io.TextIOWrapper(io.BytesIO("date 2024-03-06 Talks in Zürich.\n".encode()))
    [article] = read_all("-", stdin=stdin)
    assert article.text == "Talks in Zürich."


def test_id_is_a_content_hash_when_the_input_gives_none(fixture_path, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_text(Path(fixture_path("dated_next_line.txt")).read_text())
    first, second = read_all(fixture_path("dated_next_line.txt"), str(copy))
    assert first.id == second.id == Article.make_id(first.date, first.text)


def test_same_text_on_another_date_gets_another_id():
    first = read_text("Chile and Peru reopened the border.", "2024-01-01")
    second = read_text("Chile and Peru reopened the border.", "2024-01-02")
    assert first.id != second.id


def test_read_text_builds_a_cleaned_article_with_fields():
    article = read_text(
        "Chile and Peru reopened the border on Monday.\n\nPhoto: Reuters", "2024-01-08",
        title="Border reopens", url="https://example.org/b", desk="Americas",
    )
    assert article.text == "Chile and Peru reopened the border on Monday."
    assert article.metadata["credits"] == ["Photo: Reuters"]
    assert article.metadata["desk"] == "Americas"
    assert (article.title, article.url, article.date) == (
        "Border reopens", "https://example.org/b", date(2024, 1, 8))


def test_read_text_refuses_a_malformed_date_clearly():
    with pytest.raises(InputError, match='the date is "08/01/2024", expected YYYY-MM-DD'):
        read_text("Chile and Peru reopened the border.", "08/01/2024")


def test_reading_does_not_load_the_nlp_model(fixture_path):
    from dateline import nlp

    calls_before = nlp.load.cache_info()
    read_all(fixture_path("dated_same_line.txt"))
    calls_after = nlp.load.cache_info()
    assert (calls_after.hits, calls_after.misses) == (calls_before.hits, calls_before.misses)


def test_utf8_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffdate 2024-03-04 Talks in Geneva.\n".encode())
    [article] = read_all(str(path))
    assert (article.date, article.text) == (date(2024, 3, 4), "Talks in Geneva.")


def test_utf16_with_byte_order_mark_is_decoded(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes("date 2024-03-04 Talks in Zürich.\r\n".encode("utf-16"))
    [article] = read_all(str(path))
    assert article.text == "Talks in Zürich."


def test_windows_line_endings_become_newlines(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"date 2024-03-04 First paragraph.\r\n\r\nSecond paragraph.\r\n")
    [article] = read_all(str(path))
    assert article.text == "First paragraph.\n\nSecond paragraph."


def test_html_body_comes_from_the_main_story_not_related_story_cards():
    page = """<html><body><main>
    <article><h2>Related</h2><p>Ghana and Togo sign a fishing pact.</p></article>
    <article><h1>Nile Talks Resume</h1>
      <p>Egypt and Sudan resumed talks on the Nile dam in Cairo on Sunday.</p>
      <p>The talks are expected to last three days, the foreign ministries said.</p>
    </article>
    <article><p>Chile and Peru reopen the border.</p></article>
    </main></body></html>"""
    [article] = read_all("-", stdin=io.StringIO(page), date=date(2025, 5, 4))
    assert article.title == "Nile Talks Resume"
    assert article.text == ("Egypt and Sudan resumed talks on the Nile dam in Cairo on Sunday.\n\n"
                            "The talks are expected to last three days, the foreign ministries "
                            "said.")


def test_html_unclosed_paragraphs_are_separate_paragraphs():
    page = ("<html><body><main><p>Egypt and Sudan met in Cairo.<p>No deal was reached."
            "</main><div>Cookie settings</div></body></html>")
    [article] = read_all("-", stdin=io.StringIO(page), date=date(2025, 5, 4))
    assert article.text == "Egypt and Sudan met in Cairo.\n\nNo deal was reached."


def test_clean_module_stays_reachable_by_its_dotted_name():
    import dateline.ingest
    import dateline.ingest.clean

    assert callable(dateline.ingest.clean.clean)
    assert callable(dateline.ingest.read) and callable(dateline.ingest.read_text)


_MARKUP = st.lists(
    st.sampled_from(["<p>", "</p>", "<article>", "</article>", "<figure>", "<figcaption>",
                     "</figure>", "<br>", "<script>", "</script>", "<h1>", "</h1>", "<meta ",
                     'property="article:published_time" content="2024-13-01">', "<time datetime=",
                     "date 2024-03-04 ", "{", '"date"', ",", "\n", "\n\n", "&amp;", "<"])
    | st.text(max_size=20),
    max_size=30,
).map("".join)


@given(_MARKUP, st.sampled_from(INPUT_FORMATS))
@settings(max_examples=300, deadline=None)
def test_any_input_gives_articles_or_input_errors_only(text, input_format):
    try:
        articles = read_all("-", input_format=input_format, date=date(2024, 3, 4),
                            stdin=io.StringIO(text))
    except InputError:
        return
    for article in articles:
        assert article.text.strip() and article.id


def test_html_without_closing_head_still_has_a_body():
    page = "<html><head><title>Nile talks</title><p>Egypt and Sudan met in Cairo on Sunday."
    [article] = read_all("-", stdin=io.StringIO(page), date=date(2025, 5, 4))
    assert article.title == "Nile talks"
    assert article.text == "Egypt and Sudan met in Cairo on Sunday."


def test_csv_with_semicolons_as_spreadsheets_export_it():
    data = ('id;date;text\n'
            '3;2025-01-02;"Chile and Peru agreed, after talks, to reopen the border."\n')
    [article] = read_all("-", input_format="csv", stdin=io.StringIO(data))
    assert article.text == "Chile and Peru agreed, after talks, to reopen the border."


def test_tab_separated_file_is_read_as_csv(tmp_path):
    path = tmp_path / "feed.tsv"
    path.write_text("date\ttext\n2025-01-02\tChile and Peru reopened the border.\n")
    [article] = read_all(str(path))
    assert article.date == date(2025, 1, 2)
