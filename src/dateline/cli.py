"""The ``dateline`` command: one sub-command per task, each with ``--help`` and an example.

The commands are thin: they parse options, call the same functions the Python API exposes
(``dateline.ingest.read``, ``dateline.pipeline.process``, ``dateline.Store``) and print.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import click

from dateline import __version__
from dateline.errors import DatelineError
from dateline.ingest.formats import INPUT_FORMATS
from dateline.model import Article, Extraction
from dateline.options import (
    db_option,
    event_filters,
    format_option,
    parse_date,
    store_filters,
    stored_db_option,
)
from dateline.output import EVENT_TABLE_COLUMNS, event_row, write_records


def _warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


def _read_articles(
    paths: Sequence[str], input_format: str, when: date | None, skip_bad: bool
) -> list[Article]:
    """All articles of all inputs, validated before anything is processed or stored."""
    from dateline.ingest import read

    return list(read(paths, input_format=input_format, date=when, skip_bad=skip_bad,
                     warn=_warn))


def _input_options(func: Any) -> Any:
    func = click.option("--skip-bad", is_flag=True,
                        help="Warn about a bad input line or file and go on with the rest.")(func)
    func = click.option("--date", "date_value", metavar="YYYY-MM-DD",
                        help="Article date for inputs that carry none (plain text).")(func)
    func = click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="auto",
                        show_default=True, help="How to read the inputs.")(func)
    func = click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
                        help="Processes to spread batches of articles over.")(func)
    return func


class _CleanErrors(click.Group):
    """Print DatelineError messages plainly (file, line, fix) instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DatelineError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)


@dataclass(frozen=True, slots=True)
class DeferredCommand:
    """A sub-command that lives beside the stage it serves and is imported only when it runs:
    ``kb`` imports the actor resolver and with it spaCy (over half a second), which
    ``dateline --help`` and every other command would otherwise pay on start."""

    module: str
    attribute: str
    #: The first sentence of the command's help: the line ``dateline --help`` lists for it
    #: (tests/test_cli.py checks that it matches the command's own).
    summary: str

    def load(self) -> click.Command:
        command = getattr(importlib.import_module(self.module), self.attribute)
        assert isinstance(command, click.Command), f"{self.module}.{self.attribute}"
        return command


DEFERRED_COMMANDS = {
    "kb": DeferredCommand(
        "dateline.actors.cli", "kb",
        "The actor knowledge base: import people and offices, look names up."),
    "upcoming": DeferredCommand(
        "dateline.link.commands", "upcoming",
        "Planned events ahead of a day, and plans whose date passed with no report that "
        "they happened."),
    "export": DeferredCommand(
        "dateline.link.commands", "export",
        "Linked events (each real event once, with its sources) as a file."),
}


