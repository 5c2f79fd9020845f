"""What redaction knows about Korean documents, as data: the rules, the labels that say
what a value is, bank account formats, official e-mail domains and the words that are
never a person's name.

Labels are matched with optional spaces between their letters (``성 명``) and
case-insensitively for Latin ones (``E-mail``).
"""

from __future__ import annotations

RULES: dict[str, str] = {
    "rrn": "주민등록번호 (check digit and birth date; without check digit only beside a label)",
    "arn": "외국인등록번호 (same rules as 주민등록번호)",
    "passport": "여권번호 (M12345678, M123A4567)",
    "driver_license": "운전면허번호 (11-24-123456-78, 서울 24-123456-78)",
    "business_no": "사업자등록번호 (check digit)",
    "corporation_no": "법인등록번호 (check digit)",
    "card": "payment card numbers (Luhn)",
    "account": "bank account numbers (bank name and format, or a 계좌 label)",
    "phone": "telephone and mobile numbers",
    "email": "e-mail addresses",
    "address": "도로명/지번 addresses beside an address label",
    "name": "personal names beside a name label or under a name column",
    "property": "document properties naming people or organisations (author, company)",
}
ALL_RULES = tuple(RULES)

# Label → rule. A value right after one of these on the same line, or in the cell beside
# or under a cell holding only the label, is taken for that kind of value.
LABELS: dict[str, tuple[str, ...]] = {
    "rrn": ("주민등록번호", "주민번호", "주민등록", "생년월일및주민번호"),
    "arn": ("외국인등록번호", "외국인번호", "거소신고번호"),
    "passport": ("여권번호", "여권"),
    "driver_license": ("운전면허번호", "면허번호", "운전면허"),
    "business_no": ("사업자등록번호", "사업자번호"),
    "corporation_no": ("법인등록번호", "법인번호"),
    "card": ("카드번호", "신용카드번호", "체크카드번호"),
    "account": ("계좌번호", "입금계좌", "환급계좌", "계좌", "예금계좌"),
    "phone": ("휴대전화번호", "휴대전화", "휴대폰번호", "휴대폰", "핸드폰", "전화번호", "연락처",
              "자택전화", "전화", "전송", "팩스", "FAX", "Tel", "HP", "H.P", "Mobile", "☎"),
    "email": ("전자우편주소", "전자우편", "이메일주소", "이메일", "E-mail", "Email", "메일"),
    "address": ("주소", "현주소", "주소지", "거주지", "실거주지", "자택주소", "등록기준지", "본적"),
    "name": ("성명", "이름", "담당자", "책임자", "신청인", "신청자", "대표자", "대리인", "법정대리인",
             "예금주", "보호자", "민원인", "작성자", "Name"),
}
# Other labels of forms and lists: a cell holding one of them is a label, not a value,
# which tells label rows and columns from value ones.
FORM_LABELS = ("구분", "비고", "소속", "부서", "부서명", "직위", "직급", "직책", "성별", "나이", "연령",
               "생년월일", "국적", "직업", "학교", "학년", "번호", "일자", "날짜", "기간", "금액", "용도",
               "업체명", "상호", "기관명", "회사명", "소재지", "제출처", "과목", "점수", "순번", "연번",
               "분야", "자격", "비율", "관계", "서명", "인", "날인")

# Labels of the issuing agency's own staff and contact lines: landlines next to them are
# agency contacts (kept with --keep-agency-contacts), the names still masked.
AGENCY_LABELS = ("담당자", "책임자", "담당", "문의", "전화", "전화번호", "전송", "팩스", "팩스번호",
                 "FAX", "Tel", "☎")

