"""The files behind a list of paths: files as given, directories walked in sorted order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from dateline.errors import InputError
from dateline.ingest.formats import INPUT_EXTENSIONS


def expand(paths: Sequence[str], note: Callable[[str], None] | None = None) -> Iterator[str]:
    """Each path in order; a directory becomes its input files (extensions in
    INPUT_EXTENSIONS), sorted by path, hidden files and folders skipped. ``note`` hears of
    the other files a directory holds, which are skipped."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            yield from _walk(path, note)
        else:
            yield path


def _walk(directory: str, note: Callable[[str], None] | None) -> Iterator[str]:
    found: list[tuple[tuple[str, ...], str]] = []
    for root, folders, files in os.walk(directory):
        folders[:] = [folder for folder in folders if not folder.startswith(".")]
        relative = Path(root).relative_to(directory).parts
        for name in files:
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            if Path(name).suffix.lower() in INPUT_EXTENSIONS:
                found.append(((*relative, name), path))
            elif note is not None:
                note(f"{path}: skipped, not an input file (Dateline reads "
                     f"{', '.join(sorted(INPUT_EXTENSIONS))})")
    if not found:
        raise InputError(
            directory, "holds no input files",
            f"Put articles in files ending {', '.join(sorted(INPUT_EXTENSIONS))}.",
        )
    # Sorted on path parts, so "a.txt" < "b/c.txt" < "d.txt" as in a listing.
    for _, path in sorted(found):
        yield path
