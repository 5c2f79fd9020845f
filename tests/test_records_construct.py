"""``build(cls, values)`` is ``cls.model_validate(values)``: same fields, same JSON, same errors."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from docextract.evidence import Evidence
from docextract.records.construct import build
from docextract.records.official_letter import (Approver, Attachment, Contact, Disclosure,
                                                OfficialLetter, Person, Related)
from docextract.summaries.dday import DDay
from docextract.summaries.summary import Summary, SummarySentence

LETTER: dict[str, Any] = {
    "issuer": "서울특별시",
    "recipients": ["자치구청장", "서울특별시 교육감"],
    "via": None,
    "title": "2026년 디지털정책 추진계획 알림",
    "related": [{"number": "디지털정책과-1234", "date": "2026-03-02"}, {"number": None}],
    "deadline": "2026-04-10T18:00",
    "requested_actions": ["추진계획을 제출하여 주시기 바랍니다."],
    "attachments": [{"title": "추진계획", "copies": 1}, {"title": "참가신청서"}],
    "sender": "서울특별시장",
    "drafter": {"position": "주무관", "name": "김○○"},
    "reviewers": [{"position": "팀장", "name": "이○○"}],
    "approver": {"position": "과장", "name": "홍길동", "mark": "전결", "date": "2026-03-05"},
    "cooperators": [],
    "document_number": "디지털정책과-1234",
    "enforcement_date": "2026-03-05",
    "postal_code": "04524",
    "address": "서울특별시 중구 세종대로 110",
    "phone": "02-2133-1234",
    "fax": "02-2133-0000",
    "email": "hong@seoul.go.kr",
    "disclosure": {"level": "부분공개", "grounds": [5, 6]},
    "amounts": [1500000, 30000],
    "contacts": [{"department": "디지털정책과", "name": "김○○", "phone": "02-2133-1234"}],
    "body": "1. 관련: 디지털정책과-1234(2026. 3. 2.)\n2. 추진계획을 알려 드립니다.",
}

SUMMARY: dict[str, Any] = {
    "kind": "official_letter",
    "record_type": "official_letter",
    "source": "letter.hwp",
    "title": LETTER["title"],
    "requests": ["추진계획을 제출하여 주시기 바랍니다."],
    "deadline": "2026-04-10T18:00",
    "d_day": {"deadline": "2026-04-10T18:00", "today": "2026-04-05", "days_left": 5,
              "label": "D-5", "overdue": False},
    "today": "2026-04-05",
    "attachments": [{"title": "추진계획", "copies": 1}],
    "contacts": [{"department": "디지털정책과", "phone": "02-2133-1234"}],
    "disclosure": {"level": "공개"},
    "sentences": [{"text": "추진계획을 알려 드립니다.", "span": (10, 24), "score": 0.4121,
                   "cues": ["request"]},
                  {"text": "기한 내 제출.", "score": 0.1}],
    "tokenizer": "light",
    "warnings": [],
}

CASES: list[tuple[type, dict[str, Any]]] = [
    (OfficialLetter, LETTER),
    (OfficialLetter, {}),
    (OfficialLetter, {"title": "제목만", "amounts": []}),
    (Related, {"number": "총무과-88"}),
    (Attachment, {"title": "참가신청서", "copies": None}),
    (Person, {"name": "홍길동"}),
    (Approver, {"position": "국장", "name": "박○○", "mark": "대결"}),
    (Disclosure, {"level": "비공개"}),
    (Contact, {"email": "kim@korea.kr"}),
    (Summary, SUMMARY),
    (Summary, {"kind": "document", "record_type": "record", "today": "2026-04-05",
               "tokenizer": "kiwi", "date": "2026-01-02", "d_day": None}),
    (SummarySentence, {"text": "문장.", "span": None, "score": 0.0}),
    (DDay, {"deadline": "2026-04-01", "today": "2026-04-05", "days_left": -4,
            "label": "D+4", "overdue": True}),
    (Evidence, {"text": "제목", "path": "s0/b3", "span": (3, 5), "page": 1}),
]


def assert_same(built: Any, validated: Any) -> None:
    """Field by field, recursively, including which fields were set and value types."""
    assert type(built) is type(validated)
    if isinstance(validated, BaseModel):
        assert built.model_fields_set == validated.model_fields_set
        assert built.__pydantic_private__ == validated.__pydantic_private__
        for name in type(validated).model_fields:
            assert_same(getattr(built, name), getattr(validated, name))
    elif dataclasses.is_dataclass(validated):
        for f in dataclasses.fields(validated):
            assert_same(getattr(built, f.name), getattr(validated, f.name))
    elif isinstance(validated, (list, tuple)):
        assert len(built) == len(validated)
        for a, b in zip(built, validated):
            assert_same(a, b)
    else:
        assert built == validated


@pytest.mark.parametrize("cls,values", CASES, ids=lambda x: getattr(x, "__name__", ""))
def test_build_equals_model_validate(cls, values):
    given = copy.deepcopy(values)
    built = build(cls, given)
    validated = cls.model_validate(copy.deepcopy(values))
    assert given == values  # the caller's values are not changed
    assert_same(built, validated)
    assert built == validated
    assert built.model_dump_json() == validated.model_dump_json()
    assert built.model_dump() == validated.model_dump()


def test_exact_values_take_the_fast_path(monkeypatch):
    # the whole point: no validator runs when the values plainly fit
    def refuse(*args, **kwargs):
        raise AssertionError("model_validate was called")

    for cls, values in CASES:
        monkeypatch.setattr(cls, "model_validate", classmethod(refuse))
        build(cls, copy.deepcopy(values))
        monkeypatch.undo()


def test_built_lists_are_not_the_callers_lists():
    values = {"recipients": ["자치구청장"], "amounts": [1]}
    built = build(OfficialLetter, values)
    values["recipients"].append("추가")
    assert built.recipients == ["자치구청장"]
    assert build(OfficialLetter, {}).recipients is not build(OfficialLetter, {}).recipients


def test_each_built_record_has_its_own_evidence():
    a, b = build(OfficialLetter, {"title": "가"}), build(OfficialLetter, {"title": "나"})
    a.add_evidence("title", Evidence(text="가", path="s0/b0", span=(0, 1)))
    a.warnings.append("w")
    assert b.evidence == {} and b.warnings == []


def test_a_model_instance_is_kept_as_validation_keeps_it():
    drafter = Person(position="주무관", name="김○○")
    built = build(OfficialLetter, {"drafter": drafter})
    assert built.drafter is OfficialLetter.model_validate({"drafter": drafter}).drafter


# Values of the wrong type: validation decides, coercing or refusing exactly as it would.
COERCED: list[tuple[type, dict[str, Any]]] = [
    (Attachment, {"title": "추진계획", "copies": "2"}),               # str for int
    (DDay, {"deadline": "2026-04-01", "today": "2026-04-05", "days_left": "-4",
            "label": "D+4", "overdue": "true"}),
    (SummarySentence, {"text": "문장.", "span": [1, 4], "score": 1}),  # list for tuple, int for float
    (OfficialLetter, {"amounts": ["1500000", 3.0]}),
    (OfficialLetter, {"related": ({"number": "총무과-88"},)}),          # tuple for list
    (OfficialLetter, {"approver": Person(name="홍길동").model_dump()}),  # dict for nested model
    (OfficialLetter, {"disclosure": Disclosure(level="공개")}),
    (Summary, {**SUMMARY, "d_day": DDay(deadline="2026-04-10", today="2026-04-05",
                                       days_left=5, label="D-5", overdue=False)}),
    (Attachment, {"title": "추진계획", "copies": True}),              # bool is not an int here
]


@pytest.mark.parametrize("cls,values", COERCED, ids=lambda x: getattr(x, "__name__", ""))
def test_wrong_types_are_coerced_as_validation_coerces(cls, values):
    built = build(cls, copy.deepcopy(values))
    validated = cls.model_validate(copy.deepcopy(values))
    assert_same(built, validated)
    assert built.model_dump_json() == validated.model_dump_json()


REFUSED: list[tuple[type, dict[str, Any]]] = [
    (Attachment, {"title": "추진계획", "copies": "두 부"}),
    (Attachment, {"copies": 1}),                                      # missing required field
    (Attachment, {"title": "추진계획", "pages": 3}),                  # extra key
    (OfficialLetter, {"title": "제목", "subject": "제목"}),
    (OfficialLetter, {"drafter": {"name": "김○○", "rank": "7급"}}),  # extra key in a nested part
    (OfficialLetter, {"approver": {"name": "홍길동", "mark": "직결"}}),  # not an allowed mark
    (OfficialLetter, {"disclosure": {"grounds": [1]}}),              # nested required missing
    (OfficialLetter, {"disclosure": "공개"}),                         # str for a nested model
    (OfficialLetter, {"recipients": "자치구청장"}),                    # str for a list
    (OfficialLetter, {"amounts": [1, "일백"]}),
    (OfficialLetter, {1: "x"}),                                       # not a field name
    (Summary, {**SUMMARY, "kind": "memo"}),
    (Summary, {**SUMMARY, "d_day": {"deadline": "2026-04-10"}}),
    (SummarySentence, {"text": "문장.", "span": (1, 2, 3), "score": 0.5}),
    (DDay, {"deadline": "2026-04-01", "today": "2026-04-05", "days_left": 1.5,
            "label": "D+4", "overdue": False}),
]


@pytest.mark.parametrize("cls,values", REFUSED, ids=lambda x: getattr(x, "__name__", ""))
def test_invalid_values_raise_the_validation_error(cls, values):
    with pytest.raises(ValidationError) as expected:
        cls.model_validate(copy.deepcopy(values))
    with pytest.raises(ValidationError) as got:
        build(cls, copy.deepcopy(values))
    assert got.value.errors() == expected.value.errors()


class _Bounded(BaseModel):
    """A model with constraints beyond its annotation, which ``build`` must not skip."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=r"^\d{5}$")
    copies: int = Field(default=1, ge=1)
    tags: list[str] = Field(default_factory=list, max_length=2)


@pytest.mark.parametrize("values", [
    {"code": "04524"},
    {"code": "4524"},
    {"code": "04524", "copies": 0},
    {"code": "04524", "tags": ["a", "b", "c"]},
])
def test_field_constraints_are_enforced_as_validation_enforces_them(values):
    try:
        expected: Any = _Bounded.model_validate(values)
    except ValidationError as exc:
        with pytest.raises(ValidationError) as got:
            build(_Bounded, values)
        assert got.value.errors() == exc.errors()
    else:
        assert_same(build(_Bounded, values), expected)


class _Stripped(BaseModel):
    """A model whose settings change what validation produces."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str


def test_model_settings_apply_as_validation_applies_them():
    values = {"title": "  추진계획  "}
    assert_same(build(_Stripped, values), _Stripped.model_validate(values))
    assert build(_Stripped, values).title == "추진계획"
