"""The server over the public corpus (skipped when it is absent): the corpus' broken, wrapped
and password-protected files come back as tool errors carrying the code the library gives
them, one after the other in one session, and the server still answers afterwards."""

from __future__ import annotations

import pytest

import docextract
from docextract.errors import DocextractError

from ..conftest import corpus_files
from .talk import error_of, output, session

pytestmark = pytest.mark.corpus

REFUSED = ["hwp/pyhwp_password-12345.hwp", "hwpx/ohah_password-12345.hwpx",
           "pdf/odl_password-protected.pdf"]


def _library_code(path) -> str | None:
    try:
        docextract.parse(path)
    except DocextractError as exc:
        return exc.code
    return None


def test_the_corpus_hard_cases_are_tool_errors_with_the_library_codes(sdk, corpus_dir):
    from docextract.mcp import build_server, config

    names = [p.relative_to(corpus_dir).as_posix() for p in corpus_files("other")]
    names += [name for name in REFUSED if (corpus_dir / name).is_file()]
    expected = {name: _library_code(corpus_dir / name) for name in names}
    assert sum(code is not None for code in expected.values()) >= 5, expected
    server = build_server(config(corpus_dir))
    letter = corpus_files("hwp")[0].relative_to(corpus_dir).as_posix()
    *results, fine = session(server, *[("read_document", {"path": n}) for n in names],
                             ("read_document", {"path": letter}))
    for name, result in zip(names, results):
        if expected[name] is None:
            assert not result.is_error, name
        else:
            assert error_of(result)["code"] == expected[name], name
    assert output(fine)["text"]
