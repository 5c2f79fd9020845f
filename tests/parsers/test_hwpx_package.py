"""The HWPX package parts read around the body: container, manifest, version.

Hangul writes ``META-INF/container.xml``, an empty ``META-INF/manifest.xml`` and
``version.xml`` the same in most documents, and the reader remembers what such a part
said by its bytes (:data:`docextract.parsers.hwpx.package.REMEMBERED`); these tests read
the same parts again and check that nothing a first read would say is lost.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from docextract.limits import Budget, Limits
from docextract.parsers.hwpx.package import RememberedParts

from .test_hwpx import CONTAINER, build_hwpx, p, parse, section, t, texts


def with_member(src: Path, dst: Path, name: str, data: str) -> Path:
    """A copy of the package ``src`` with member ``name`` replaced by ``data``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, data if info.filename == name else zin.read(info))
    return dst


def test_parts_read_again_say_what_they_said(tmp_path):
    path = build_hwpx(tmp_path / "a.hwpx", [section(p(t("본문")))])
    first, again = parse(path), parse(path)
    assert first.metadata.extra["application"] == "Hancom Office Hangul 9, 1"
    assert again.to_json() == first.to_json()


def test_a_broken_part_warns_every_time_after_a_good_one(tmp_path):
    good = build_hwpx(tmp_path / "good.hwpx", [section(p(t("본문")))])
    parse(good)
    broken = with_member(good, tmp_path / "broken.hwpx", "META-INF/container.xml",
                         CONTAINER.replace("</ocf:container>", ""))
    for _ in range(2):
        doc = parse(broken)
        assert texts(doc) == ["본문"]  # content.hpf found where it usually is
        assert "hwpx-container" in {w.code for w in doc.warnings}
    no_version = with_member(good, tmp_path / "noversion.hwpx", "version.xml", "<hv:HCFVersion")
    assert "application" not in parse(no_version).metadata.extra


def test_what_is_remembered_is_bounded_and_bows_to_a_lower_depth_limit():
    remembered = RememberedParts(max_bytes=8, max_entries=1)
    usual, shallow = Budget(Limits()), Budget(Limits(max_xml_depth=2))
    remembered.put("part", b"<a/>", usual, ("x",))
    assert remembered.get("part", b"<a/>", usual) == ("x",)
    # under a lower max_xml_depth the parse itself checks the depth: it must run
    assert remembered.get("part", b"<a/>", shallow) is None
    remembered.put("part", b"<b/>", usual, ("y",))  # full: not kept
    assert remembered.get("part", b"<b/>", usual) is None
    remembered.put("big", b"<long-part/>", usual, ("z",))  # past max_bytes: not kept
    assert remembered.get("big", b"<long-part/>", usual) is None
