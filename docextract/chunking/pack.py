"""Pack a document's items into pieces along its outline.

The items form a tree: an item that opens an outline entry (a heading, ``1.``, ``가.``,
``□`` …) owns the items after it up to the next entry of its rank or higher, or up to
the ``끝.`` that closes the body. A subtree that fits the limit is one piece. One that
does not is cut into its head, its running items and its children, each packed the
same way, and neighbouring pieces are then merged again as long as the merge fits, so
small siblings share a chunk and no chunk is cut inside an item that would have fitted
whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Paragraph, Table
from .outline import Opening, closes_body
from .pieces import Item, Piece, rendered_size, split_item, table_markdown


@dataclass
class Node:
    """An outline entry (``head`` None for the document itself) and what it owns."""

    head: Item | None
    crumbs: list[str]
    """Labels of the entries above this one."""
    body: list["Item | Node"] = field(default_factory=list)
    """The head item, then running items and child entries in reading order."""

    def items(self) -> list[Item]:
        out: list[Item] = []
        for entry in self.body:
            out += entry.items() if isinstance(entry, Node) else [entry]
        return out

    def inner_crumbs(self) -> list[str]:
        """The breadcrumb of what follows the head inside this entry."""
        if self.head is None or self.head.opening is None:
            return list(self.crumbs)
        return self.crumbs + [self.head.opening.label]


def outline_tree(all_items: list[Item]) -> Node:
    """The outline tree of ``all_items`` (in reading order)."""
    root = Node(None, [])
    stack: list[tuple[Opening, Node]] = []
    for item in all_items:
        entry = item.opening
        if entry is None:  # running text belongs to the deepest open entry
            (stack[-1][1] if stack else root).body.append(item)
        else:
            _open(stack, root, entry, item)
        if isinstance(item.block, Paragraph) and closes_body(item.block):
            stack.clear()
    return root


def _open(stack: list[tuple[Opening, Node]], root: Node, entry: Opening, item: Item) -> None:
    for i, (open_entry, _) in enumerate(stack):
        if open_entry.kind == entry.kind:  # a sibling of an open entry
            del stack[i:]
            break
    else:
        while stack and stack[-1][0].key >= entry.key:
            stack.pop()
    parent = stack[-1][1] if stack else root
    node = Node(item, [e.label for e, _ in stack], [item])
    parent.body.append(node)
    stack.append((entry, node))


def item_parts(text: str, item: Item) -> list[tuple[str, bool]]:
    """The rendered parts of a whole item (a paragraph's stripped text, a table's Markdown)."""
    block = item.block
    if isinstance(block, Table):
        md = table_markdown(block, list(range(block.n_rows)))
        return [(md, True)] if md else []
    body = text[item.start:item.end].strip()
    return [(body, False)] if body else []


def pack(text: str, node: Node, limit: int) -> list[Piece]:
    """Pieces of ``node``'s subtree, each within ``limit`` characters, in reading order."""
    items = node.items()
    if not items:
        return []
    parts = [part for item in items for part in item_parts(text, item)]
    if rendered_size(parts) <= limit:
        first = items[0]
        crumbs = node.crumbs if first is node.head else node.inner_crumbs()
        paths = [item.block.prov.path for item in items]
        return [Piece(first.start, items[-1].end, parts, paths, crumbs, first.block.prov.path)]
    pieces: list[Piece] = []
    for entry in node.body:
        if isinstance(entry, Node):
            sub = pack(text, entry, limit)
            for piece in sub:
                piece.own = False
        else:
            crumbs = node.crumbs if entry is node.head else node.inner_crumbs()
            sub = split_item(text, entry, limit, crumbs)
        pieces += sub
    out = merge(pieces, limit)
    if out and node.head is not None and len(node.body) > 1:
        out[0].opens = True
    return out


def merge(pieces: list[Piece], limit: int) -> list[Piece]:
    """Neighbouring pieces joined while the result fits; empty pieces join a neighbour.

    The first piece of an entry that had to be cut joins only its parent's own heading
    and running text, never the end of a sibling: a heading stays with what follows it.
    """
    out: list[Piece] = []
    for piece in pieces:
        if out and (piece.empty or out[-1].empty or (
                (not piece.opens or out[-1].own)
                and rendered_size(out[-1].parts + piece.parts) <= limit)):
            out[-1] = out[-1].merged(piece)
        else:
            out.append(piece)
    return out


__all__ = ["Node", "item_parts", "merge", "outline_tree", "pack"]
