"""The TempEval-3 timex scorer, on small TimeML documents of our own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.eval.timeml import (
    evaluate_dir,
    evaluate_standoff,
    parse_timeml,
    read_standoff,
    read_timeml,
    score,
)
from dateline.model import Timex

SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"

DOCUMENT = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-04T09:00" functionInDocument="CREATION_TIME">
March 4</TIMEX3></DCT>
<TEXT>The envoys met <TIMEX3 tid="t1" type="DATE" value="2024-03-01">Friday</TIMEX3> &amp; \
will meet <EVENT eid="e1">again</EVENT> <TIMEX3 tid="t2" type="DATE" value="2024-04">next \
month</TIMEX3>.</TEXT>
</TimeML>
"""


def timex(start: int, end: int, type_: str = "DATE", value: str = "2024-03-01") -> Timex:
    return Timex(start=start, end=end, text="", type=type_, value=value)


def test_read_gives_text_creation_date_and_gold_offsets():
    text, dct, gold = parse_timeml(DOCUMENT)
    assert dct == date(2024, 3, 4)
    assert text.startswith("The envoys met Friday & will meet again next month")
    assert [(text[g.start:g.end], g.type, g.value) for g in gold] == [
        ("Friday", "DATE", "2024-03-01"), ("next month", "DATE", "2024-04")]


def test_read_file_without_creation_time_names_the_fix(tmp_path: Path):
    path = tmp_path / "bad.tml"
    path.write_text("<TimeML><TEXT>Friday</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(InputError, match="bad.tml: no document creation time"):
        read_timeml(path)


def test_exact_match_counts_for_strict_and_relaxed():
    counts, mismatches = score([timex(0, 6)], [timex(0, 6)])
    assert (counts.strict, counts.relaxed, counts.value_correct) == (1, 1, 1)
    assert counts.strict_prf() == (1.0, 1.0, 1.0)
    assert mismatches == []


def test_overlap_counts_for_relaxed_only():
    counts, mismatches = score([timex(0, 14)], [timex(0, 6)])
    assert (counts.strict, counts.relaxed) == (0, 1)
    assert [m.kind for m in mismatches] == ["extent"]


def test_attribute_f1_is_over_relaxed_matches_divided_by_all():
    gold = [timex(0, 6), timex(10, 16, value="2024-04")]
    system = [timex(0, 6), timex(10, 16, value="2024-05"), timex(20, 25)]
    counts, mismatches = score(gold, system)
    assert counts.value_correct == 1
    # precision 1/3, recall 1/2
    assert counts.value_f1 == pytest.approx(0.4)
    assert counts.type_f1 == pytest.approx(0.8)
    assert sorted(m.kind for m in mismatches) == ["spurious", "value"]


def test_each_system_timex_matches_one_gold_at_most():
    counts, mismatches = score([timex(0, 6), timex(7, 12)], [timex(0, 12)])
    assert counts.relaxed == 1
    assert "missed" in [m.kind for m in mismatches]


def test_evaluate_dir_reports_per_sub_folder_and_lists_errors(tmp_path: Path):
    for corpus in ("NewsA", "NewsB"):
        (tmp_path / corpus).mkdir()
        (tmp_path / corpus / "doc.tml").write_text(DOCUMENT, encoding="utf-8")
    report = evaluate_dir(tmp_path, show_errors=True)
    figures = report.figures()
    assert set(figures) == {"NewsA", "NewsB", "overall"}
    assert figures["overall"]["gold"] == 4
    rendered = report.render()
    assert "value F1" in rendered and "NewsA" in rendered


def test_evaluate_dir_refuses_a_folder_without_timeml(tmp_path: Path):
    with pytest.raises(InputError, match="holds no .tml"):
        evaluate_dir(tmp_path)


def test_standoff_gold_reads_offsets_into_the_articles_own_text(tmp_path: Path):
    (tmp_path / "doc.tml").write_text(DOCUMENT, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"article": "doc.tml", "start": 15, "end": 21, "type": "DATE", '
                    '"value": "2024-03-01", "annotator": "1"}\n', encoding="utf-8")
    [(name, corpus, text, dct, timexes)] = read_standoff(gold, tmp_path)
    assert (name, corpus, dct) == ("doc.tml", "annotator 1", date(2024, 3, 4))
    # The article's own TIMEX3 tags are not the gold: only the offsets given are.
    assert [(t.text, t.value) for t in timexes] == [("Friday", "2024-03-01")]
    report = evaluate_standoff(gold, tmp_path)
    assert report.figures()["overall"]["gold"] == 1


def test_standoff_line_without_offsets_scores_an_article_with_no_timex(tmp_path: Path):
    (tmp_path / "doc.tml").write_text(DOCUMENT, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"article": "doc.tml", "annotator": "2"}\n', encoding="utf-8")
    [(_, corpus, _, _, timexes)] = read_standoff(gold, tmp_path)
    assert (corpus, timexes) == ("annotator 2", [])
    # Whatever the tagger finds there is spurious.
    assert evaluate_standoff(gold, tmp_path).figures()["overall"]["system"] > 0


def test_standoff_gold_with_a_bad_line_names_file_and_line(tmp_path: Path):
    (tmp_path / "doc.tml").write_text(DOCUMENT, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"article": "doc.tml", "start": 15, "end": 21, "type": "DATE", '
                    '"value": "x"}\n{"article": "doc.tml", "start": 3}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"line 2 of .*gold\.jsonl"):
        read_standoff(gold, tmp_path)


def test_standoff_offsets_beyond_the_article_say_which_folder_to_check(tmp_path: Path):
    (tmp_path / "doc.tml").write_text(DOCUMENT, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"article": "doc.tml", "start": 15, "end": 9000, "type": "DATE", '
                    '"value": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="--articles"):
        read_standoff(gold, tmp_path)


@pytest.mark.skipif(not (SHARED_DATA / "tbaq").is_dir(),
                    reason="../shared/data/tbaq (TimeBank and AQUAINT) is not beside the repo")
def test_tagger_scores_well_on_two_tbaq_files():
    from dateline.timex import tag

    files = sorted((SHARED_DATA / "tbaq" / "TimeBank").glob("*.tml"))[:2]
    total_gold = total_correct = 0
    for file in files:
        text, dct, gold = read_timeml(file)
        counts, _ = score(gold, tag(text, dct))
        total_gold += counts.gold
        total_correct += counts.relaxed
    assert total_gold and total_correct / total_gold >= 0.6
