"""Safety limits, configurable in one place.

Defaults are generous for real government documents and tight enough that a hostile
file cannot exhaust memory or time. Override per call (``parse(path, limits=...)``),
with CLI flags, or with ``DOCEXTRACT_<FIELD>`` environment variables
(e.g. ``DOCEXTRACT_MAX_PAGES=50``).
"""

from __future__ import annotations

import dataclasses
import os
import time
from dataclasses import dataclass, field
from typing import Any

from .errors import LimitExceeded

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Upper bounds applied while reading one document."""

    max_input_bytes: int = 512 * MiB
    max_decompressed_bytes: int = 1024 * MiB
    max_compression_ratio: int = 200
    max_zip_members: int = 10_000
    max_sections: int = 1_000
    max_xml_depth: int = 256
    max_records: int = 5_000_000
    max_nesting: int = 64
    max_pages: int = 5_000
    max_blocks: int = 2_000_000
    timeout_seconds: float = 300.0

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> "Limits":
        """Defaults, then ``DOCEXTRACT_*`` environment variables, then ``overrides``."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for name, variable, is_float in _env_fields(cls):
            if variable not in env:
                continue
            raw = env[variable]
            try:
                values[name] = float(raw) if is_float else int(raw)
            except ValueError:
                raise ValueError(f"{variable} must be a number, got {raw!r}")
        values.update({k: v for k, v in overrides.items() if v is not None})
        if not values and cls is Limits:
            return _DEFAULT_LIMITS  # frozen, so one shared instance serves every call
        return cls(**values)

    @classmethod
    def resolve(cls, limits: "Limits | dict[str, Any] | None") -> "Limits":
        """Accept ``None`` (env + defaults), a dict of overrides, or a ``Limits``."""
        if limits is None:
            return cls.from_env()
        if isinstance(limits, Limits):
            return limits
        return cls.from_env(**limits)


_DEFAULT_LIMITS = Limits()
_ENV_FIELDS: dict[type, tuple[tuple[str, str, bool], ...]] = {}


def _env_fields(cls: type) -> tuple[tuple[str, str, bool], ...]:
    """(field, environment variable, is a float) for each field of ``cls``, computed once."""
    fields = _ENV_FIELDS.get(cls)
    if fields is None:
        fields = _ENV_FIELDS[cls] = tuple(
            (f.name, "DOCEXTRACT_" + f.name.upper(), f.type in ("float", float))
            for f in dataclasses.fields(cls))
    return fields


@dataclass
class Budget:
    """Mutable per-document counters checked against ``Limits``."""

    limits: Limits = field(default_factory=Limits)
    started: float = field(default_factory=time.monotonic)
    decompressed: int = 0

    def add_decompressed(self, n: int, what: str = "data") -> None:
        self.decompressed += n
        if self.decompressed > self.limits.max_decompressed_bytes:
            raise LimitExceeded(
                f"{what} inflates past the {self.limits.max_decompressed_bytes:,}-byte limit "
                "(max_decompressed_bytes)",
                limit="max_decompressed_bytes",
            )

    def check_time(self) -> None:
        if time.monotonic() - self.started > self.limits.timeout_seconds:
            raise LimitExceeded(
                f"reading took longer than {self.limits.timeout_seconds:g} s (timeout_seconds)",
                limit="timeout_seconds",
            )

    def remaining_bytes(self) -> int:
        return max(0, self.limits.max_decompressed_bytes - self.decompressed)