class _MainGroup(_CleanErrors):
    """The ``dateline`` group: the commands defined here, plus ``DEFERRED_COMMANDS``,
    imported the first time they are looked up to run (never to list them in --help)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *DEFERRED_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in DEFERRED_COMMANDS:
            self.add_command(DEFERRED_COMMANDS[cmd_name].load(), cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # As click.Group.format_commands, but a command not imported yet shows its summary
        # (shortened the same way) instead of being imported for one line of help.
        listed = []
        for name in self.list_commands(ctx):
            command = self.commands.get(name) or click.Command(
                name, help=DEFERRED_COMMANDS[name].summary)
            if not command.hidden:
                listed.append((name, command))
        if not listed:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in listed)
        with formatter.section("Commands"):
            formatter.write_dl([(name, command.get_short_help_str(limit))
                                for name, command in listed])


@click.group(cls=_MainGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def main() -> None:
    """Dateline: dated news in, a checked and queryable record of events out.

    \b
    Quick start:
      dateline demo                                  # the bundled story, end to end
      dateline extract article.txt                   # one JSON document per article
      dateline ingest news/ --db sqlite:///news.db   # process and store
      dateline timeline --actor "Wang Yi"            # query the store
    """


# -- extraction ----------------------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_input_options
@click.option("--format", "fmt", type=click.Choice(("json", "jsonl")), default="jsonl",
              show_default=True, help="json: one indented document per article; "
                                      "jsonl: one line per article.")
def extract(paths: tuple[str, ...], input_format: str, date_value: str | None, skip_bad: bool,
            workers: int, fmt: str) -> None:
    """Process articles without storing them; print one JSON document per article.

    PATHS are files, directories or - for standard input. Output keeps input order.

    \b
    Example:
      printf 'date 2024-03-04 Modi spoke by phone with Xi on Sunday.' | dateline extract -
    """
    from dateline.pipeline import process

    articles = _read_articles(paths, input_format, parse_date(date_value), skip_bad)
    out = sys.stdout
    for batch in process(articles, workers=workers):
        for extraction in batch:
            document = extraction.to_dict()
            if fmt == "json":
                out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
            else:
                out.write(json.dumps(document, ensure_ascii=False) + "\n")


@main.command("timex")
@click.argument("path", default="-")
@click.option("--dct", required=True, metavar="YYYY-MM-DD",
              help="Document creation time: the date relative expressions are resolved against.")
@click.option("--format", "fmt", type=click.Choice(("jsonl", "json", "tml")), default="jsonl",
              show_default=True)
@click.option("--parse/--no-parse", default=True, show_default=True,
              help="Use the spaCy parse for tense (slower, better on weekdays and months).")
def timex_command(path: str, dct: str, fmt: str, parse: bool) -> None:
    """Temporal expressions only, with TIMEX3 values and offsets into the input as read.

    \b
    Example:
      echo "The ministers will meet on Friday." | dateline timex --dct 2024-03-04
    """
    from dateline import timex

    dct_date = parse_date(dct, "--dct")
    assert dct_date is not None
    # Bytes, not text mode: offsets must index the input exactly as read, "\r\n" included.
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise click.ClickException(f"{path}: cannot be read ({exc.strerror})") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise click.ClickException(
            f"line {line} of {path}: byte {exc.start} is not UTF-8. Re-encode the file as "
            "UTF-8, e.g. iconv -f latin1 -t utf-8") from exc
    doc = None
    if parse and text.strip():
        from dateline import nlp

        doc = nlp.parse(text)
    found = timex.tag(text, dct_date, doc)
    if fmt == "tml":
        click.echo(timex.to_timeml(text, found, dct_date), nl=False)
    elif fmt == "json":
        click.echo(json.dumps([t.to_dict() for t in found], ensure_ascii=False, indent=2))
    else:
        for t in found:
            click.echo(json.dumps(t.to_dict(), ensure_ascii=False))


# -- storing -------------------------------------------------------------------------------


def ingest_articles(
    articles: list[Article], db_url: str, workers: int = 1, show_progress: bool = False
) -> tuple[int, int, int]:
    """Process and store articles not yet in the store, one transaction per batch.

    Returns (articles added, events added, articles already stored). An interrupted run
    keeps every finished batch; running it again resumes where it stopped.
    """
    from dateline.pipeline import process
    from dateline.store import Store

    store = Store(db_url)
    try:
        known = store.known_article_ids(a.id for a in articles)
        todo = [a for a in articles if a.id not in known]
        # The same article twice in one input is processed once.
        seen: set[str] = set()
        todo = [a for a in todo if not (a.id in seen or seen.add(a.id))]  # type: ignore[func-returns-value]
        added = events = 0
        with _progress(len(todo), show_progress) as advance:
            for batch in process(todo, workers=workers):
                added += store.add(batch)
                events += sum(len(e.events) for e in batch)
                advance(len(batch))
        return added, events, len(articles) - len(todo)
    finally:
        store.close()


class _progress:
    """A rich progress bar on a terminal; silence elsewhere."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.enabled = total, enabled

    def __enter__(self) -> Any:
        if not self.enabled:
            return lambda n: None
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TimeRemainingColumn,
        )

        self._bar = Progress("[progress.description]{task.description}", BarColumn(),
                             MofNCompleteColumn(), TimeRemainingColumn(), transient=False)
        self._bar.start()
        task = self._bar.add_task("articles", total=self.total)
        return lambda n: self._bar.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self._bar.stop()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_input_options
