"""PDF document information (/Info) into :class:`~docextract.model.Metadata`."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

from ...model import Metadata

_PDF_DATE = re.compile(
    r"^\s*(?:D:)?(?P<Y>\d{4})(?P<m>\d{2})?(?P<d>\d{2})?(?P<H>\d{2})?(?P<M>\d{2})?(?P<S>\d{2})?"
    r"(?:(?P<z>Z)|(?P<sign>[+\-])(?P<oh>\d{2})'?(?P<om>\d{2})?'?)?"
)


def parse_pdf_date(value: str | None) -> datetime | None:
    """A PDF date string (``D:YYYYMMDDHHmmSSOHH'mm'``, any tail optional) as a datetime.

    Returns ``None`` for empty or malformed values rather than failing the document:
    producers write all sorts of things here.
    """
    if not value:
        return None
    m = _PDF_DATE.match(value)
    if not m:
        return None
    try:
        year, month, day, hour, minute, second = (
            int(m.group(k) or default) for k, default in
            (("Y", 0), ("m", 1), ("d", 1), ("H", 0), ("M", 0), ("S", 0)))
        tz = None
        if m.group("z"):
            tz = timezone.utc
        elif m.group("sign"):
            offset = timedelta(hours=int(m.group("oh")), minutes=int(m.group("om") or 0))
            if offset >= timedelta(hours=24):
                return None
            tz = timezone(-offset if m.group("sign") == "-" else offset)
        return datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except (ValueError, OverflowError):
        return None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = value.replace("\x00", "").strip()
    return text or None


def read_metadata(info: dict[str, Any], page_count: int) -> Metadata:
    """Metadata from PDFium's /Info dictionary (keys Title, Author, CreationDate, …)."""
    extra = {key.lower(): v for key in ("Creator", "Producer") if (v := _clean(info.get(key)))}
    return Metadata(
        title=_clean(info.get("Title")),
        author=_clean(info.get("Author")),
        subject=_clean(info.get("Subject")),
        keywords=_clean(info.get("Keywords")),
        created=parse_pdf_date(_clean(info.get("CreationDate"))),
        modified=parse_pdf_date(_clean(info.get("ModDate"))),
        page_count=page_count,
        extra=extra,
    )


__all__ = ["parse_pdf_date", "read_metadata"]
