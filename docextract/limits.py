"""Safety limits, configurable in one place.

Defaults are generous for real government documents and tight enough that a hostile
file cannot exhaust memory or time. Override per call (``parse(path, limits=...)``),
with CLI flags, or with ``DOCEXTRACT_<FIELD>`` environment variables
(e.g. ``DOCEXTRACT_MAX_PAGES=50``).
"""

from __future__ import annotations

import dataclasses
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any

from .errors import ConfigurationError, LimitExceeded

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
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> "Limits":
        """Defaults, then ``DOCEXTRACT_*`` environment variables, then ``overrides``.

        Each limit has one name: the field (``timeout_seconds``), its variable
        (``DOCEXTRACT_TIMEOUT_SECONDS``). An unknown name in ``overrides``, or a
        ``DOCEXTRACT_MAX_*`` / ``DOCEXTRACT_TIMEOUT*`` variable that names no limit
        (``DOCEXTRACT_TIMEOUT``), is a :class:`ConfigurationError` naming the right one,
        as is a value that is not a number (zero or more).
        """
        env = os.environ if environ is None else environ
        fields = _env_fields(cls)
        values: dict[str, Any] = {}
        # one pass over the environment (each os.environ key is decoded as it is read);
        # the rest looks only at the few variables of docextract's namespace
        ours = [variable for variable in env if variable.startswith("DOCEXTRACT_")]
        if ours:
            for name, variable, is_float in fields:
                if variable not in ours:
                    continue
                raw = env[variable]
                try:
                    values[name] = float(raw) if is_float else int(raw)
                except ValueError:
                    raise ConfigurationError(f"{variable} must be a number, got {raw!r}",
                                             limit=name) from None
            _check_variable_names(ours, fields)
        for key, value in overrides.items():
            if value is None:
                continue
            if key not in cls.__dataclass_fields__:
                raise ConfigurationError(f"unknown limit {key!r}{_suggest(key, fields)}; the "
                                         f"limits are {', '.join(f[0] for f in fields)}",
                                         limit=key)
            values[key] = value
        for key, value in values.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0:
                raise ConfigurationError(f"limit {key} must be a number, zero or more, got "
                                         f"{value!r}", limit=key)
        if not values and cls is Limits:
            return _DEFAULT_LIMITS  # frozen, so one shared instance serves every call
        return cls(**values)

    @classmethod
    def resolve(cls, limits: "Limits | Mapping[str, Any] | None") -> "Limits":
        """Accept ``None`` (env + defaults), a mapping of overrides, or a ``Limits``."""
        if limits is None:
            return cls.from_env()
        if isinstance(limits, Limits):
            return limits
        if not isinstance(limits, Mapping):
            raise ConfigurationError("limits must be a Limits or a mapping of limit names to "
                                     f"numbers, not {type(limits).__name__}")
        return cls.from_env(**limits)


def _check_variable_names(env: Iterable[str], fields: tuple[tuple[str, str, bool], ...]) -> None:
    """A variable in the limits' namespace that names no limit is a mistake, not silence."""
    known = {variable for _, variable, _ in fields}
    for variable in env:
        if variable.startswith(_LIMIT_VARIABLE_PREFIXES) and variable not in known:
            name = variable[len("DOCEXTRACT_"):].lower()
            raise ConfigurationError(f"environment variable {variable} names no limit"
                                     f"{_suggest(name, fields, variables=True)}",
                                     limit=name)


_LIMIT_VARIABLE_PREFIXES = ("DOCEXTRACT_MAX_", "DOCEXTRACT_TIMEOUT")


def _suggest(name: str, fields: tuple[tuple[str, str, bool], ...], *,
             variables: bool = False) -> str:
    import difflib

    names = [f[0] for f in fields]
    close = [n for n in names if n.startswith(name + "_")] or difflib.get_close_matches(name, names, 1)
    if not close:
        return ""
    return f" (did you mean {'DOCEXTRACT_' + close[0].upper() if variables else close[0]}?)"


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


# the wall-clock alarm ----------------------------------------------------------------------

def _alarm(signum: int, frame: Any) -> None:
    raise LimitExceeded("document took longer than the time limit (timeout_seconds)",
                        limit="timeout_seconds")


def can_alarm() -> bool:
    """Whether :func:`time_limit` can arm its alarm here (POSIX, main thread)."""
    return hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()


def grace_seconds(timeout: float) -> float:
    """How long past its timeout a call may run before a hard stop ends it: long enough for
    the parsers' own checks to win when they run (their errors say where they stopped: the
    PDF sandbox names the page, a batch line names the format), short against the limit."""
    return min(30.0, max(2.0, timeout * 0.1))


def hard_stop(limits: Limits) -> AbstractContextManager[None]:
    """The wall-clock alarm around one call or one input's work: ``timeout_seconds`` plus
    :func:`grace_seconds`, through :func:`time_limit`."""
    return time_limit(limits.timeout_seconds + grace_seconds(limits.timeout_seconds))


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`LimitExceeded` in the body once ``seconds`` have passed.

    The parsers check :meth:`Budget.check_time` inside their loops; this alarm also stops
    time spent where no loop checks (a long C call returns, then the alarm raises). It
    is armed only in the main thread of a POSIX process and only when no interval timer
    runs already: an outer ``time_limit`` (the CLI's around ``extract``, which parses)
    keeps its own deadline, and a caller's own ``SIGALRM`` timer is never taken over.
    Elsewhere the parsers' own checks remain.
    """
    if not seconds or seconds <= 0 or not can_alarm() \
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
