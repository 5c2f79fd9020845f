"""Progress of a batch on standard error: a live line on a terminal, nothing otherwise.

The line shows inputs done of the total, the rate, the time left and the failures so
far, redrawn at most a few times a second. Lines that must stay (one per failed input)
are printed above it. When standard error is not a terminal (a pipeline, a log file),
only those lines and the closing summary are written.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

REDRAW_EVERY = 0.2  # seconds


class Progress:
    def __init__(self, total: int, *, stream: TextIO | None = None,
                 live: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self.total = total
        self.done = 0
        self.failed = 0
        self.started = time.monotonic()
        self._drawn = 0.0
        self._shown = False

    def update(self, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        now = time.monotonic()
        if self.live and (now - self._drawn >= REDRAW_EVERY or self.done == self.total):
            self._drawn = now
            self._draw(self.line(now))

    def note(self, text: str) -> None:
        """Print a line that stays (above the live line, which is redrawn after it)."""
        if self._shown:
            self.stream.write("\r\033[K")
        self.stream.write(text + "\n")
        if self._shown:
            self.stream.write(self.line(time.monotonic()))
        self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        parts = [f"{self.done}/{self.total}"]
        if self.total:
            parts[0] += f" ({100 * self.done // self.total}%)"
        parts.append(f"{rate:.1f} files/s")
        if rate > 0 and self.done < self.total:
            parts.append(f"ETA {clock((self.total - self.done) / rate)}")
        parts.append(f"{self.failed} failed")
        return " · ".join(parts)

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._shown = False

    def _draw(self, text: str) -> None:
        self.stream.write("\r\033[K" + text)
        self.stream.flush()
        self._shown = True

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started


def clock(seconds: float) -> str:
    """``1:02:03`` or ``2:03``."""
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


__all__ = ["Progress", "clock"]