@db_option
def ingest(paths: tuple[str, ...], input_format: str, date_value: str | None, skip_bad: bool,
           workers: int, db_url: str) -> None:
    """Process articles and store them. Articles already stored are skipped, so an
    interrupted run resumes where it stopped and the same article twice adds nothing.

    All inputs are read and checked before anything is stored: a bad line stops the run
    with its file, line and fix, and the store is left as it was (or use --skip-bad).

    \b
    Example:
      dateline ingest news/ feed.jsonl --db sqlite:///news.db --workers 2
    """
    articles = _read_articles(paths, input_format, parse_date(date_value), skip_bad)
    show = sys.stderr.isatty()
    try:
        added, events, skipped = ingest_articles(articles, db_url, workers, show)
    except KeyboardInterrupt:
        click.echo("interrupted: the batches finished so far are stored; run the same "
                   "command again to resume", err=True)
        sys.exit(130)
    click.echo(f"stored {added} new articles with {events} events"
               + (f"; {skipped} already stored" if skipped else ""), err=True)


# -- querying ------------------------------------------------------------------------------


def _query_events(db_url: str, fmt: str, title: str, **filters: Any) -> None:
    from dateline.store import Store

    with Store(db_url) as store:
        found = store.events(**store_filters(filters))
    write_records(found, fmt, sys.stdout, event_row, EVENT_TABLE_COLUMNS, title=title)


def _query_timeline(db_url: str, fmt: str, title: str, **filters: Any) -> None:
    from dateline.link.commands import query_records, write_record_list

    write_record_list(query_records(db_url, **filters), fmt, sys.stdout, title=title)


@main.command()
@event_filters
@stored_db_option
@format_option()
def events(db_url: str, fmt: str, **filters: Any) -> None:
    """Stored events, in the order they were reported.

    \b
    Example:
      dateline events --actor "Wang Yi" --type CONSULT --status planned --format json
    """
    _query_events(db_url, fmt, "Events", **filters)


@main.command()
@event_filters
@stored_db_option
@format_option()
def timeline(db_url: str, fmt: str, **filters: Any) -> None:
    """Each real event once, ordered by when it happens (its best date, not the date of an
    article), with how many articles report it and where sources disagree.

    \b
    Example:
      dateline timeline --country CHN --since 2025-11-01
    """
    _query_timeline(db_url, fmt, "Timeline", **filters)


@main.command()
@click.option("--unknown", is_flag=True,
              help="Only names the knowledge base does not know, most frequent first: "
                   "candidates to add to your own actor file (see DATELINE_KB).")
@click.option("--limit", type=click.IntRange(1), default=None)
@stored_db_option
@format_option()
def actors(unknown: bool, limit: int | None, db_url: str, fmt: str) -> None:
    """Actors in the store with how often they are mentioned and their roles.

    \b
    Example:
      dateline actors --unknown --limit 20
    """
    from dateline.store import Store

    with Store(db_url) as store:
        found = store.actors(known=False if unknown else None, limit=limit)

    def row(a: Any) -> dict[str, Any]:
        return {"name": a.name, "kind": a.kind, "country": a.country or "",
                "sector": a.sector or "", "roles": "; ".join(a.roles),
                "mentions": a.mention_count, "articles": a.article_count,
                "events": a.event_count, "known": a.known, "id": a.id}

    write_records(found, fmt, sys.stdout, row,
                  title="Unknown actors" if unknown else "Actors")


@main.command()
@click.argument("item_id")
@stored_db_option
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text",
              show_default=True)
def show(item_id: str, db_url: str, fmt: str) -> None:
    """One linked event (its status history, each report with its evidence) by record or
    event id, or one article (with what was read) by article id.

    \b
    Example:
      dateline show rec-3f2a9c0d1e2b
    """
    from dateline.link.commands import find_record, print_record
    from dateline.store import Store

    with Store(db_url) as store:
        record = find_record(store, item_id)
        if record is not None:
            print_record(store, record, fmt)
            return
        event = store.event(item_id)
        extraction = (
            store.extraction(event.article_id) if event and event.article_id
            else store.extraction(item_id)
        )
    if event is None and extraction is None:
        raise click.ClickException(
            f"no event or article with id {item_id!r} in {db_url}; "
            "list ids with: dateline events --format csv")
    if fmt == "json":
        document: dict[str, Any] = {"event": event.to_dict()} if event else {}
        if extraction is not None:
            document["article" if event else "extraction"] = (
                extraction.article.to_dict() if event else extraction.to_dict())
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    if event is not None and extraction is not None:
        _print_event(event, extraction)
    elif extraction is not None:
        _print_article(extraction)


