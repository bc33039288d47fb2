"""Find the element that holds the article body.

Each text node is credited to its block (the nearest non-inline ancestor). A block's text is
"good" when it reads like prose (punctuation, length) and is not mostly link text, "bad"
otherwise. Every element scores the good text in its subtree minus the bad: the best element is
the smallest one that holds most of the prose and little of the furniture. One pass over the text
nodes, one walk up the ancestors of each block; lengths are counted in characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..rules import INLINE_TAGS

_MARKS = re.compile(r"[，。！？；、]|[,.](?= )")
_PROSE_MIN = 40  # characters of unpunctuated non-link text that still count as prose
_FINALISTS = 30
_NEAR_TITLE = 0.85  # score kept per step between a candidate and the headline, past the second
_LINK_COST = 12  # characters of furniture each link counts for, beyond its own text


@dataclass
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
        if self.good > 0 or (self.cell and not self.links):
            return self.link_chars
        return self.chars + _LINK_COST * self.links


@dataclass(frozen=True)
class BodyChoice:
    element: Any
    score: float
    good: float
    bad: float


def block_stats(scope: Any) -> dict[Any, BlockStats]:
    stats: dict[Any, BlockStats] = {}
    for node in scope.xpath(".//text()[normalize-space()]"):  # blank nodes skipped in C
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
            block.marks += len(_MARKS.findall(node))
    return stats


def subtree_totals(scope: Any) -> tuple[dict[Any, float], dict[Any, float]]:
    """Good and bad text of every element's subtree (only elements that hold text appear)."""
    good: dict[Any, float] = {}
    bad: dict[Any, float] = {}
    for block, stats in block_stats(scope).items():
        g, b = stats.good, stats.bad
        for el in (block, *block.iterancestors()):
            good[el] = good.get(el, 0.0) + g
            bad[el] = bad.get(el, 0.0) + b
            if el is scope:
                break
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
