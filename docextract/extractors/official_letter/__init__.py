"""The official letter (공문: 기안문·시행문).

Its fields, labels, lexicons and classification cues are data
(``schemas/official_letter.yaml``); :mod:`.layout` holds the layout rules of the 두문,
본문 and 결문 that the spec names as its ``layout``. The record class is
:class:`docextract.records.official_letter.OfficialLetter`.
"""
