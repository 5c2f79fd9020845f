"""Write the project's samples: ``python -m samples.generate`` (or ``make samples``).

* ``samples/{hwp,hwpx,docx,pdf}/letter-NN.*`` and ``samples/expected/letter-NN.official_letter.json``:
  the tuning set, seed 1, wording "A"; each letter pins a combination of layout options so that
  together they cover every option (see samples/README.md);
* ``samples/eval/{fmt}/letter-NN.*`` and ``samples/eval/expected/``: the held-out set, seed
  20261125, wording "B" (other agencies, titles and request phrasing), layouts drawn at random;
* ``samples/{fmt}/press-01.*``, ``minutes-01.*``, ``minutes-02.*``, ``notice-01.*`` and
  ``report-01.*``: a 보도자료, a 회의록, a 회의 개최 결과, a 공고 and a 보고서.

Output is deterministic: the same code writes the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from .layout import Doc, letter_doc
from .letters import SCENARIOS, Layout, LetterSpec, expected_record, masked_fields, random_letter
from .others import minutes_doc, notice_doc, press_doc, report_doc, results_doc
from .writers import FORMATS, render

ROOT = Path(__file__).resolve().parent
TRAIN_SEED = 1
EVAL_SEED = 20261125
EVAL_COUNT = 12
SEOUL_SLOGAN = '아이 키우기 좋은 도시, "탄생응원 서울 프로젝트"'

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
    # 09: the Seoul 결재문서 template: slogan, spaced office name (2 spaces) and 수신/제목 in one
    # head table; the whole 결문 one ruled table (결재란 cells side by side, the approver's date
    # cell above the name); 代 on a reviewer; 관련 with the organisation before the number;
    # footer cells too narrow for the postcode, address, homepage and e-mail (the PDF wraps them)
    ("notice", Layout(head_table=True, head_table_top=True, spaced_issuer=True, issuer_gap=2,
                      closing="seoul", narrow_footer=True),
     dict(agency="강남소방서", department="소방행정과", via=False, recipient_mode="internal",
          related=0, related_from=[("은평구", "공간계획과", True)], related_style="short_paren",
          deadline_time=None, attachments=2, mark=None, contact=False, reviewers=2,
          positions=dict(drafter="소방위", reviewers=["행정팀장", "소방행정과장"], approver="소방서장"),
          proxy_reviewer=0, cooperators=0, receipt=False, slogan=SEOUL_SLOGAN, homepage=True,
          email_upper=False, no_copies=False, disclosure="부분공개(6)", fax=True)),
    # 10: the Seoul template sent out: document code line, 발신명의 spaced with 4 spaces, the
    # 수신자 row in the 결문 table, a cooperator, 접수 filled, 대결 approver
    ("report", Layout(head_table=True, head_table_top=True, closing="seoul", sender_gap=4),
     dict(agency="중부수도사업소", department="행정지원과", via=False, recipient_mode="refer",
          related=1, deadline_time="18:00", attachments=2, mark="대결", contact=True, reviewers=1,
          positions=dict(reviewers=["요금팀장"]), cooperators=1, receipt=True, doc_code="plain",
          slogan=False, homepage=True, email_upper=False, no_copies=False, disclosure="공개",
          fax=True)),
    # 11: masked values (attachment title, a reviewer's name, phone and fax, the code line);
    # 결재란 of two rows with the approver's MM/DD a cell of its own in the names row; 수신자 as
    # the 수신 label; a position outside the lexicon (진압1대장)
    ("notice", Layout(approval_table="grid", approver_date="name_row", footer_table=True,
                      recipient_label="수신자", spaced_issuer=True),
     dict(agency="서대문소방서", department="현장대응단", via=False, recipient_mode="internal",
          related=1, deadline_time=None, attachments=2, mark=None, contact=False, reviewers=2,
          positions=dict(drafter="소방위", reviewers=["진압1대장", "행정팀장"]),
          masked_reviewer=1, masked_attachment=1, masked=("phone", "fax"), doc_code="masked",
          cooperators=0, receipt=False, slogan=SEOUL_SLOGAN, homepage=True, email_upper=False,
          no_copies=False, disclosure="부분공개(5)", fax=True)),
    # 12: 결재란 with the approver's date in a row of its own between position and name;
    # references of other organisations (본부 …, 市 … without a date); 따로붙임; positions
    # outside the lexicon (전산주무관, 기획1팀장) and 代 on a reviewer; spaced office name
    ("meeting", Layout(approval_table="grid", approver_date="own_cell", head_table=True,
                       spaced_issuer=True, issuer_gap=2),
     dict(agency="서울특별시감사위원회", department="감사담당관", via=False, recipient_mode="one",
          related=0, related_from=[("본부", "총무과", True), ("市", "현장대응단", False)],
          related_style="std", deadline_time="17:00", attachments=2, mark="전결", contact=True,
          reviewers=1, positions=dict(drafter="전산주무관", reviewers=["기획1팀장"]),
          proxy_reviewer=0, separate_list=True, cooperators=1, receipt=False, slogan=False,
          homepage=True, email_upper=False, no_copies=False, disclosure="부분공개(5)", fax=True)),
    # 13: the 결재 line printed straight after the last attachment, without 끝.
    ("notice", Layout(approval_table="lines", footer_table=True, signers_after_attachments=True),
     dict(agency="성동도로사업소", department="기전과", via=False, recipient_mode="internal",
          related=1, deadline_time=None, attachments=2, mark="전결", contact=False, reviewers=2,
          positions=dict(reviewers=["주무관", "기전1팀장"]),
          attachment_titles=["경관조명 유지보수 설계변경 내역서", "경관조명 유지보수 물량 추산부(현황)"],
          cooperators=0, receipt=False, slogan=False, homepage=True, email_upper=False,
          no_copies=False, disclosure="부분공개(5)", fax=True)),
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
    out += [Sample("", "press-01", press_doc()), Sample("", "minutes-01", minutes_doc()),
            Sample("", "minutes-02", results_doc()), Sample("", "notice-01", notice_doc()),
            Sample("", "report-01", report_doc())]
    out += [Sample("eval", f"letter-{i:02d}", letter_doc(s), s) for i, s in enumerate(eval_specs(), 1)]
    return out


def expected_json(spec: LetterSpec) -> str:
    """The expected record as committed; ``_masked`` lists the fields the publisher withheld
    (left empty in the record, named by its warnings), only on letters that have any."""
    data = expected_record(spec).to_dict()
    masked = masked_fields(spec)
    if masked:
        data["_masked"] = masked
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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
