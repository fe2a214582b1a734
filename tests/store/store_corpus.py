"""Extractions for the store tests, built in Python from sentences written for these tests.

``numbered_extraction(n)`` gives a different, fully populated and self-consistent document
for every n (every span's text is ``article.text[start:end]``), the same one every time, so
a test (or the crash-test subprocess) can rebuild exactly what should be stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateline.model import (
    Actor,
    ActorRef,
    Article,
    Event,
    EventDate,
    Extraction,
    Location,
    Participant,
    Quote,
    Source,
    Span,
    Timex,
)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    surname: str
    country: str
    role: str


PEOPLE = (
    Person("p-jaishankar", "S. Jaishankar", "Jaishankar", "IND", "External Affairs Minister"),
    Person("p-wang-yi", "Wang Yi", "Wang", "CHN", "Foreign Minister"),
    Person("p-blinken", "Antony Blinken", "Blinken", "USA", "Secretary of State"),
    Person("p-lavrov", "Sergei Lavrov", "Lavrov", "RUS", "Foreign Minister"),
    Person("p-baerbock", "Annalena Baerbock", "Baerbock", "DEU", "Foreign Minister"),
)
CITIES = (("Geneva", "CHE", 46.2, 6.14), ("Vienna", "AUT", 48.21, 16.37),
          ("Jakarta", "IDN", -6.2, 106.85))
AGENCIES = ("AFP", "Reuters", "AP")


def span_of(text: str, piece: str, after: int = 0) -> Span:
    start = text.index(piece, after)
    return Span(start, start + len(piece), piece)


def numbered_extraction(number: int) -> Extraction:
    """Article ``number``: a planned meeting next week, and every third one an accusation."""
    host = PEOPLE[number % len(PEOPLE)]
    guest = PEOPLE[(number + 1 + number // len(PEOPLE)) % len(PEOPLE)]
    if guest == host:
        guest = PEOPLE[(number + 1) % len(PEOPLE)]
    city, city_country, lat, lon = CITIES[number % len(CITIES)]
    agency = AGENCIES[number % len(AGENCIES)]
    published = date(2024, 1, 1) + timedelta(days=number % 366)
    text = (
        f"{host.role} {host.name} will meet {guest.name} in {city} next week, "
        f"{agency} reported. \"We expect a frank exchange,\" {host.surname} said."
    )
    if number % 3 == 0:
        text += f" Earlier, {guest.surname} accused the other side of stalling."
    article = Article(
        id=f"article-{number:05d}", date=published, text=text, title=f"Talks in {city}",
        source=agency, url=f"https://news.example/{number}",
        metadata={"captions": [], "credits": [], "subheadings": [], "origin": f"test:{number}"},
    )
    next_week = published + timedelta(days=7)
    iso = next_week.isocalendar()
    week_value = f"{iso.year}-W{iso.week:02d}"
    next_week_span = span_of(text, "next week")
    host_full = span_of(text, host.name)
    host_short = span_of(text, host.surname, host_full.end)
    guest_full = span_of(text, guest.name)
    actors = [
        Actor(id=host.id, name=host.name, kind="person", country=host.country, sector="GOV",
              roles=[host.role], mentions=[host_full, host_short], known=True),
        Actor(id=guest.id, name=guest.name, kind="person", country=guest.country,
              sector="GOV", roles=[guest.role], mentions=[guest_full], known=True),
        Actor(id=f"media-{agency.lower()}", name=agency, kind="organisation", country=None,
              sector="MED", mentions=[span_of(text, agency)]),
    ]
    events = [Event(
        id=f"{article.id}-e1", type="CONSULT", mode="visit", cameo="043", status="planned",
        date=EventDate(value=week_value, text="next week"),
        location=Location(name=city, country=city_country, lat=lat, lon=lon),
        participants=[
            Participant(host.id, host.name, host.country, "source"),
            Participant(guest.id, guest.name, guest.country, "target"),
        ],
        attribution=[Source(agency, "media", f"media-{agency.lower()}")],
        mentions=[span_of(text, "will meet")], confidence=0.875,
    )]
    if number % 3 == 0:
        guest_short = span_of(text, guest.surname, text.index("Earlier"))
        actors[1].mentions.append(guest_short)
        events.append(Event(
            id=f"{article.id}-e2", type="ACCUSE", mode=None, cameo="112", status="occurred",
            date=EventDate(value="PAST_REF", text="Earlier"),
            participants=[Participant(guest.id, guest.name, guest.country, "source")],
            mentions=[span_of(text, "accused")], confidence=0.5,
        ))
    quote = span_of(text, "We expect a frank exchange,")
    quotes = [Quote(quote.start, quote.end, quote.text, speaker=ActorRef(host.id, host.name),
                    via=[ActorRef(f"media-{agency.lower()}", agency)])]
    timexes = [Timex(next_week_span.start, next_week_span.end, "next week", "DATE", week_value,
                     earliest=(next_week - timedelta(days=next_week.weekday())).isoformat(),
                     anchor="dct")]
    return Extraction(article=article, timexes=timexes, actors=actors, events=events,
                      quotes=quotes)


def stored_form(extraction: Extraction) -> Extraction:
    """``extraction`` as the store gives it back: events carry their article id and date."""
    for event in extraction.events:
        event.article_id = extraction.article.id
        event.article_date = extraction.article.date
    return extraction