# Common printed formats (digit group lengths) by bank. A number in one of its bank's
# formats, near the bank's name, is an account number even without a 계좌 label. Names
# that are everyday words (국민, 우리, 하나) count only with 은행 or their brand prefix.
BANK_FORMATS: dict[tuple[str, ...], tuple[tuple[int, ...], ...]] = {
    ("국민은행", "KB국민"): ((6, 2, 6), (3, 2, 4, 3), (2, 3, 6, 3), (3, 2, 4, 2)),
    ("신한은행", "신한"): ((3, 3, 6), (3, 2, 6)),
    ("우리은행",): ((4, 3, 6), (3, 6, 2, 3)),
    ("하나은행", "KEB하나"): ((3, 6, 5), (3, 6, 3, 2)),
    ("농협은행", "NH농협", "농협", "지역농협"): ((3, 4, 4, 2), (6, 2, 6), (3, 2, 6)),
    ("기업은행", "IBK기업", "IBK"): ((3, 6, 2, 3),),
    ("SC제일은행", "제일은행", "SC제일"): ((3, 2, 6),),
    ("씨티은행", "한국씨티"): ((3, 6, 3), (3, 5, 3, 2)),
    ("카카오뱅크",): ((4, 2, 7),),
    ("케이뱅크",): ((3, 3, 6),),
    ("토스뱅크",): ((4, 4, 4),),
    ("우체국",): ((6, 2, 6),),
    ("새마을금고", "새마을"): ((4, 4, 4, 1), (4, 2, 6, 1)),
    ("수협은행", "수협"): ((3, 2, 6), (4, 4, 4)),
    ("부산은행",): ((3, 4, 4, 2),),
    ("대구은행", "iM뱅크"): ((3, 2, 6, 1),),
    ("경남은행",): ((3, 2, 7),),
    ("광주은행",): ((3, 3, 6),),
    ("전북은행",): ((3, 2, 7),),
    ("제주은행",): ((2, 2, 6),),
    ("신협",): ((3, 3, 6),),
    ("산업은행", "KDB산업"): ((3, 4, 4, 3),),
}
BANK_NAME_REACH = 16
"""Characters between a bank's name and its account number (``국민은행 계좌 (예금주 …)``)."""

# Domains whose addresses are official (kept with --keep-agency-contacts), besides the
# issuing agency's own domains found in the document.
OFFICIAL_DOMAINS = ("go.kr", "korea.kr", "mil.kr")

# Words printed next to a name that are never one (positions come from the letter spec).
NOT_NAMES = frozenset({
    "전화", "연락처", "주소", "휴대폰", "이메일", "서명", "날인", "귀하", "본인", "담당",
    "외", "등", "명", "님", "씨", "직위", "직급", "소속", "부서", "성명", "이름", "기관", "기관명",
    "없음", "해당없음", "미정", "별첨", "참조", "생략", "인", "印", "합계", "소계", "총계", "평균",
    "비고", "기타", "예시", "서명란",
})
# Korean family names (the common ones; two-syllable names for four-syllable full names).
# A Hangul word is taken for a name only if it starts with one of these.
SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄원"
    "채천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편예경봉사부좌")
DOUBLE_SURNAMES = ("남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방")
ORGANISATION_ENDINGS = ("과", "팀", "국", "실", "센터", "본부", "위원회", "사업소", "학교", "재단",
                        "공단", "공사", "은행", "협회", "주식회사", "(주)")

# Where property values name a person or an organisation: (element local name, attribute
# that must hold a given value or None). Covers OOXML core/app properties and the HWPX
# package metadata.
PERSON_PROPERTIES = ("creator", "lastModifiedBy", "Company", "Manager")
HWPX_PERSON_META = ("creator", "lastsaveby", "lastSaveBy", "author")
# Attributes that name the author of a comment or a tracked change.
AUTHOR_ATTRIBUTES = ("author", "initials")

__all__ = ["AGENCY_LABELS", "ALL_RULES", "AUTHOR_ATTRIBUTES", "BANK_FORMATS", "BANK_NAME_REACH",
           "DOUBLE_SURNAMES", "FORM_LABELS", "HWPX_PERSON_META", "LABELS", "NOT_NAMES", "OFFICIAL_DOMAINS",
           "ORGANISATION_ENDINGS", "PERSON_PROPERTIES", "RULES", "SURNAMES"]
