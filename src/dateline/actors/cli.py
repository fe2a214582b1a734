"""The ``dateline kb`` commands: the knowledge base from the command line.

Add to the main command with ``main.add_command(kb)``.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import click

from dateline.actors.kb import KB_ENV


@click.group()
def kb() -> None:
    """The actor knowledge base: import people and offices, look names up.

    User additions live in the directory named by $DATELINE_KB (CSV or YAML files; see
    dateline/actors/data/README.md).
    """


@kb.command("import-wikidata")
@click.argument("dump", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_path", type=click.Path(dir_okay=False), default=None,
              help="YAML file to write (default: wikidata.yaml in $DATELINE_KB, else in the "
                   "current directory).")
def import_wikidata(dump: str, out_path: str | None) -> None:
    """Import people and the offices they held (P39 with P580/P582) from a Wikidata JSON
    dump into a user knowledge-base file.

    Example:

        dateline kb import-wikidata latest-people.json --out ~/.dateline/kb/wikidata.yaml
    """
    from dateline.actors.wikidata import import_dump

    if out_path is None:
        folder = os.environ.get(KB_ENV)
        out_path = str(Path(folder) / "wikidata.yaml") if folder else "wikidata.yaml"
    summary = import_dump(dump, out_path)
    click.echo(summary.render())
    if not os.environ.get(KB_ENV):
        click.echo(f"Set {KB_ENV} to the folder of {out_path} to use it.", err=True)


@kb.command("lookup")
@click.argument("name")
@click.option("--date", "on", default=None, help="Date for the roles held (YYYY-MM-DD).")
def lookup(name: str, on: str | None) -> None:
    """What the knowledge base knows about a name.

    Example:

        dateline kb lookup "Wang Yi" --date 2023-01-15
    """
    from dateline.actors.kb import load

    day = date.fromisoformat(on) if on else date.today()
    knowledge = load()
    entries = knowledge.lookup(name)
    if not entries:
        click.echo(f"{name!r} is not in the knowledge base")
        return
    for entry in entries:
        if entry.kind == "person":
            person = knowledge.people[entry.key]
            held = ", ".join(f"{o.title} ({o.country or 'international'})"
                             for o in person.offices_on(day)) or "no office"
            click.echo(f"person {person.name}: {held} on {day.isoformat()}")
        elif entry.kind == "organisation":
            org = knowledge.organisations[entry.key]
            click.echo(f"organisation {org.name}: {org.sector} {org.country or ''}".rstrip())
        else:
            country = knowledge.countries[entry.key]
            click.echo(f"{entry.kind} of {country.name} ({country.iso3})")