def _print_event(event: Any, extraction: Extraction) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console()
    row = event_row(event)
    console.print(f"[bold]{event.type}[/bold] ({event.mode or '-'}, CAMEO {event.cameo}) "
                  f"- {event.status}")
    for label in ("date", "participants", "location", "says_who"):
        if row[label]:
            console.print(f"  {label.replace('_', ' ')}: {row[label]}")
    article = extraction.article
    console.print(f"  article: {article.id} ({article.date.isoformat()})"
                  + (f" {article.title}" if article.title else ""))
    console.print("  evidence:")
    for mention in event.mentions:
        start = max(0, mention.start - 120)
        end = min(len(article.text), mention.end + 120)
        snippet = Text("    ..." + article.text[start:mention.start].replace("\n", " "))
        snippet.append(article.text[mention.start:mention.end], style="bold reverse")
        snippet.append(article.text[mention.end:end].replace("\n", " ") + "...")
        console.print(snippet)


def _print_article(extraction: Extraction) -> None:
    article = extraction.article
    click.echo(f"{article.id}  {article.date.isoformat()}  {article.title or ''}".rstrip())
    click.echo(article.text)
    click.echo(f"\n{len(extraction.events)} events, {len(extraction.actors)} actors, "
               f"{len(extraction.timexes)} time expressions, {len(extraction.quotes)} quotes")
    write_records(extraction.events, "table", sys.stdout, event_row,
                  EVENT_TABLE_COLUMNS)


# -- web -----------------------------------------------------------------------------------


@main.command()
@stored_db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; the default serves this machine only.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes; more keep the slowest answers down under many "
                   "concurrent clients.")
def serve(db_url: str, host: str, port: int, workers: int) -> None:
    """The web UI (timeline, events, actors, articles, search, upcoming) and the REST API
    under /api (reference at /api/docs), over the store. Works offline.

    \b
    Example:
      dateline serve --db sqlite:///dateline-demo.db   # then open http://127.0.0.1:8000
    """
    from dateline.web import serve as serve_app

    serve_app(db_url, host=host, port=port, workers=workers)


# -- evaluation ----------------------------------------------------------------------------


@main.group("eval")
def eval_group() -> None:
    """Score Dateline's stages against labelled data."""


@eval_group.command("timex")
@click.argument("gold", type=click.Path(exists=True))
@click.option("--articles", type=click.Path(exists=True, file_okay=False),
              help="When GOLD is a JSON-lines file of gold offsets: the folder of TimeML "
                   "articles they annotate (their own TIMEX3 tags are ignored).")
@click.option("--errors", is_flag=True, help="List every mismatch: missed, spurious, wrong "
                                             "type, wrong value.")
@click.option("--parse/--no-parse", default=True, show_default=True,
              help="Give the tagger the spaCy parse of each document, as `dateline timex` "
                   "and `dateline ingest` do; --no-parse scores the pattern tagger alone, "
                   "about 25 times faster.")
def eval_timex(gold: str, articles: str | None, errors: bool, parse: bool) -> None:
    """TempEval-3 scores of the temporal tagger on a folder of TimeML files (or on gold
    offsets into articles kept elsewhere): strict and relaxed P/R/F1 of the extents, type
    F1 and value F1, overall and per sub-folder (or annotator).

    \b
    Examples:
      dateline eval timex ../shared/data/tbaq --errors
      dateline eval timex tests/data/timex_wire/gold.jsonl \\
          --articles ../shared/data/silver-sample
    """
    from dateline.eval.timeml import evaluate_dir, evaluate_standoff

    if Path(gold).is_dir():
        report = evaluate_dir(gold, show_errors=errors, with_parse=parse)
    elif articles is None:
        raise click.UsageError(f"{gold} is a file: give --articles, the folder of the TimeML "
                               "articles its offsets point into (or give a folder of TimeML).")
    else:
        report = evaluate_standoff(gold, articles, show_errors=errors, with_parse=parse)
    click.echo(report.render())


