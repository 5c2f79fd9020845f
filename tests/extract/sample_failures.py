"""Generated sample letters that do not yet extract to their expected record, by (letter,
format), with the reason. The expected records stay the truth of the printed letter; the tests
of these samples are marked ``xfail(strict=True)``, so the suite passes while the failure lasts
and fails (XPASS) the day the fix lands: then the entry goes.

Used by the extraction test (tests/extract/test_samples.py), the summary test
(tests/summarize/test_samples.py) and, for the PDF parser's entries, the PDF/DOCX twin test.
"""

from __future__ import annotations

import pytest

FORMATS = ("hwp", "hwpx", "docx", "pdf")

# (letter-09's PDF, whose footer cells cut its postcode, homepage and e-mail, extracts since
# the PDF parser joins a value a full cell cut: issue #11.)
# (notice-01's summary, which took its 공고번호 line for a sentence, reads it as a key line
# of the notice spec's summary section since the renderers read those sections: issue #14.)
KNOWN: dict[tuple[str, str], str] = {}


def xfail_marks(stem: str, fmt: str, *, only: str | None = None) -> list[pytest.MarkDecorator]:
    """The xfail mark of a known failure of ``stem`` in ``fmt`` (restricted to reason ``only``)."""
    reason = KNOWN.get((stem, fmt))
    if reason is None or (only is not None and reason != only):
        return []
    return [pytest.mark.xfail(strict=True, reason=reason)]


__all__ = ["KNOWN", "xfail_marks"]
