"""Bad input: each problem raises InputError naming the file, the line and the fix;
``skip_bad`` reports it and goes on."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.ingest import InputWarning, read
from dateline.nlp import MAX_CHARS


def read_all(*paths: str, **options):
    return list(read(list(paths), **options))


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def jsonl_line(**record) -> str:
    return json.dumps(record) + "\n"


GOOD = jsonl_line(date="2024-03-04", text="Chile and Peru reopened the border on Monday.")


def test_empty_file(tmp_path):
    path = write(tmp_path, "empty.txt", "  \n\n")
    with pytest.raises(InputError) as caught:
        read_all(path)
    assert str(caught.value) == f"{path}: is empty. Pass a file that contains articles."


def test_binary_file_with_nul_bytes(tmp_path):
    path = write(tmp_path, "data.txt", b"date 2024-03-04 \x00\x01\x02\x03")
    with pytest.raises(InputError, match="is not text: .*NUL byte at offset 16") as caught:
        read_all(path)
    assert "convert other documents to text" in caught.value.fix


def test_pdf_passed_by_mistake_is_named(tmp_path):
    path = write(tmp_path, "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    with pytest.raises(InputError, match="looks like a PDF document"):
        read_all(path)


def test_undecodable_bytes_give_offset_line_and_fix(tmp_path):
    data = "date 2024-03-04 Talks\nin Z\u00fcrich ended.\n".encode("latin-1")
    path = write(tmp_path, "latin.txt", data)
    with pytest.raises(InputError) as caught:
        read_all(path)
    error = caught.value
    assert error.line == 2
    assert "byte fc at byte offset 26" in error.problem
    assert error.fix.startswith("Re-encode the file as UTF-8")
    assert str(error).startswith(f"line 2 of {path}: is not UTF-8")


def test_jsonl_line_that_is_not_json(tmp_path):
    path = write(tmp_path, "feed.jsonl", GOOD + "{'date': '2024-03-04', 'text': 'x'}\n")
    with pytest.raises(InputError) as caught:
        read_all(path)
    assert caught.value.line == 2
    assert caught.value.problem.startswith("is not JSON (Expecting property name")
    assert "one JSON object per line" in caught.value.fix


def test_jsonl_line_that_is_not_an_object(tmp_path):
    path = write(tmp_path, "feed.jsonl", '["2024-03-04", "text"]\n')
    with pytest.raises(InputError, match="is a JSON list, expected an object"):
        read_all(path)


def test_pretty_printed_json_gets_the_jq_fix(tmp_path):
    path = write(tmp_path, "feed.jsonl", '[\n  {"date": "2024-03-04", "text": "x"}\n]\n')
    with pytest.raises(InputError, match=r"jq -c '\.\[\]'"):
        read_all(path)


def test_malformed_date_names_line_field_and_value(tmp_path):
    lines = GOOD * 11 + jsonl_line(date="20-10-2025", text="Talks in Vilnius were cancelled.")
    path = write(tmp_path, "feed.jsonl", lines)
    with pytest.raises(InputError) as caught:
        read_all(path)
    assert str(caught.value) == (
        f'line 12 of {path}: field "date" is "20-10-2025", expected YYYY-MM-DD. '
        "Write it as year-month-day: 2025-10-20."
    )


def test_missing_date(tmp_path):
    path = write(tmp_path, "feed.jsonl", jsonl_line(text="Talks in Vilnius were cancelled."))
    with pytest.raises(InputError, match='line 1 of .*: has no field "date"') as caught:
        read_all(path)
    assert "--date" in caught.value.fix


def test_missing_date_takes_the_date_given_apart(tmp_path):
    path = write(tmp_path, "feed.jsonl", jsonl_line(text="Talks in Vilnius were cancelled."))
    [article] = read_all(path, date=date(2025, 10, 22))
    assert article.date == date(2025, 10, 22)


def test_missing_text_lists_the_fields_present(tmp_path):
    path = write(tmp_path, "feed.jsonl", jsonl_line(date="2024-03-04", body="Talks."))
    with pytest.raises(InputError, match=r'has no field "text" \(its fields: date, body\)'):
        read_all(path)


def test_dated_text_with_malformed_date(tmp_path):
    path = write(tmp_path, "a.txt", "date 2024/03/04 Talks in Geneva.\n")
    with pytest.raises(InputError,
                       match=r'line 1 of .*: the date is "2024/03/04", expected YYYY-MM-DD'):
        read_all(path)


def test_malformed_date_of_a_later_article_in_dated_text(tmp_path):
    path = write(tmp_path, "a.txt", "date 2024-03-04 Talks in Geneva.\n"
                                    "date 25-03-2024 Talks in Bern.\n")
    with pytest.raises(InputError) as caught:
        read_all(path)
    assert caught.value.line == 2
    assert "Write it as year-month-day: 2024-03-25." in str(caught.value)


def test_dated_text_format_without_a_dateline(tmp_path):
    path = write(tmp_path, "a.txt", "Talks in Geneva.\n")
    with pytest.raises(InputError, match="does not start with a dateline"):
        read_all(path, input_format="dated-text")


def test_plain_text_without_a_date(tmp_path):
    path = write(tmp_path, "a.txt", "Talks in Geneva ended on Friday.\n")
    with pytest.raises(InputError, match="plain text carries no date") as caught:
        read_all(path)
    assert "--date YYYY-MM-DD" in caught.value.fix


def test_csv_missing_a_required_column(tmp_path):
    path = write(tmp_path, "feed.csv", "id,published,body\n1,2024-03-04,Talks.\n")
    with pytest.raises(InputError) as caught:
        read_all(path)
    assert str(caught.value).startswith(
        f'line 1 of {path}: has no "date" and "text" columns '
        '(its columns: "id", "published", "body")')
    assert "header row" in caught.value.fix


def test_csv_row_with_unquoted_comma(tmp_path):
    path = write(tmp_path, "feed.csv",
                 "date,text\n2024-03-04,Chile, Peru and Bolivia met on Monday.\n")
    with pytest.raises(InputError, match="line 2 of .*: has 3 fields but the header has 2"):
        read_all(path)


def test_html_page_without_paragraphs(tmp_path):
    path = write(tmp_path, "page.html",
                 "<html><body><nav><p>Home</p></nav><script>x()</script></body></html>")
    with pytest.raises(InputError, match="has no article text"):
        read_all(path, date=date(2024, 3, 4))


def test_html_page_with_malformed_date_and_no_date_given(tmp_path):
    path = write(tmp_path, "page.html",
                 '<html><head>\n<meta property="article:published_time" content="4 March">'
                 "</head><body><p>Talks in Geneva.</p></body></html>")
    with pytest.raises(InputError, match=r'line 2 of .*: the date of <meta article:published_t'):
        read_all(path)


def test_article_too_long_for_the_parser(tmp_path):
    # 20 MB of text, generated here: the parser's limit is far below it.
    paragraph = "The ministers met in Geneva on Friday and agreed to meet again soon. " * 14
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as out:
        out.write("date 2024-03-04 ")
        while out.tell() < 20 * 1024 * 1024:
            out.write(paragraph + "\n\n")
    with pytest.raises(InputError) as caught:
        read_all(str(path))
    error = caught.value
    assert error.line == 1
    assert f"over the limit of {MAX_CHARS:,} characters" in error.problem
    assert "(20.0 MB)" in error.problem
    assert error.fix.startswith(f"Split it into articles of at most {MAX_CHARS:,} characters")


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file or directory"):
        read_all(str(tmp_path / "nope.jsonl"))


def test_directory_without_input_files(tmp_path):
    write(tmp_path, "notes.md", "# notes")
    with pytest.raises(InputError, match="holds no input files"):
        read_all(str(tmp_path))


def test_bad_line_900_fails_the_read_before_it_ends(tmp_path):
    lines = [GOOD] * 1000
    lines[899] = "not json\n"
    path = write(tmp_path, "feed.jsonl", "".join(lines))
    with pytest.raises(InputError) as caught:
        read_all(path)
    assert caught.value.line == 900


def test_skip_bad_warns_and_goes_on_with_the_next_article(tmp_path):
    path = write(tmp_path, "feed.jsonl",
                 GOOD + "not json\n" + jsonl_line(date="2024-13-01", text="x") + GOOD)
    warnings: list[str] = []
    articles = read_all(path, skip_bad=True, warn=warnings.append)
    assert len(articles) == 2
    assert [w.split(":")[0] for w in warnings] == [f"line 2 of {path}", f"line 3 of {path}"]
    assert "not a day of the calendar" in warnings[1]


def test_skip_bad_goes_on_with_the_next_file(tmp_path):
    good = write(tmp_path, "a.jsonl", GOOD)
    empty = write(tmp_path, "b.txt", "")
    binary = write(tmp_path, "c.txt", b"\x00\x00")
    warnings: list[str] = []
    articles = read_all(good, empty, binary, good, skip_bad=True, warn=warnings.append)
    assert len(articles) == 2
    assert len(warnings) == 2 and warnings[0].startswith(f"{empty}: is empty")


def test_skip_bad_without_a_callback_issues_python_warnings(tmp_path):
    stdin = io.StringIO(GOOD + "not json\n")
    with pytest.warns(InputWarning, match="line 2 of <stdin>: is not JSON"):
        articles = read_all("-", skip_bad=True, stdin=stdin)
    assert len(articles) == 1


def test_error_carries_path_line_problem_and_fix(tmp_path):
    path = write(tmp_path, "feed.jsonl", GOOD + "{\n")
    with pytest.raises(InputError) as caught:
        read_all(path)
    error = caught.value
    assert (error.path, error.line) == (path, 2)
    assert error.problem and error.fix


def test_read_checked_returns_every_error_not_just_the_first(tmp_path):
    from dateline.ingest import read_checked

    path = write(tmp_path, "feed.jsonl", "oops\n" + GOOD + jsonl_line(text="x") + GOOD)
    missing = str(tmp_path / "missing.csv")
    articles, errors = read_checked([path, missing])
    assert len(articles) == 2
    assert [(error.path, error.line) for error in errors] == [
        (path, 1), (path, 3), (missing, None)]


def test_csv_with_a_header_and_no_rows(tmp_path):
    path = write(tmp_path, "feed.csv", "id,date,text\n\n")
    with pytest.raises(InputError, match="line 2 of .*: has a header row but no articles"):
        read_all(path)