@eval_group.command("check-gold")
@click.argument("gold", type=click.Path(exists=True))
@click.option("--articles", type=click.Path(exists=True, file_okay=False),
              help="When GOLD is a JSON-lines file of gold offsets: the folder of TimeML "
                   "articles they annotate.")
def eval_check_gold(gold: str, articles: str | None) -> None:
    """List gold TIMEX3 values that contradict their own words: not TIMEX3 syntax, a type
    the value does not fit, a date on another weekday than the text names, another month,
    day or year than it writes, another length than it spells out. Exits 1 when there is
    any, so annotators can run it before scoring with their gold.

    \b
    Examples:
      dateline eval check-gold ../shared/data/tbaq
      dateline eval check-gold tests/data/timex_wire/gold.jsonl \\
          --articles ../shared/data/silver-sample
    """
    from dateline.eval.goldcheck import check

    if not Path(gold).is_dir() and articles is None:
        raise click.UsageError(f"{gold} is a file: give --articles, the folder of the TimeML "
                               "articles its offsets point into (or give a folder of TimeML).")
    problems = check(gold, articles)
    for problem in problems:
        click.echo(problem.render())
    click.echo(f"{len(problems)} gold value(s) contradict their own words.")
    if problems:
        raise SystemExit(1)


@eval_group.command("events")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--subset", type=click.Choice(("all", "odd", "even")), default="all",
              show_default=True, help="Score all items, or the odd or even ids only.")
@click.option("--misses", type=click.IntRange(0), default=0, show_default=True,
              help="List this many missed, spurious or mislabelled events.")
def eval_events(path: str, subset: str, misses: int) -> None:
    """Event type P/R/F1, status, date, mode and participant-country accuracy on labelled
    articles (JSONL; the format is in tests/data/README.md).

    \b
    Example:
      dateline eval events tests/data/events_gold.jsonl --misses 20
    """
    from dateline.eval.events import evaluate

    click.echo(evaluate(path, subset=subset).render(show_misses=misses))


@eval_group.command("actors")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--split", help="Score only the items of this split (e.g. dev, test, final).")
def eval_actors(path: str, split: str | None) -> None:
    """Actor resolution, country and sector accuracy on labelled mentions (JSONL; the format
    is documented in dateline/eval/actors.py).

    \b
    Example:
      dateline eval actors tests/data/actors_gold.jsonl
    """
    from dateline.eval.actors import evaluate

    click.echo(evaluate(path, split=split).render())


# -- demo ----------------------------------------------------------------------------------


def demo_paths() -> Iterator[Path]:
    folder = resources.files("dateline.data").joinpath("demo")
    return iter(sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt")))


@main.command()
@click.option("--db", "db_path", default="dateline-demo.db", show_default=True,
              help="SQLite file to create (replaced if it exists).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
def demo(db_path: str, workers: int) -> None:
    """Ingest the bundled sample story into a fresh SQLite file and print its timeline.

    The story (fictional, written for Dateline) follows two ministers over two weeks: a
    meeting announced and held, a phone call, a summit planned and postponed, a protest.
    """
    paths = [str(p) for p in demo_paths()]
    target = Path(db_path)
    # Build in a temporary file and move it in place: a fresh store, never half a demo.
    with tempfile.TemporaryDirectory(dir=target.parent.resolve()) as scratch:
        scratch_db = Path(scratch) / target.name
        url = f"sqlite:///{scratch_db}"
        articles = _read_articles(paths, "dated-text", None, skip_bad=False)
        added, events_count, _ = ingest_articles(articles, url, workers, sys.stderr.isatty())
        shutil.move(str(scratch_db), target)
        for suffix in ("-wal", "-shm"):
            leftover = Path(str(scratch_db) + suffix)
            if leftover.exists():
                leftover.unlink()
    click.echo(f"Stored {added} articles and {events_count} events in {target}.", err=True)
    _query_timeline(f"sqlite:///{target}", "table", "Timeline of the demo story")
    click.echo(f"\nExplore it: dateline events --db sqlite:///{target} --actor Wang "
               f"--format json", err=True)


def run() -> None:  # pragma: no cover - console entry for ``python -m dateline``
    main(prog_name=os.path.basename(sys.argv[0]) or "dateline")
