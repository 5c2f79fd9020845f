"""Writers that render a :class:`samples.layout.Doc` as HWP 5.0, HWPX, DOCX or PDF bytes.

Each module exposes ``render(doc) -> bytes``; output is deterministic (fixed timestamps).
"""

FORMATS = ("hwp", "hwpx", "docx", "pdf")


def render(doc, fmt: str) -> bytes:
    """Bytes of ``doc`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "hwp":
        from .hwp import render as write
    elif fmt == "hwpx":
        from .hwpx import render as write
    elif fmt == "docx":
        from .docx import render as write
    elif fmt == "pdf":
        from .pdf import render as write
    else:
        raise ValueError(f"unknown sample format {fmt!r}")
    return write(doc)
