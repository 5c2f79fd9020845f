"""Scores of a Markdown rendering against the ground-truth Markdown (the structure bench).

* **NID** (normalized indel distance similarity) of the reading-order text:
  ``1 - (insertions + deletions) / (len(a) + len(b))`` over the two texts with Markdown
  syntax taken out (heading marks, table pipes, emphasis, HTML tags) and whitespace
  collapsed; insertions + deletions = ``len(a) + len(b) - 2 * LCS``, the LCS computed
  bit-parallel (one big-integer step per character).
* **TEDS** (tree-edit-distance similarity, Zhong et al. 2020) of the tables:
  ``1 - TED(T_pred, T_true) / max(|T_pred|, |T_true|)`` over HTML-shaped trees
  (``body > table > tr > td``) of all the document's tables in order, with unit cost for
  inserting or deleting a node, renaming across tags or between cells of different
  spans, and the normalized Levenshtein distance of their text between two cells of the
  same span. Tree edit distance by Zhang and Shasha's algorithm.
* **Headings**: F1 of the (level, text) pairs of ``#`` headings, as multisets.

A score is None where it does not apply (no tables or no headings on either side); TEDS is
0 when only one side has tables.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# --- text -------------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")
_RULE_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def plain_text(markdown: str) -> str:
    """The text of a Markdown document, syntax taken out, one space between words."""
    words: list[str] = []
    for line in markdown.splitlines():
        if _RULE_ROW.match(line):
            continue
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
        line = _TAG.sub(" ", line)
        line = line.replace("|", " ").replace("**", "").replace("__", "")
        line = re.sub(r"(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)", "", line)
        line = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", html.unescape(line))
        words.extend(line.split())
    return " ".join(words)


def lcs_length(a: str, b: str) -> int:
    """Length of the longest common subsequence, bit-parallel over the shorter string."""
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return 0
    masks: dict[str, int] = {}
    for i, ch in enumerate(b):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    full = (1 << len(b)) - 1
    row = full
    for ch in a:
        match = row & masks.get(ch, 0)
        row = ((row + match) | (row - match)) & full
    return len(b) - bin(row).count("1")


def nid(predicted: str, truth: str) -> float:
    """Normalized indel similarity of two texts (1.0: identical)."""
    total = len(predicted) + len(truth)
    if not total:
        return 1.0
    return 2 * lcs_length(predicted, truth) / total


# --- tables -----------------------------------------------------------------------------

@dataclass
class Node:
    tag: str
    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    children: list["Node"] = field(default_factory=list)


def tables(markdown: str) -> list[Node]:
    """The GFM and HTML tables of a Markdown document as ``table > tr > td`` trees."""
    found: list[tuple[int, Node]] = []
    for m in re.finditer(r"<table>.*?</table>(?!\s*</td>)", markdown, re.DOTALL):
        found.append((m.start(), _html_table(m.group(0))))
    lines = markdown.splitlines(keepends=True)
    pos = 0
    block: list[str] = []
    start = 0
    for line in lines + [""]:
        if line.lstrip().startswith("|"):
            if not block:
                start = pos
            block.append(line)
        else:
            if len(block) >= 2 and _RULE_ROW.match(block[1]):
                found.append((start, _gfm_table(block)))
            block = []
        pos += len(line)
    return [node for _, node in sorted(found, key=lambda f: f[0])]


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", body)]


def _gfm_table(block: list[str]) -> Node:
    rows = [block[0]] + block[2:]
    return Node("table", children=[Node("tr", children=[Node("td", plain_text(c)) for c in _cells(r)])
                                   for r in rows])


def _html_table(text: str) -> Node:
    table = Node("table")
    for row in re.findall(r"<tr>(.*?)</tr>", text, re.DOTALL):
        tr = Node("tr")
        for attrs, inner in re.findall(r"<t[dh]([^>]*)>(.*?)</t[dh]>", row, re.DOTALL):
            span = dict(re.findall(r'(colspan|rowspan)="(\d+)"', attrs))
            tr.children.append(Node("td", plain_text(inner), int(span.get("colspan", 1)),
                                    int(span.get("rowspan", 1))))
        table.children.append(tr)
    return table


def _postorder(root: Node) -> tuple[list[Node], list[int]]:
    """Nodes in post-order and, for each, the index of its leftmost leaf."""
    nodes: list[Node] = []
    leftmost: list[int] = []

    def walk(node: Node) -> int:
        first = -1
        for child in node.children:
            lm = walk(child)
            if first < 0:
                first = lm
        nodes.append(node)
        index = len(nodes) - 1
        leftmost.append(first if first >= 0 else index)
        return leftmost[-1]

    walk(root)
    return nodes, leftmost


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _rename(a: Node, b: Node) -> float:
    if a.tag != b.tag:
        return 1.0
    if a.tag != "td":
        return 0.0
    if (a.colspan, a.rowspan) != (b.colspan, b.rowspan):
        return 1.0
    longest = max(len(a.text), len(b.text))
    return _levenshtein(a.text, b.text) / longest if longest else 0.0


def tree_edit_distance(t1: Node, t2: Node) -> float:
    """Zhang-Shasha tree edit distance with unit insert/delete and :func:`_rename`."""
    n1, l1 = _postorder(t1)
    n2, l2 = _postorder(t2)
    keys1 = sorted({max(i for i in range(len(n1)) if l1[i] == l) for l in set(l1)})
    keys2 = sorted({max(j for j in range(len(n2)) if l2[j] == l) for l in set(l2)})
    dist = [[0.0] * len(n2) for _ in range(len(n1))]
    for i in keys1:
        for j in keys2:
            li, lj = l1[i], l2[j]
            rows, cols = i - li + 2, j - lj + 2
            fd = [[0.0] * cols for _ in range(rows)]
            for x in range(1, rows):
                fd[x][0] = fd[x - 1][0] + 1
            for y in range(1, cols):
                fd[0][y] = fd[0][y - 1] + 1
            for x in range(1, rows):
                for y in range(1, cols):
                    a, b = li + x - 1, lj + y - 1
                    if l1[a] == li and l2[b] == lj:
                        fd[x][y] = min(fd[x - 1][y] + 1, fd[x][y - 1] + 1,
                                       fd[x - 1][y - 1] + _rename(n1[a], n2[b]))
                        dist[a][b] = fd[x][y]
                    else:
                        fd[x][y] = min(fd[x - 1][y] + 1, fd[x][y - 1] + 1,
                                       fd[l1[a] - li][l2[b] - lj] + dist[a][b])
    return dist[-1][-1]


def _size(node: Node) -> int:
    return 1 + sum(_size(c) for c in node.children)


def teds(predicted: str, truth: str) -> float | None:
    """TEDS of all the tables of two Markdown documents (None when neither has one)."""
    a, b = tables(predicted), tables(truth)
    if not a and not b:
        return None
    if not a or not b:
        return 0.0  # every table missed, or only false ones found
    ta, tb = Node("body", children=a), Node("body", children=b)
    return 1.0 - tree_edit_distance(ta, tb) / max(_size(ta), _size(tb))


# --- headings ---------------------------------------------------------------------------

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


def headings(markdown: str) -> list[tuple[int, str]]:
    """(level, text) of every ``#`` heading, text as :func:`plain_text` gives it."""
    out = []
    for line in markdown.splitlines():
        m = _HEADING.match(line)
        if m:
            out.append((len(m.group(1)), plain_text(m.group(2))))
    return out


def heading_f1(predicted: str, truth: str) -> float | None:
    """F1 of the (level, text) heading pairs (None when neither side has a heading)."""
    a, b = headings(predicted), headings(truth)
    if not a and not b:
        return None
    remaining = list(b)
    hits = 0
    for pair in a:
        if pair in remaining:
            remaining.remove(pair)
            hits += 1
    if not hits:
        return 0.0
    precision, recall = hits / len(a), hits / len(b)
    return 2 * precision * recall / (precision + recall)


__all__ = ["heading_f1", "headings", "lcs_length", "nid", "plain_text", "tables", "teds",
           "tree_edit_distance"]
