"""Find the element that holds the article body.

Each text node is credited to its block (the nearest non-inline ancestor). A block's text is
"good" when it reads like prose (punctuation, length) and is not mostly link text, "bad"
otherwise. Every element scores the good text in its subtree minus the bad: the best element is
the smallest one that holds most of the prose and little of the furniture. One pass over the text
nodes, one walk up the ancestors of each block; lengths are counted in characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from ..rules import INLINE_TAGS

_TEXT_NODES = etree.XPath("descendant::text()[normalize-space()]")  # (as .//text(), faster)
_CJK_MARKS = "，。！？；、"


def _marks(text: str) -> int:
    """Punctuation inside sentences: Chinese marks, and a comma or full stop before a space
    (counted with str.count, which beats a character-class scan on long paragraphs)."""
    latin = text.count(", ") + text.count(". ")
    if text.isascii():  # known without a scan: no Chinese marks
        return latin
    return sum(map(text.count, _CJK_MARKS)) + latin


_PROSE_MIN = 40  # characters of unpunctuated non-link text that still count as prose
_FINALISTS = 30
_NEAR_TITLE = 0.85  # score kept per step between a candidate and the headline, past the second
_LINK_COST = 12  # characters of furniture each link counts for, beyond its own text


@dataclass(slots=True)
class BlockStats:
    chars: int = 0
    link_chars: int = 0
    links: int = 0
    marks: int = 0
    cell: bool = False  # a table cell: a data table's figures are neither prose nor furniture

    @property
    def good(self) -> float:
        own = self.chars - self.link_chars
        if own <= 0 or self.link_chars > own:
            return 0.0
        if self.marks == 0 and own < _PROSE_MIN:
            return 0.0
        return own + 8.0 * min(self.marks, own / 8)

    @property
    def bad(self) -> float:
        return self.scores()[1]

    def scores(self) -> tuple[float, float]:
        """(good, bad), each worked out once."""
        good = self.good
        if good > 0 or (self.cell and not self.links):
            return good, self.link_chars
        return good, self.chars + _LINK_COST * self.links


@dataclass(frozen=True)
class BodyChoice:
    element: Any
    score: float
    good: float
    bad: float


def block_stats(scope: Any) -> dict[Any, BlockStats]:
    stats: dict[Any, BlockStats] = {}
    for node in _TEXT_NODES(scope):  # blank nodes skipped in C
        n = len(node.strip())
        el = node.getparent()
        in_link = False
        if node.is_tail:
            el = el.getparent()
        elif el.tag == "a":
            in_link = True
        while el is not None and el.tag in INLINE_TAGS:
            if el.tag == "a":
                in_link = True
            el = el.getparent()
        if el is None:
            continue
        block = stats.get(el)
        if block is None:
            block = stats[el] = BlockStats(cell=el.tag in ("td", "th"))
        block.chars += n
        if in_link:
            block.link_chars += n
            block.links += 1
        else:
            block.marks += _marks(node)
    return stats


def subtree_totals(scope: Any) -> tuple[dict[Any, float], dict[Any, float]]:
    """Good and bad text of every element's subtree (only elements that hold text appear).

    Each element is reached once, climbing from its first block; then every element's total is
    added to its parent's, deepest first. (Adding each block to all of its ancestors costs
    blocks × depth on deep pages.)"""
    good: dict[Any, float] = {}
    bad: dict[Any, float] = {}
    parent: dict[Any, Any] = {}
    depth: dict[Any, int] = {scope: 0}
    for block, stats in block_stats(scope).items():
        chain = []
        el = block
        while el not in depth:
            chain.append(el)
            el = el.getparent()
        level = depth[el]
        for child in reversed(chain):
            level += 1
            depth[child] = level
        for child, up in zip(chain, [*chain[1:], el], strict=False):
            parent[child] = up
            good[child] = bad[child] = 0.0
        if el is scope and scope not in good:
            good[scope] = bad[scope] = 0.0
        block_good, block_bad = stats.scores()
        good[block] += block_good
        bad[block] += block_bad
    for el in sorted(parent, key=depth.__getitem__, reverse=True):
        up = parent[el]
        good[up] += good[el]
        bad[up] += bad[el]
    return good, bad


def _distance(el: Any, title_line: dict[Any, int]) -> int:
    """Steps from ``el`` up to the first element that also holds the headline."""
    for steps, ancestor in enumerate((el, *el.iterancestors())):
        if ancestor in title_line:
            return steps
    return 99


def choose_body(scope: Any, title: Any = None, bad_weight: float = 1.0) -> BodyChoice | None:
    """The element of ``scope`` with the most prose and the least furniture.

    When the headline element is known, candidates far from it in the tree (teaser lists,
    "more stories" modules) lose a share of their score for each step between them.
    """
    good, bad = subtree_totals(scope)
    scored = sorted(
        ((g - bad_weight * bad[el], i, el) for i, (el, g) in enumerate(good.items()) if g > 0),
        key=lambda t: (-t[0], t[1]),
    )[:_FINALISTS]
    if title is not None and scored:
        title_line = {el: i for i, el in enumerate((title, *title.iterancestors()))}
        scored = sorted(
            (
                (s * _NEAR_TITLE ** max(0, _distance(el, title_line) - 2), i, el)
                for s, i, el in scored
            ),
            key=lambda t: (-t[0], t[1]),
        )
    if not scored:
        return None
    score, _i, el = scored[0]
    return BodyChoice(el, score, good[el], bad[el])
