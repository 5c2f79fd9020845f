"""One self-contained HTML page: the summary beside the document text, every extracted
field highlighted where it was found.

Each evidence span becomes ``<mark data-field="deadline" title="deadline">`` around its
text in ``Document.text``; the summary sentences are marked as ``summary``. Spans may
overlap (a deadline inside a requested action inside the body), so they are split where
they cross and nested. Everything from the document is escaped, the page loads nothing
(a Content-Security-Policy forbids it) and it runs no script.
"""

from __future__ import annotations

import hashlib
import heapq
from html import escape
from typing import TYPE_CHECKING

from ..model import Document
from .key_lines import SHAPES
from .labels import LABELS, NONE, omitted_text, plain_lines
from .summary import Findings, Summary

if TYPE_CHECKING:
    from ..evidence import Evidence

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'"

# Which evidence fields the rows of a summary without key lines point to.
_PLAIN_ROW_FIELDS = {"title": ["title"], "date": ["date"], "source": ["issuer"]}

_STYLE = """
:root{font-family:"Noto Sans KR","Malgun Gothic","Apple SD Gothic Neo",sans-serif;color:#1d2430}
body{margin:0;background:#f4f5f7}
.page{display:grid;grid-template-columns:minmax(18rem,26rem) 1fr;gap:1rem;padding:1rem}
aside,main{background:#fff;border:1px solid #d8dce3;border-radius:6px;padding:1rem}
aside{align-self:start;position:sticky;top:1rem;max-height:calc(100vh - 4rem);overflow:auto}
h1{font-size:1.1rem;margin:0 0 .75rem} h2{font-size:.95rem;margin:0 0 .5rem;color:#4a5568}
dl{margin:0} dt{font-weight:700;margin-top:.6rem;color:#2b6cb0} dd{margin:.15rem 0 0 0}
dd ul,dd ol{margin:.1rem 0;padding-left:1.2rem}
.overdue{color:#c53030;font-weight:700} .due{color:#b7791f;font-weight:700}
.muted{color:#8a94a6} .warn{color:#975a16;font-size:.85rem}
pre.doc{white-space:pre-wrap;word-break:break-word;font:inherit;line-height:1.9;margin:0}
mark{border-radius:3px;padding:0 1px;background:var(--c);color:inherit;
     box-shadow:inset 0 -2px 0 rgba(0,0,0,.25)}
mark[data-label]::before{content:attr(data-label);font-size:.62rem;font-weight:700;
     vertical-align:super;margin-right:2px;color:#243b53;background:#fff8;border-radius:2px;padding:0 2px}
mark[data-field=body]{--c:#eef6ff;box-shadow:none} mark[data-field=summary]{--c:#fff3bf}
a{color:inherit}
"""


_FIXED_COLOURS = {"body", "summary"}  # styled in _STYLE: the body faint, summary sentences yellow


def _colour(field: str) -> str:
    hue = int(hashlib.sha1(field.split(".")[0].encode()).hexdigest()[:4], 16) % 360
    return f"hsl({hue} 85% 80%)"


def _spans(evidence: dict[str, list[Evidence]], summary: Summary,
           text_len: int) -> list[tuple[int, int, str, int]]:
    spans = []
    seq = 0
    for field, items in evidence.items():
        for item in items:
            a, b = item.span
            if 0 <= a < b <= text_len:
                spans.append((a, b, field, seq))
                seq += 1
    for sentence in summary.sentences:
        if sentence.span and 0 <= sentence.span[0] < sentence.span[1] <= text_len:
            spans.append((sentence.span[0], sentence.span[1], "summary", seq))
            seq += 1
    return spans


def nest_spans(spans: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int, bool]]:
    """Split crossing spans so that all pieces nest; ``True`` marks each span's first piece."""
    heap = [(a, -b, seq, field, True) for a, b, field, seq in spans]
    heapq.heapify(heap)
    pieces = []
    open_ends: list[int] = []
    while heap:
        a, neg_b, seq, field, first = heapq.heappop(heap)
        b = -neg_b
        while open_ends and open_ends[-1] <= a:
            open_ends.pop()
        if open_ends and open_ends[-1] < b:
            heapq.heappush(heap, (open_ends[-1], -b, seq, field, False))
            b = open_ends[-1]
        pieces.append((a, b, field, seq, first))
        open_ends.append(b)
    return pieces


