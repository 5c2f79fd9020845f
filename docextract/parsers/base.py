"""The parser interface and the per-call context handed to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from ..limits import Budget, Limits
from ..model import Document, Issue, Source


@dataclass
class ParseContext:
    """What a parser gets besides the bytes: source info, limits, password, warnings."""

    source: Source = field(default_factory=Source)
    limits: Limits = field(default_factory=Limits)
    password: str | None = None
    warnings: list[Issue] = field(default_factory=list)
    budget: Budget = field(init=False)

    def __post_init__(self) -> None:
        self.budget = Budget(self.limits)

    def warn(self, code: str, message: str, path: str | None = None) -> None:
        """Record a non-fatal problem on the resulting Document."""
        self.warnings.append(Issue(code=code, message=message, path=path))


class Parser:
    """Base class for format parsers.

    Subclasses set ``name`` (the registry key), ``formats`` (format names from
    :func:`docextract.formats.detect_format`, or their own), ``requires`` (importable
    module → pip requirement, checked before the parser is used) and implement
    :meth:`parse`. A plugin for a format the core does not know overrides
    :meth:`detect` so that content sniffing finds it.
    """

    name: ClassVar[str]
    formats: ClassVar[tuple[str, ...]]
    requires: ClassVar[dict[str, str]] = {}
    description: ClassVar[str] = ""

    @classmethod
    def detect(cls, data: bytes) -> bool:
        """True when ``data`` is this parser's format (only needed for non-built-in formats)."""
        return False

    def parse(self, data: bytes, ctx: ParseContext) -> Document:
        raise NotImplementedError
