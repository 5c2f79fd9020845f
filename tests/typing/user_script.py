"""A script written the way the README shows docextract's API, as a user would.

``tests/typing/test_user_script.py`` checks it with ``mypy --strict`` from outside the
project (so ``docextract`` comes from the installed package) and runs it on a sample:
``python user_script.py LETTER.hwp`` prints the letter's title, deadline and D-day.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import docextract
from docextract import serialize
from docextract.errors import DocextractError
from docextract.model import Provenance
from docextract.records import OfficialLetter


def describe(path: Path) -> list[str]:
    lines: list[str] = []
    doc: docextract.Document = docextract.parse(path, limits={"max_pages": 50})
    with path.open("rb") as fh:  # a binary file object, or bytes, works as well
        assert docextract.parse(fh).text == docextract.parse(path.read_bytes()).text == doc.text
    lines.append(doc.text.splitlines()[0])
    markdown: str = doc.to_markdown()
    lines.append(f"{len(markdown.splitlines())} lines of Markdown")
    for table in doc.tables():
        grid: list[list[docextract.Cell | None]] = table.grid()
        lines.append(f"table {table.n_rows}x{table.n_cols}, {sum(c is not None for r in grid for c in r)} slots")
    for paragraph in doc.paragraphs(roles={docextract.Role.BODY}):
        prov: Provenance = paragraph.prov
        assert prov.span is None or doc.text[prov.span[0]:prov.span[1]] == paragraph.text

    record = docextract.extract(doc)
    if isinstance(record, OfficialLetter) and isinstance(record, docextract.OfficialLetter):
        lines.append(f"제목: {record.title}")
        lines.append(f"기한: {record.deadline or '-'}")
        for item in record.evidence.get("title", []):
            lines.append(f"  found at {item.path} {item.span[0]}-{item.span[1]}")
    lines.append(f"{len(record.to_dict(evidence=True)['_evidence'])} fields with evidence")

    classification: docextract.Classification = docextract.classify(doc)
    best: docextract.TypeScore = classification.scores[0]
    score: float = best.score
    if best.chosen and score >= best.threshold:
        lines.append(f"유형: {classification.chosen} ({score:.2f})")
    assert docextract.classify(path.read_bytes(), limits={"max_pages": 50}).chosen == classification.chosen

    summary: docextract.Summary = docextract.summarize(doc, today=date(2025, 7, 6))
    again = docextract.summarize(str(path), today=date(2025, 7, 6), sentences=2)
    assert again.deadline == summary.deadline
    if summary.d_day is not None:
        lines.append(f"D-day: {summary.d_day.label}")

    text: str = serialize.dump_json(doc, indent=2)
    assert serialize.load_document(text) == doc == docextract.Document.from_dict(doc.to_dict())
    note = docextract.Paragraph(text="메모", role=docextract.Role.COMMENT)
    lines.append(note.to_json())
    return lines


def main(argv: list[str]) -> int:
    try:
        for line in describe(Path(argv[0])):
            print(line)
    except DocextractError as exc:
        print(f"docextract: {exc}", file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
