"""Read-only facts about a traced page that the stage records do not hold directly.

The body's candidates and their scores are recomputed from the cleaned tree with the content
stage's own ``subtree_totals`` and ``choose_body``; the body's blocks are walked again with
``walk_blocks`` and each is matched, in order, against the line rules the content stage recorded.
Nothing here changes the tree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..article import Block
from ..content.blocks import walk_blocks
from ..content.scoring import choose_body, subtree_totals
from ..pipeline import Trace
from ..records import SNIPPET, Removal
from ..text import describe

_LINE_TYPES = ("paragraph", "heading", "quote")
_TAIL_CUT = "tail cut"


@dataclass(frozen=True)
class Candidate:
    """An element that could hold the body, with the text it would bring."""

    element: Any
    where: str  # tag#id.class
    good: float  # prose characters in its subtree (weighted by punctuation)
    bad: float  # link and furniture characters in its subtree
    chosen: bool  # the element the content stage took as the body
    relation: str  # "body", "inside the body", "holds the body", "elsewhere" or "scoring's pick"
    # ("scoring's pick": the generic choice, when a profile's selector found the body instead)

    @property
    def score(self) -> float:
        return self.good - self.bad


@dataclass(frozen=True)
class BlockVerdict:
    """One block of the body element, in document order, and whether it reached the article."""

    kind: str  # paragraph, heading, list, table, image, quote
    chars: int
    text: str
    removal: Removal | None = None  # the rule that dropped it; None when kept

    @property
    def kept(self) -> bool:
        return self.removal is None


def _scope(trace: Trace) -> Any:
    root = trace.cleaned.tree
    body = root.find("body")
    return root if body is None else body


def _headline(trace: Trace) -> Any:
    title = trace.metadata.title_element
    if title is None or title.getroottree().getroot() is not trace.cleaned.tree:
        return None  # the headline sat inside a block the clean stage removed
    return title


def _relation(el: Any, body: Any) -> str:
    if body is None:
        return "elsewhere"
    if el is body:
        return "body"
    if body in el.iterancestors():
        return "inside the body"
    if el in body.iterancestors():
        return "holds the body"
    return "elsewhere"


def candidates(trace: Trace, limit: int = 5) -> list[Candidate]:
    """The best-scoring elements of the cleaned page, best first, the chosen body among them.

    The score is good minus bad; the content stage also favours elements near the headline, so
    the chosen body need not be the first.
    """
    scope = _scope(trace)
    good, bad = subtree_totals(scope)
    body = trace.content.body
    choice = choose_body(scope, _headline(trace))
    winner = choice.element if choice is not None else None
    ranked = sorted((el for el, g in good.items() if g > 0), key=lambda e: bad[e] - good[e])
    picked = ranked[:limit]
    for extra in (winner, body):
        if extra is not None and extra in good and extra not in picked:
            picked.append(extra)
    return [
        Candidate(
            element=el,
            where=describe(el),
            good=good[el],
            bad=bad[el],
            chosen=el is body,
            relation="scoring's pick" if el is winner and el is not body else _relation(el, body),
        )
        for el in picked
    ]


def _matches(block_text: str, removal: Removal) -> bool:
    return block_text[:SNIPPET] == removal.text and len(block_text) == removal.chars


def _cut_count(cut: Removal | None, blocks: list[Block]) -> int:
    """How many blocks at the end of the body the tail cut took (its reason says)."""
    if cut is None:
        return 0
    head = cut.reason.split(" ", 1)[0]
    if head.isdigit():
        return min(int(head), len(blocks))
    for i, block in enumerate(blocks):  # an unexpected reason: find the marker by its text
        if block.type in ("paragraph", "heading") and block.text[:SNIPPET] == cut.text:
            return len(blocks) - i
    return 0


def body_blocks(trace: Trace) -> tuple[list[BlockVerdict], list[Removal]]:
    """The body's blocks in order, each kept or dropped by a line rule, and the lists and tables
    dropped while walking the body (where they stood is not recorded)."""
    body = trace.content.body
    if body is None:
        return [], []
    walk = walk_blocks(body, trace.cleaned.parsed.base_url)
    line_rules = [r for r in trace.content.removals if r.rule.startswith("line:")]
    walked = [r for r in trace.content.removals if r.where == "body" and r not in line_rules]
    cut = next((r for r in walked if r.rule == _TAIL_CUT), None)
    walked = [r for r in walked if r is not cut]
    pending = list(line_rules)
    first_cut = len(walk.blocks) - _cut_count(cut, walk.blocks)
    out: list[BlockVerdict] = []
    for i, block in enumerate(walk.blocks):
        text = block.plain_text()
        if block.type == "image" and block.image is not None:
            text = block.image.alt or block.image.src
        removal: Removal | None = None
        if cut is not None and i >= first_cut:
            removal = cut
        elif pending and block.type in _LINE_TYPES and _matches(block.text, pending[0]):
            removal = pending.pop(0)
        out.append(BlockVerdict(block.type, len(block.plain_text()), text, removal))
    return out, walked
