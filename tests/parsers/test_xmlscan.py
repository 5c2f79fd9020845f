"""Reading scanned elements from their bytes gives what a parse gives, or says it cannot."""

from __future__ import annotations

import pytest
from lxml import etree

from docextract.limits import Budget, Limits
from docextract.parsers.xmlscan import scan

ROOT = '<?xml version="1.0" encoding="UTF-8"?><h:head xmlns:h="urn:h" xmlns:p="urn:p">{}</h:head>'


def _scanned(body: str):
    data = ROOT.format(body).encode()
    part, tags = scan(data, ("def",), Budget(Limits()), "test part")
    return part, tags[0].start(), etree.fromstring(data)[0]


@pytest.mark.parametrize("body", [
    '<h:def id="1" height="1000"><h:bold/></h:def>',
    '<h:def id="1"><h:italic/><h:bold x="a>b"/></h:def>',
    '<h:def id="1"><p:switch><p:case><h:bold/></p:case></p:switch></h:def>',  # not a child
    '<h:def id="1"><h:boldish/></h:def>',
    '<h:def id="1"/>',
    '<h:def id="1"><h:x><h:x/></h:x><bold/></h:def>',
])
def test_a_child_is_found_where_a_parse_finds_it(body):
    part, at, el = _scanned(body)
    assert part.has_child(at, "bold") == (next(el.iterchildren("{*}bold"), None) is not None)


def test_a_name_that_occurs_nowhere_inside_is_no_child_without_a_walk():
    # the walk cannot read <h:x a=1/>, so it defers to a parse; a name not in the
    # element's bytes at all is no child whatever the parse would say
    data = ROOT.format('<h:def id="1"><h:x a=1/></h:def>').encode()
    part, tags = scan(data, ("def",), Budget(Limits()), "test part")
    assert part.has_child(tags[0].start(), "bold") is False
    assert part.has_child(tags[0].start(), "x") is None


@pytest.mark.parametrize("body, found", [
    ('<h:def id="1"><h:a/><p:switch><p:case><h:heading type="OUTLINE" level="2"/></p:case>'
     '</p:switch><h:heading type="NONE"/></h:def>', {"type": "OUTLINE", "level": "2"}),
    ('<h:def id="1"><h:headings/></h:def>', None),
    ('<h:def id="1"/>', None),
])
def test_the_first_element_inside_in_document_order(body, found):
    part, at, el = _scanned(body)
    assert part.first_within(at, "heading") == (True, found)
    first = next(el.iter("{*}heading"), None)
    assert (None if first is None else dict(first.attrib)) == found


@pytest.mark.parametrize("value", ["a&amp;b", "a&#44544;", "a\nb", "a\tb"])
def test_values_a_parse_would_change_are_left_to_the_parse(value):
    part, at, _ = _scanned(f'<h:def id="1" name="{value}"><h:heading type="{value}"/></h:def>')
    assert part.values(at) is None
    assert part.first_within(at, "heading") == (False, None)


def test_plain_values_are_read_as_written():
    part, at, el = _scanned('<h:def id="1" name="바탕글" engName=\'Normal\'/>')
    assert part.values(at) == dict(el.attrib) == {"id": "1", "name": "바탕글", "engName": "Normal"}


@pytest.mark.parametrize("body", [
    '<h:def id="1"><h:align horizontal="CENTER"/><h:heading type="NUMBER" level="1"/></h:def>',
    '<h:def id="1"><h:heading type="NONE"/></h:def>',
    '<h:def id="1"><p:switch><p:case><h:align a="1"/></p:case></p:switch><h:align a="2"/></h:def>',
    '<h:def id="1"><h:heading type="a&amp;b"/><h:align a="1"/></h:def>',
    '<h:def id="1"/>',
])
def test_several_names_in_one_pass_agree_with_one_at_a_time(body):
    part, at, _ = _scanned(body)
    one = [part.first_within(at, name) for name in ("heading", "align")]
    sure, found = part.firsts_within(at, ("heading", "align"))
    if all(s for s, _ in one):
        assert (sure, found) == (True, [f for _, f in one])
    else:
        assert (sure, found) == (False, [None, None])
