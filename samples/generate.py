"""Write the project's samples: ``python -m samples.generate`` (or ``make samples``).

* ``samples/{hwp,hwpx,docx,pdf}/letter-NN.*`` and ``samples/expected/letter-NN.official_letter.json``:
  the tuning set, seed 1, wording "A"; each letter pins a combination of layout options so that
  together they cover every option (see samples/README.md);
* ``samples/eval/{fmt}/letter-NN.*`` and ``samples/eval/expected/``: the held-out set, seed
  20261125, wording "B" (other agencies, titles and request phrasing), layouts drawn at random;
* ``samples/{fmt}/press-01.*`` and ``minutes-01.*``: a 보도자료 and a 회의록 for the summarizer.

Output is deterministic: the same code writes the same bytes.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from .layout import Doc, letter_doc
from .letters import SCENARIOS, Layout, LetterSpec, expected_record, random_letter
from .others import minutes_doc, press_doc
from .writers import FORMATS, render

ROOT = Path(__file__).resolve().parent
TRAIN_SEED = 1
EVAL_SEED = 20261125
EVAL_COUNT = 12

# letter number → (scenario, layout, pinned facts). Together they use every layout option.
TRAINING: list[tuple[str, Layout, dict]] = [
    # 01: the typical complete letter
    ("report", Layout(head_table=True, approval_table="grid", footer_table=True),
     dict(via=False, recipient_mode="refer", related=1, deadline_time="18:00", attachments=2, mark="전결",
          contact=True, reviewers=1, cooperators=0, receipt=False, slogan=False, homepage=True,
          email_upper=False, no_copies=False, disclosure="부분공개(6)", agency_kind="ministry",
          fax=True)),
    # 02: everything on plain lines, spaced labels, one recipient, 대결, receipt filled
    ("meeting", Layout(spaced_labels=True, approval_table="lines", phone_label="전화번호",
                       fax_label="팩스번호", phone_form="paren", star_initiator=True),
     dict(via=False, recipient_mode="one", related=0, deadline_time="17:00", attachments=2, mark="대결",
          contact=False, reviewers=2, cooperators=1, receipt=True, slogan=True, homepage=True,
          email_upper=True, no_copies=False, disclosure="비공개(1,5)", agency_kind="city")),
    # 03: amounts, colon labels, signer cells, digits-only phones
    ("grant", Layout(label_colon=True, approval_table="cells", phone_label="☎", fax_label="FAX",
                     phone_form="digits", spaced_issuer=True),
     dict(via=False, recipient_mode="refer", related=1, deadline_time=None, attachments=1, mark=None,
          contact=True, reviewers=1, cooperators=0, receipt=False, slogan=True, homepage=False,
          email_upper=False, no_copies=False, disclosure="대시민공개", agency_kind="city")),
    # 04: □/○ numbering, two references, 경유, no attachment (끝. after the body)
    ("inspection", Layout(numbering="box", approval_table="lines", footer_table=True,
                          spaced_sender=False),
     dict(recipient_mode="one", related=2, deadline_time="12:00", attachments=0, mark="전결",
          contact=False, reviewers=2, cooperators=1, receipt=False, slogan=False, homepage=True,
          via=True, email_upper=False, no_copies=False, disclosure="부분공개(5)",
          agency_kind="district")),
    # 05: school, relative deadline only, three attachments, spaced labels with colons
    ("training", Layout(spaced_labels=True, label_colon=True, head_table=True,
                        approval_table="grid", phone_label="Tel", fax_label="팩스"),
     dict(via=False, recipient_mode="refer", related=0, deadline_time=None, attachments=3, mark="대결",
          contact=True, reviewers=1, cooperators=1, receipt=True, slogan=True, homepage=False,
          email_upper=False, no_copies=False, disclosure="공개", agency_kind="school")),
    # 06: 내부결재 (no 발신명의, no recipients), information only, attachment without quantity
    ("notice", Layout(approval_table="cells", footer_table=False, star_initiator=True),
     dict(via=False, recipient_mode="internal", related=1, deadline_time=None, attachments=1, mark=None,
          contact=False, reviewers=1, cooperators=0, receipt=False, slogan=False, homepage=True,
          email_upper=False, no_copies=True, disclosure="대국민공개", agency_kind="ministry")),
    # 07: no reviewers, contact from the 결문, deadline without time, education office
    ("report", Layout(head_table=True, approval_table="lines", footer_table=True,
                      phone_form="paren", spaced_issuer=True),
     dict(via=False, recipient_mode="one", related=1, deadline_time=None, attachments=2, mark="전결",
          contact=False, reviewers=0, cooperators=0, receipt=False, slogan=False, homepage=True,
          email_upper=True, no_copies=False, disclosure="부분공개(6)", agency_kind="edu",
          fax=False)),
    # 08: meeting with □/○ items in tables, receipt filled, cooperators in a merged cell
    ("meeting", Layout(numbering="box", approval_table="grid", footer_table=True,
                       phone_label="전화", fax_label="전송", label_colon=True),
     dict(via=False, recipient_mode="refer", related=2, deadline_time="18:00", attachments=1, mark="대결",
          contact=True, reviewers=2, cooperators=1, receipt=True, slogan=True, homepage=True,
          email_upper=False, no_copies=False, disclosure="비공개(1,5)", agency_kind="ministry")),
]


@dataclass
class Sample:
    """One generated document: where it goes, its blocks and (for letters) its expected record."""

    folder: str          # "" for the tuning set, "eval" for the held-out set
    stem: str
    doc: Doc
    spec: LetterSpec | None = None


def training_specs() -> list[LetterSpec]:
    return [random_letter(random.Random(TRAIN_SEED * 1000 + i), "A", scenario=scenario,
                          layout=layout, overrides=facts)
            for i, (scenario, layout, facts) in enumerate(TRAINING, 1)]


def eval_specs() -> list[LetterSpec]:
    kinds = list(SCENARIOS)   # every body kind twice; layouts and facts drawn at random
    return [random_letter(random.Random(EVAL_SEED * 1000 + i), "B", scenario=kinds[(i - 1) % len(kinds)])
            for i in range(1, EVAL_COUNT + 1)]


def samples() -> list[Sample]:
    """Every sample document, in the order they are written."""
    out = [Sample("", f"letter-{i:02d}", letter_doc(s), s) for i, s in enumerate(training_specs(), 1)]
    out += [Sample("", "press-01", press_doc()), Sample("", "minutes-01", minutes_doc())]
    out += [Sample("eval", f"letter-{i:02d}", letter_doc(s), s) for i, s in enumerate(eval_specs(), 1)]
    return out


def expected_json(spec: LetterSpec) -> str:
    return expected_record(spec).to_json(indent=2) + "\n"


def write_all(root: Path = ROOT, formats: tuple[str, ...] = FORMATS) -> list[Path]:
    written = []
    for sample in samples():
        base = root / sample.folder if sample.folder else root
        for fmt in formats:
            path = base / fmt / f"{sample.stem}.{fmt}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(render(sample.doc, fmt))
            written.append(path)
        if sample.spec is not None:
            path = base / "expected" / f"{sample.stem}.official_letter.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(expected_json(sample.spec), encoding="utf-8")
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.generate", description=__doc__.split("\n")[0])
    parser.add_argument("--formats", default=",".join(FORMATS),
                        help="comma-separated subset of hwp,hwpx,docx,pdf")
    args = parser.parse_args(argv)
    formats = tuple(f for f in args.formats.split(",") if f)
    unknown = set(formats) - set(FORMATS)
    if unknown:
        parser.error(f"unknown formats: {', '.join(sorted(unknown))}")
    written = write_all(ROOT, formats)
    print(f"wrote {len(written)} files under {ROOT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
