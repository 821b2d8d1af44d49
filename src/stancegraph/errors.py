"""The library's exceptions. The library raises them; only the CLI prints and exits."""

from __future__ import annotations

from pathlib import Path


class StancegraphError(Exception):
    """Base class for every error stancegraph reports to its user."""


class ArticleError(StancegraphError):
    """An input file (or one record of it) cannot be read as an article."""

    def __init__(self, source: str | Path, problem: str) -> None:
        self.source = str(source)
        self.problem = problem
        super().__init__(f"{self.source}: {problem}")


class KnowledgeError(StancegraphError):
    """An actor or office-holder data file is malformed."""

    def __init__(self, source: str | Path, problem: str) -> None:
        self.source = str(source)
        self.problem = problem
        super().__init__(f"{self.source}: {problem}")


class InputError(StancegraphError):
    """A path given on the command line does not exist or holds no articles."""
