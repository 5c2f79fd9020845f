"""Pure normalizers for the values printed in Korean government documents.

Each module has one job: :mod:`.text` (look-alike characters, glyph spacing),
:mod:`.dates`, :mod:`.times`, :mod:`.amounts`, :mod:`.phones`, :mod:`.docnums` and
:mod:`.disclosure`. Every function is pure: it takes strings (and context values such as
a default year) and returns values, never touching a Document.
"""

from __future__ import annotations

from .amounts import AmountMatch, find_amounts, hangul_number, parse_amount
from .dates import DateMatch, find_dates, parse_date, parse_month_day
from .disclosure import find_disclosure, parse_disclosure
from .docnums import DocNumber, find_document_numbers, parse_document_number
from .phones import PhoneMatch, area_code_for_address, area_code_of, find_phones, normalize_phone
from .text import collapse_glyph_spacing, collapse_ws, normalize_chars, printed_chars
from .times import TimeMatch, find_times, parse_time

__all__ = [
    "AmountMatch", "DateMatch", "DocNumber", "PhoneMatch", "TimeMatch",
    "area_code_for_address", "area_code_of", "collapse_glyph_spacing", "collapse_ws",
    "find_amounts", "find_dates", "find_disclosure", "find_document_numbers", "find_phones",
    "find_times", "hangul_number", "normalize_chars", "normalize_phone", "parse_amount",
    "parse_date", "parse_disclosure", "parse_document_number", "parse_month_day", "parse_time",
    "printed_chars",
]
