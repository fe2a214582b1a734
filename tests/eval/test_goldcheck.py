"""The gold check flags values that contradict their own words, and nothing a reader could
defend."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.errors import InputError
from dateline.eval.goldcheck import check, check_timexes
from dateline.model import Timex


def _reasons(text: str, kind: str, value: str) -> list[str]:
    timex = Timex(start=0, end=len(text), text=text, type=kind, value=value)
    return [reason for _, reason in check_timexes([timex])]


@pytest.mark.parametrize(("text", "kind", "value", "says"), [
    ("Wednesday", "DATE", "1999-02-09", "Tuesday"),
    ("9 a.m. EST Tuesday", "TIME", "2000-04-03T09:00", "Monday"),
    ("Sept. 27, 1989", "DATE", "1989-11-27", "month 09"),
    ("July last year", "DATE", "1997-06", "month 07"),
    ("March 3", "DATE", "1998-03-13", "day 3"),
    ("4 April", "DATE", "1998-04-14", "day 4"),
    ("1988", "DATE", "1998", "writes 1988"),
    ("six months", "DURATION", "P6D", "six month"),
    ("13 years", "DURATION", "P12Y", "13 year"),
    ("the past 20 minutes", "DURATION", "PT20H", "20 minute"),
    ("last week", "DURATION", "1998-08-04", "DURATION valued as a point"),
    ("daily", "DATE", "P1D", "DATE valued as a period"),
    ("this week", "DATE", "2000-W7", "not TIMEX3 syntax"),
    ("Friday", "DATE", "1998-02-30", "not a day of the calendar"),
])
def test_a_value_at_odds_with_its_words_is_flagged(text: str, kind: str, value: str,
                                                   says: str):
    reasons = _reasons(text, kind, value)
    assert len(reasons) == 1 and says in reasons[0]


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("Wednesday", "DATE", "1999-02-10"),
    ("Wednesday night", "TIME", "1999-02-10TNI"),
    ("Mondays", "SET", "XXXX-WXX-1"),  # a set names no one day
    ("Sept. 27, 1989", "DATE", "1989-09-27"),
    ("the last twenty four hours", "DURATION", "P1D"),  # the same length in other units
    ("the next three quarters", "DURATION", "P9M"),
    ("two to three weeks", "DURATION", "P2W"),  # a range: which end is a reader's call
    ("1530 GMT", "TIME", "1997-04-12T15:30"),  # a clock time, not a year
    ("fiscal 1988", "DATE", "1989"),  # fiscal years are named either way
    ("the 1990s", "DATE", "199"),
    ("1345 B.C.", "DATE", "BC1345"),
    ("the year to March 1998", "DATE", "FY1997"),
    ("a while", "DURATION", "PXX"),
    ("recently", "DATE", "PAST_REF"),
    ("5 p.m. EST, Nov. 6", "TIME", "1989-11-06T17"),
    ("the weekend", "DATE", "1998-W33-WE"),
    ("the second quarter", "DATE", "1989-Q2"),
    ("Tuesday", "DATE", "1998-08-11"),  # which Tuesday is a reader's call, not the check's
])
def test_a_defensible_value_passes(text: str, kind: str, value: str):
    assert _reasons(text, kind, value) == []


DOCUMENT = """<?xml version="1.0" ?>
<TimeML>
<DOCID>doc</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1999-02-10"
 functionInDocument="CREATION_TIME">1999-02-10</TIMEX3></DCT>
<TEXT>
Talks began <TIMEX3 tid="t1" type="DATE" value="1999-02-09">Wednesday</TIMEX3>.
They end <TIMEX3 tid="t2" type="DATE" value="1999-02-12">Friday</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_a_timeml_folder_is_checked_with_file_and_line(tmp_path: Path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "doc.tml").write_text(DOCUMENT, encoding="utf-8")
    problems = check(tmp_path)
    assert [(p.file, p.line, p.text) for p in problems] == [
        (str(Path("news") / "doc.tml"), 7, "Wednesday")]


def test_a_standoff_gold_is_checked_with_its_line(tmp_path: Path):
    (tmp_path / "doc.tml").write_text(DOCUMENT, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    # Offsets into the plain text of <TEXT>: "\nTalks began Wednesday."
    rows = [{"article": "doc.tml", "start": 13, "end": 22, "type": "DATE",
             "value": "1999-02-10"},
            {"article": "doc.tml", "start": 13, "end": 22, "type": "DATE",
             "value": "1999-02-11"}]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    problems = check(gold, tmp_path)
    assert [(p.line, p.text, p.value) for p in problems] == [(2, "Wednesday", "1999-02-11")]


def test_standoff_offsets_outside_the_article_name_the_line(tmp_path: Path):
    (tmp_path / "doc.tml").write_text(DOCUMENT, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"article": "doc.tml", "start": 13, "end": 9000, "type": "DATE", '
                    '"value": "1999"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"line 1 of .*gold\.jsonl.*--articles"):
        check(gold, tmp_path)


def test_the_command_lists_problems_and_exits_1(tmp_path: Path):
    (tmp_path / "doc.tml").write_text(DOCUMENT, encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "check-gold", str(tmp_path)])
    assert result.exit_code == 1
    assert "doc.tml:7: 'Wednesday' DATE 1999-02-09: 1999-02-09 is a Tuesday" in result.output
    assert "1 gold value(s) contradict their own words." in result.output


def test_the_command_passes_clean_gold(tmp_path: Path):
    (tmp_path / "doc.tml").write_text(DOCUMENT.replace("1999-02-09", "1999-02-10"),
                                      encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "check-gold", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "0 gold value(s)" in result.output


def test_the_command_wants_articles_for_a_standoff_file(tmp_path: Path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "check-gold", str(gold)])
    assert result.exit_code == 2 and "--articles" in result.output
