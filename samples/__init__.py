"""The project's own sample documents: 공문 letters (and a press release and minutes) generated
from a format-neutral model, rendered identically as HWP, HWPX, DOCX and PDF, each letter with
the ``official_letter`` record it must yield. Regenerate with ``python -m samples.generate``.
"""
