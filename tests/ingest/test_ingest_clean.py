"""Cleanup: captions, credits, licence lines and subheadings leave the body; story stays."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dateline.ingest.clean import clean, is_heading, is_licence, is_photo_credit, split_body
from dateline.model import Article


def cleaned(text: str, title: str | None = None) -> Article:
    return clean(Article(id="t", date=date(2025, 10, 21), text=text, title=title))


@pytest.fixture
def wire(fixture_path) -> Article:
    return cleaned(Path(fixture_path("cleanup_wire.txt")).read_text())


def test_wire_story_keeps_exactly_its_story_paragraphs(wire):
    assert wire.text == (
        "VILNIUS - Poland and Lithuania agreed on Tuesday to fly joint air patrols along their\n"
        "border with Belarus, the two defence ministries said in a statement.\n\n"
        "The patrols will start in November and be reviewed after six months, the statement "
        "said.\n\n"
        "Officials in Warsaw said the two sides had not yet agreed on rules for crossing into\n"
        "each other's airspace.\n"
        "A spokesman for the Lithuanian ministry declined to comment on the timetable.\n\n"
        "\"Our skies are one sky,\" Nowak told reporters after the signing."
    )


def test_wire_story_captions_in_order(wire):
    assert wire.metadata["captions"] == [
        "Polish Defence Minister Anna Nowak attends a news conference in Warsaw, Poland, "
        "October 14, 2025.",
        "Lithuanian soldiers stand guard near the border in Druskininkai on Monday.",
    ]


def test_wire_story_credits_byline_and_licence(wire):
    assert wire.metadata["credits"] == [
        "By Marta Kowal and Jonas Petraitis in Vilnius",
        "REUTERS/Piotr Zielinski/File Photo",
        "Photo: Reuters",
        "(AFP Photo / Jonas Vaitkus)",
        "(Reporting by Marta Kowal in Warsaw and Jonas Petraitis in Vilnius; "
        "Editing by Claire Dunn)",
        "© 2025 Example Newswire. All rights reserved.",
    ]


def test_wire_story_subheading_and_headline(wire):
    assert wire.metadata["subheadings"] == ["Talks Over Airspace Rules"]
    assert wire.title == "Poland and Lithuania Agree to Joint Air Patrols"


def test_headline_equal_to_the_given_title_is_dropped_not_duplicated():
    article = cleaned("Border Reopens After Talks\n\nChile reopened the border on Monday.\n\n"
                      "Trucks crossed within hours, officials said.",
                      title="Border reopens after talks")
    assert article.title == "Border reopens after talks"
    assert article.metadata["subheadings"] == []
    assert article.text.startswith("Chile reopened the border")


@pytest.mark.parametrize("credit", [
    "Photo: Reuters",
    "(AFP Photo / John Doe)",
    "(AP Photo/Evan Carter)",
    "Photograph: Li Wen/Getty Images",
    "Image credit: Ministry of External Affairs",
    "Image credit Ministry of External Affairs",
    "Photo by Sara Lind/Getty Images",
    "AFP via Getty Images",
    "REUTERS/Adnan Qureshi/File Photo",
    "EPA-EFE/HANDOUT",
])
def test_photo_credits_are_recognised(credit):
    assert is_photo_credit(credit)


@pytest.mark.parametrize("sentence", [
    "Photo opportunities were limited, officials said.",
    "Reuters reported that the talks had stalled.",
    "The images showed damage to the bridge, the ministry said.",
    "AP reported on Monday that the ministers would meet.",
    "Credit markets in Nairobi fell on Monday after the announcement.",
])
def test_story_sentences_are_not_credits(sentence):
    assert not is_photo_credit(sentence)
    assert not is_licence(sentence)


@pytest.mark.parametrize("line", [
    "© 2024 Example Times",
    "Copyright 2024 Example Times. All rights reserved.",
    "All rights reserved.",
    "This article is licensed under Creative Commons Attribution 4.0 International (CC BY 4.0).",
    "This article is republished from Example Review under a Creative Commons license.",
    "Licensed under CC BY-SA 4.0",
])
def test_licence_lines_are_recognised(line):
    assert is_licence(line)


@pytest.mark.parametrize("sentence", [
    "Copyright disputes between the two countries have dragged on for a decade.",
    "The plant is licensed under a 2019 agreement with the regional government.",
    "Ministers reserved the right to reply, the statement said.",
])
def test_story_sentences_about_rights_stay(sentence):
    assert not is_licence(sentence)
    assert cleaned(f"First paragraph of the story.\n\n{sentence}\n\nLast one.").text.count(
        sentence) == 1


def test_paragraph_ending_in_a_credit_keeps_a_long_story_paragraph():
    story = ("The ministers met for three hours in Geneva on Friday and agreed to resume border "
             "patrol talks next month, according to a statement issued by both ministries after "
             "the meeting, which diplomats described as frank but constructive. Further rounds "
             "are expected before the end of the year, and a summit of leaders could follow in "
             "the spring if the talks go well.")
    article = cleaned(f"{story} Photo: Reuters")
    assert article.text == story
    assert article.metadata["credits"] == ["Photo: Reuters"]
    assert article.metadata["captions"] == []


def test_short_story_paragraph_before_a_credit_line_block_stays_without_picture_words():
    text = ("The talks ended without agreement, a spokesman said.\n\nPhoto: Reuters\n\n"
            "Both sides will meet again in May.")
    article = cleaned(text)
    assert article.text == ("The talks ended without agreement, a spokesman said.\n\n"
                            "Both sides will meet again in May.")
    assert article.metadata["captions"] == []


def test_caption_label_paragraph_is_a_caption():
    text = ("FILE PHOTO: Kenyan President William Ruto gestures in Nairobi, May 3, 2024. "
            "REUTERS/Jane Mwangi\n\nKenya and Ethiopia signed a trade pact on Monday.")
    article = cleaned(text)
    assert article.text == "Kenya and Ethiopia signed a trade pact on Monday."
    assert article.metadata["captions"] == [
        "FILE PHOTO: Kenyan President William Ruto gestures in Nairobi, May 3, 2024."]
    assert article.metadata["credits"] == ["REUTERS/Jane Mwangi"]


def test_subheading_needs_paragraphs_on_both_sides():
    text = "Egypt and Sudan met in Cairo.\n\nTalks on the Dam\n\nNo deal was reached."
    assert cleaned(text).metadata["subheadings"] == ["Talks on the Dam"]
    last = cleaned("Egypt and Sudan met in Cairo.\n\nNo deal was reached.\n\nCairo Bureau")
    assert last.text.endswith("Cairo Bureau")


@pytest.mark.parametrize("line", [
    "Talks Over Airspace Rules",
    "WHAT HAPPENS NEXT",
    "Police detain dozens",
    "Why the Talks Matter for Farmers on Both Sides of the Border",
])
def test_headings_are_recognised(line):
    assert is_heading(line)


@pytest.mark.parametrize("line", [
    "The talks ended without agreement.",
    "The talks ended without agreement after the two sides failed to settle the patrol rules",
    "What happens next?",
    "Officials said:",
    "“The Door Remains Open”",
    "Modi met Xi in Delhi and the two men then spoke about trade, border patrols and flights",
])
def test_sentences_are_not_headings(line):
    assert not is_heading(line)


def test_reporting_by_state_media_is_a_sentence_not_a_credit():
    text = ("Egypt and Sudan met in Cairo.\n\nReporting by state media suggested the talks "
            "had stalled.\n\nNo deal was reached.")
    assert cleaned(text).text == text


def test_byline_like_sentence_stays():
    text = "Egypt and Sudan met in Cairo.\n\nBy Friday the two sides had agreed on nothing.\n\n"\
           "No deal was reached."
    assert cleaned(text).text == text


def test_hard_wrapped_article_without_blank_lines_is_unchanged():
    text = ("Indian External Affairs Minister S. Jaishankar and Chinese Foreign Minister\n"
            "Wang Yi will meet in Geneva on Friday, two officials familiar with the plans told\n"
            "AFP.\nPhotos of the venue were released on Sunday.")
    assert cleaned(text).text == text


def test_blank_line_runs_become_one_paragraph_break():
    text = "First paragraph of the story.\n \n\n\t\nSecond paragraph of the story."
    assert cleaned(text).text == "First paragraph of the story.\n\nSecond paragraph of the story."


def test_existing_metadata_lists_are_extended_not_replaced():
    article = clean(Article(id="t", date=date(2025, 1, 1), text="Story.\n\nPhoto: AFP",
                            metadata={"credits": ["By Ana Ruiz"], "desk": "World"}))
    assert article.metadata["credits"] == ["By Ana Ruiz", "Photo: AFP"]
    assert article.metadata["desk"] == "World"


def test_heading_below_the_headline_is_a_subheading_at_once():
    article = cleaned("Nile Talks Resume in Cairo\n\nThe Dam Question\n\nEgypt and Sudan met.")
    assert (article.title, article.metadata["subheadings"]) == (
        "Nile Talks Resume in Cairo", ["The Dam Question"])
    assert clean(article).text == article.text == "Egypt and Sudan met."


def test_clean_is_idempotent(wire):
    again = clean(wire)
    assert again.text == wire.text
    assert again.metadata == wire.metadata
    assert again.title == wire.title


def test_split_body_of_a_story_without_extras_moves_nothing():
    body, moved, heading = split_body("Chile and Peru reopened the border on Monday.")
    assert (body, heading) == ("Chile and Peru reopened the border on Monday.", None)
    assert moved.captions == moved.credits == moved.subheadings == []


def test_feature_story_keeps_every_story_sentence(fixture_path):
    original = Path(fixture_path("cleanup_feature.txt")).read_text()
    article = cleaned(original)
    for sentence in (
        "The talks, hosted by Egypt in Cairo, are expected to last three days.",
        "Photographs released by the Egyptian presidency showed the two delegations seated",
        "Reuters could not independently verify when they were taken.",
        "By the end of the week, both sides said, they hoped to agree",
        "Image is everything in these talks, one official said.",
        "Copyright law was not on the agenda, officials said.",
        "Top officials from both countries will attend the closing session on Tuesday.",
    ):
        assert sentence in article.text
    assert article.text.count("\n\n") == 6  # seven story paragraphs


def test_feature_story_moves_its_caption_credit_headings_and_licence(fixture_path):
    article = cleaned(Path(fixture_path("cleanup_feature.txt")).read_text())
    assert article.metadata["captions"] == [
        "Sudanese Foreign Minister Ali Osman waves as he arrives at Cairo airport on Saturday."]
    assert article.metadata["credits"] == [
        "Photograph: Mona Said/AFP via Getty Images",
        "This article is republished from Example Review under a Creative Commons license. "
        "Read the original article.",
    ]
    assert article.metadata["subheadings"] == ["What Is on the Table", "The Road to Cairo"]
    assert article.title is None


_PARAGRAPH = st.lists(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)
    | st.sampled_from(["\n", " ", ". ", "Photo: ", "© 2024", "(AFP Photo / Ana Ruiz)",
                       "Talks In Geneva", "By Ana Ruiz", "All rights reserved"]),
    max_size=6,
).map("".join)


@given(st.lists(_PARAGRAPH, max_size=8))
@example(["0", "©\n 0"])  # a licence line above an indented line, found by hypothesis
@settings(max_examples=200, deadline=None)
def test_cleanup_loses_no_text_and_is_stable(paragraphs):
    text = "\n\n".join(paragraphs)
    article = cleaned(text)
    kept = article.text + "".join(
        item for key in ("captions", "credits", "subheadings") for item in article.metadata[key]
    ) + (article.title or "")
    assert sorted("".join(kept.split())) == sorted("".join(text.split()))
    assert clean(article).text == article.text
