"""TimeML written by ``to_timeml`` reads back to the same text and timexes."""

from __future__ import annotations

from datetime import date

from dateline.eval.timeml import parse_timeml
from dateline.timex import tag, to_timeml

DCT = date(2024, 3, 4)


def test_timeml_round_trip_keeps_text_offsets_and_values():
    text = "Talks <resumed> on Friday & will end next month."
    timexes = tag(text, DCT)
    document = to_timeml(text, timexes, DCT)
    read_text, read_dct, read_timexes = parse_timeml(document)
    assert read_text == text
    assert read_dct == DCT
    assert [(t.start, t.end, t.type, t.value) for t in read_timexes] == [
        (t.start, t.end, t.type, t.value) for t in timexes]


def test_timeml_numbers_tids_and_records_the_creation_time():
    document = to_timeml("It rained today.", tag("It rained today.", DCT), DCT)
    assert 'functionInDocument="CREATION_TIME"' in document
    assert '<TIMEX3 tid="t1" type="DATE" value="2024-03-04">today</TIMEX3>' in document
