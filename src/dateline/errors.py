"""Exception types whose messages name the input, the place in it and the fix."""

from __future__ import annotations


class DatelineError(Exception):
    """Base of every error Dateline raises on purpose; the CLI prints its message and exits 1."""


class InputError(DatelineError):
    """A problem with one input: names the file, the line (when there is one) and the fix."""

    def __init__(self, path: str, problem: str, fix: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        self.fix = fix
        where = f"line {line} of {path}" if line is not None else str(path)
        super().__init__(f"{where}: {problem}. {fix}")


class ModelNotInstalled(DatelineError):
    """No English spaCy model can be imported."""


class StoreError(DatelineError):
    """The store cannot be opened or written."""
