"""The wall-clock limit around one document's work (:func:`docextract.limits.time_limit`).

The local batch engine adds a hard stop on top: it kills a worker that overruns even this.
"""

from __future__ import annotations

from ..limits import can_alarm, time_limit

__all__ = ["can_alarm", "time_limit"]
