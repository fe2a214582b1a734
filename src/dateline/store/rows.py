"""Conversions between the model dataclasses and the store's rows, both ways."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import object_session

from dateline.errors import StoreError
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
from dateline.store.dates import event_span
from dateline.store.schema import (
    ActorMentionRow,
    ActorRow,
    ArticleActorRow,
    ArticleRow,
    AttributionRow,
    Base,
    EventMentionRow,
    EventRow,
    ParticipantRow,
    QuoteRow,
    QuoteViaRow,
    TimexRow,
    name_key,
)

Row = dict[str, Any]


def check_storable(extraction: Extraction) -> None:
    """Refuse, naming the article, what the database would refuse half-way through a batch:
    repeated event or actor ids (primary keys) and metadata that is not JSON."""
    try:
        json.dumps(extraction.article.metadata)
    except (TypeError, ValueError) as error:
        raise StoreError(
            f"article {extraction.article.id}: metadata cannot be stored as JSON ({error}). "
            "Keep only strings, numbers, booleans, lists and dicts in Article.metadata"
        ) from error
    for what, ids in (
        ("event", [e.id for e in extraction.events]),
        ("actor", [a.id for a in extraction.actors]),
    ):
        repeated = sorted(i for i, n in Counter(ids).items() if n > 1)
        if repeated:
            raise StoreError(
                f"article {extraction.article.id}: {what} id {repeated[0]!r} appears "
                f"{ids.count(repeated[0])} times. Merge the mentions of one {what} into one "
                f"{what} before storing (ids must be unique within an article)"
            )


def _span_row(span: Span, **keys: Any) -> Row:
    return {**keys, "start_char": span.start, "end_char": span.end, "text": span.text}


def _code(value: str | None) -> str | None:
    """An ISO country code as stored: upper case, so filters compare it as it is (indexed)."""
    return value.strip().upper() if value else value


def _event_row(event: Event, article: Article, position: int) -> Row:
    span = event_span(event.date)
    event_date, event_date_end = span if span else (None, None)
    location = event.location
    return {
        "article_id": article.id, "id": event.id, "position": position,
        # Stored in their canonical case so filters compare plain columns (indexes apply).
        "type": event.type.upper(), "mode": event.mode, "cameo": event.cameo,
        "status": event.status.lower(),
        "confidence": event.confidence,
        "date_value": event.date.value if event.date else None,
        "date_text": event.date.text if event.date else None,
        "date_earliest": event.date.earliest if event.date else None,
        "date_latest": event.date.latest if event.date else None,
        "event_date": event_date, "event_date_end": event_date_end,
        "article_date": article.date,
        "timeline_date": event_date or article.date,
        "timeline_date_end": event_date_end or article.date,
        "location_name": location.name if location else None,
        "location_country": _code(location.country) if location else None,
        "location_lat": location.lat if location else None,
        "location_lon": location.lon if location else None,
    }


def extraction_rows(extractions: Iterable[Extraction]) -> dict[type[Base], list[Row]]:
    """Rows of every per-article table for ``extractions`` (the global ``actors`` table is
    merged separately, see ``merge_actor``)."""
    rows: dict[type[Base], list[Row]] = {}

    def put(table: type[Base], row: Row) -> None:
        rows.setdefault(table, []).append(row)

    for extraction in extractions:
        article = extraction.article
        a_id = article.id
        put(ArticleRow, {
            "id": a_id, "date": article.date, "title": article.title, "source": article.source,
            "url": article.url, "text": article.text, "metadata_": article.metadata,
        })
        for position, actor in enumerate(extraction.actors):
            put(ArticleActorRow, {
                "article_id": a_id, "actor_id": actor.id, "position": position,
                "name": actor.name, "kind": actor.kind, "country": actor.country,
                "sector": actor.sector, "roles": list(actor.roles), "known": actor.known,
            })
            for m_position, mention in enumerate(actor.mentions):
                put(ActorMentionRow, _span_row(
                    mention, article_id=a_id, actor_id=actor.id, position=m_position))
        for position, event in enumerate(extraction.events):
            put(EventRow, _event_row(event, article, position))
            keys = {"article_id": a_id, "event_id": event.id}
            for m_position, mention in enumerate(event.mentions):
                put(EventMentionRow, _span_row(mention, **keys, position=m_position))
            for p_position, participant in enumerate(event.participants):
                put(ParticipantRow, {
                    **keys, "position": p_position, "actor_id": participant.actor_id,
                    "name": participant.name, "name_key": name_key(participant.name),
                    "country": _code(participant.country),
                    "role": participant.role,
                })
            for s_position, source in enumerate(event.attribution):
                put(AttributionRow, {
                    **keys, "position": s_position, "name": source.name, "kind": source.kind,
                    "actor_id": source.actor_id,
                })
        for position, quote in enumerate(extraction.quotes):
            put(QuoteRow, {
                **_span_row(Span(quote.start, quote.end, quote.text),
                            article_id=a_id, position=position),
                "speaker_actor_id": quote.speaker.actor_id if quote.speaker else None,
                "speaker_name": quote.speaker.name if quote.speaker else None,
            })
            for v_position, relay in enumerate(quote.via):
                put(QuoteViaRow, {
                    "article_id": a_id, "quote_position": position, "position": v_position,
                    "actor_id": relay.actor_id, "name": relay.name,
                })
        for position, timex in enumerate(extraction.timexes):
            put(TimexRow, {
                **_span_row(Span(timex.start, timex.end, timex.text),
                            article_id=a_id, position=position),
                "type": timex.type, "value": timex.value, "earliest": timex.earliest,
                "latest": timex.latest, "mod": timex.mod, "anchor": timex.anchor,
            })
    return rows


@dataclass(slots=True)
class _CountryVotes:
    """Evidence for an actor's country: per country code, the articles that gave it and
    their mentions of the actor."""

    articles: Counter[str] = field(default_factory=Counter)
    mentions: Counter[str] = field(default_factory=Counter)

    def add(self, code: str, articles: int, mentions: int) -> None:
        self.articles[code] += articles
        # An actor an article names without a recorded mention still counts once.
        self.mentions[code] += max(1, mentions)

    def __add__(self, other: _CountryVotes) -> _CountryVotes:
        return _CountryVotes(self.articles + other.articles, self.mentions + other.mentions)

    def elected(self) -> str | None:
        """The country most articles give, then most mentions; a remaining tie goes to the
        first code alphabetically, so the answer does not depend on the order of arrival."""
        if not self.articles:
            return None
        return min(self.articles,
                   key=lambda code: (-self.articles[code], -self.mentions[code], code))


class CountryElection:
    """The vote on stored actors' countries during one write (one transaction).

    It holds, per actor, the votes of the articles being written and those of the articles
    stored before (read once, and only when a vote could change the actor's country). The
    stored votes are true only inside the transaction that read them: create one election
    where a write begins and pass it to every ``new_actor_row`` and ``merge_actor`` of it.
    """

    def __init__(self) -> None:
        self._written: dict[str, _CountryVotes] = {}
        self._stored: dict[str, _CountryVotes] = {}

    def vote(self, row: ActorRow, actor: Actor) -> None:
        """Count ``actor``'s country (one article's reading) for ``row``; re-elect."""
        code = _code(actor.country)
        if not code:
            return
        written = self._written.setdefault(row.id, _CountryVotes())
        written.add(code, 1, len(actor.mentions))
        # The row's country leads the votes counted so far: a vote for it keeps it ahead, so
        # only another country's vote needs the stored ones.
        if code != row.country:
            row.country = (self._stored_votes(row) + written).elected()

    def _stored_votes(self, row: ActorRow) -> _CountryVotes:
        votes = self._stored.get(row.id)
        if votes is not None:
            return votes
        votes = _CountryVotes()
        session = object_session(row)
        if session is not None and inspect(row).persistent:
            mentions = (
                select(func.count(ActorMentionRow.position))
                .where(ActorMentionRow.article_id == ArticleActorRow.article_id,
                       ActorMentionRow.actor_id == ArticleActorRow.actor_id)
                .scalar_subquery()
            )
            with session.no_autoflush:
                stored = session.execute(
                    select(ArticleActorRow.country, mentions)
                    .where(ArticleActorRow.actor_id == row.id,
                           ArticleActorRow.country.is_not(None))
                )
                for country, count in stored:
                    if code := _code(country):
                        votes.add(code, 1, count)
        self._stored[row.id] = votes
        return votes


def new_actor_row(actor: Actor, election: CountryElection) -> ActorRow:
    row = ActorRow(
        id=actor.id, name=actor.name, name_key=name_key(actor.name), kind=actor.kind,
        country=None, sector=actor.sector, roles=list(actor.roles), known=actor.known,
    )
    election.vote(row, actor)
    return row


def merge_actor(row: ActorRow, actor: Actor, election: CountryElection) -> None:
    """Fold another article's view of an actor into its global row: the first name, kind
    and sector seen are kept (gaps are filled), roles are the union in order seen, and the
    country is the one most articles gave (then most mentions; then the first code
    alphabetically), over every article stored: an article that reads a disputed place as
    another country's does not decide it for all, whatever the order of the articles.
    ``election`` is the country vote of the write in progress."""
    election.vote(row, actor)
    row.sector = row.sector or actor.sector
    new_roles = [role for role in actor.roles if role not in row.roles]
    if new_roles:
        # A new list, not an in-place append: the ORM notices reassignment only.
        row.roles = [*row.roles, *new_roles]
    if actor.known and not row.known:
        row.known = True


def _span(row: ActorMentionRow | EventMentionRow) -> Span:
    return Span(start=row.start_char, end=row.end_char, text=row.text)


def article_from_row(row: ArticleRow) -> Article:
    return Article(
        id=row.id, date=row.date, text=row.text, title=row.title, source=row.source,
        url=row.url, metadata=dict(row.metadata_ or {}),
    )


def event_from_row(
    row: EventRow,
    participants: Sequence[ParticipantRow] | None = None,
    attribution: Sequence[AttributionRow] | None = None,
    mentions: Sequence[EventMentionRow] | None = None,
) -> Event:
    """The model event of ``row``; its child rows are read from its relationships unless
    the caller loaded them already (in position order) and passes them."""
    date = None
    if row.date_value is not None:
        date = EventDate(
            value=row.date_value, text=row.date_text or "", earliest=row.date_earliest,
            latest=row.date_latest,
        )
    location = None
    if row.location_name is not None:
        location = Location(
            name=row.location_name, country=row.location_country, lat=row.location_lat,
            lon=row.location_lon,
        )
    return Event(
        id=row.id, type=row.type, mode=row.mode, cameo=row.cameo, status=row.status,
        date=date, location=location,
        participants=[
            Participant(actor_id=p.actor_id, name=p.name, country=p.country, role=p.role)
            for p in (row.participants if participants is None else participants)
        ],
        attribution=[
            Source(name=s.name, kind=s.kind, actor_id=s.actor_id)
            for s in (row.attribution if attribution is None else attribution)
        ],
        mentions=[_span(m) for m in (row.mentions if mentions is None else mentions)],
        confidence=row.confidence, article_id=row.article_id, article_date=row.article_date,
    )


def actor_from_row(row: ArticleActorRow) -> Actor:
    return Actor(
        id=row.actor_id, name=row.name, kind=row.kind, country=row.country, sector=row.sector,
        roles=list(row.roles or []), mentions=[_span(m) for m in row.mentions], known=row.known,
    )


def quote_from_row(row: QuoteRow) -> Quote:
    speaker = None
    if row.speaker_name is not None:
        speaker = ActorRef(actor_id=row.speaker_actor_id, name=row.speaker_name)
    return Quote(
        start=row.start_char, end=row.end_char, text=row.text, speaker=speaker,
        via=[ActorRef(actor_id=v.actor_id, name=v.name) for v in row.via],
    )


def timex_from_row(row: TimexRow) -> Timex:
    return Timex(
        start=row.start_char, end=row.end_char, text=row.text, type=row.type, value=row.value,
        earliest=row.earliest, latest=row.latest, mod=row.mod, anchor=row.anchor,
    )


def extraction_from_rows(
    article: ArticleRow,
    timexes: Sequence[TimexRow],
    actors: Sequence[ArticleActorRow],
    events: Sequence[EventRow],
    quotes: Sequence[QuoteRow],
) -> Extraction:
    return Extraction(
        article=article_from_row(article),
        timexes=[timex_from_row(t) for t in timexes],
        actors=[actor_from_row(a) for a in actors],
        events=[event_from_row(e) for e in events],
        quotes=[quote_from_row(q) for q in quotes],
    )