def highlighted_text(text: str, spans: list[tuple[int, int, str, int]]) -> str:
    """``text`` escaped, with one ``<mark>`` per (nested) span piece."""
    out: list[str] = []
    pos = 0
    stack: list[int] = []
    used_ids: set[str] = set()
    for a, b, field, seq, first in nest_spans(spans):
        while stack and stack[-1] <= a:
            out.append(escape(text[pos:stack[-1]]) + "</mark>")
            pos = stack.pop()
        out.append(escape(text[pos:a]))
        pos = a
        attrs = f' data-field="{escape(field)}" title="{escape(field)}"'
        anchor = f"ev-{field}"
        if first and anchor not in used_ids:
            used_ids.add(anchor)
            attrs += f' id="{escape(anchor)}"'
        if first:
            attrs += f' data-label="{escape(field)}"'
        if field not in _FIXED_COLOURS:
            attrs += f' style="--c:{_colour(field)}"'
        out.append(f"<mark{attrs}>")
        stack.append(b)
    while stack:
        out.append(escape(text[pos:stack[-1]]) + "</mark>")
        pos = stack.pop()
    out.append(escape(text[pos:]))
    return "".join(out)


def _row(label: str, fields: list[str], values: list[str], evidence: dict[str, list[Evidence]],
         css: str = "", depths: list[int] | None = None, omitted: int = 0) -> str:
    target = next((f for f in fields if f in evidence), None)
    dt = (f'<dt><a href="#ev-{escape(target)}">{escape(label)}</a></dt>' if target
          else f"<dt>{escape(label)}</dt>")
    cls = f' class="{css}"' if css else ""
    if not values:
        return f'{dt}<dd class="muted">{NONE}</dd>'
    more = f'<p class="muted">{escape(omitted_text(omitted))}</p>' if omitted else ""
    if len(values) == 1:
        return f"{dt}<dd{cls}>{escape(values[0])}{more}</dd>"
    depths = depths or [0] * len(values)
    items = "".join(f'<li style="margin-left:{d}rem">{escape(v)}</li>' if d else f"<li>{escape(v)}</li>"
                    for v, d in zip(values, depths))
    return f"{dt}<dd{cls}><ul>{items}</ul>{more}</dd>"


def _panel(s: Summary, evidence: dict[str, list[Evidence]]) -> str:
    rows = [_row(k.label, k.fields + list(SHAPES[k.format].evidence), k.values, evidence,
                 k.emphasis or "", k.depths, k.omitted) for k in s.lines]
    if not s.lines:
        rows += [_row(label, _PLAIN_ROW_FIELDS[key], values, evidence)
                 for key, label, values in plain_lines(s)]
    sentences = "".join(f"<li>{escape(x.text)}</li>" for x in s.sentences)
    link = '<a href="#ev-summary">' if s.sentences and s.sentences[0].span else "<a>"
    rows.append(f"<dt>{link}{escape(LABELS['sentences'])}</a></dt>"
                f"<dd>{'<ol>' + sentences + '</ol>' if sentences else NONE}</dd>")
    warnings = "".join(f'<p class="warn">경고: {escape(w)}</p>' for w in s.warnings)
    footer = f'<p class="muted">tokenizer: {escape(s.tokenizer)} · today: {escape(s.today)}</p>'
    return "<dl>" + "".join(rows) + "</dl>" + warnings + footer


def render_html(summary: Summary, document: Document, record: Findings | None = None) -> str:
    """A complete HTML page (UTF-8, no external resources) for one summary; ``record``
    (what the summary was built from) gives the evidence to highlight."""
    evidence = record.evidence if record is not None else {}
    title = summary.title or summary.source or "docextract summary"
    body = highlighted_text(document.text, _spans(evidence, summary, len(document.text)))
    return (
        "<!DOCTYPE html>\n<html lang=\"ko\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        '<div class="page">'
        f'<aside id="summary"><h1>{escape(title)}</h1>{_panel(summary, evidence)}</aside>'
        f'<main><h2>{escape(summary.source or "")}</h2><pre class="doc">{body}</pre></main>'
        "</div></body></html>\n"
    )


__all__ = ["CSP", "highlighted_text", "nest_spans", "render_html"]
