"""All text nodes of a page's body joined into one string, so that cue phrases are found by one
regular-expression scan in C instead of a Python loop or an XPath test per node.

Every node is preceded by a NUL separator (the string starts with one), so a pattern can anchor
on a node's start by matching ``\x00``: a leading literal or character class lets the regular
expression engine skip ahead quickly, where a look-behind would be tried at every position."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import add
from typing import Any

from lxml import etree

_SEP = "\x00"


@dataclass(frozen=True)
class TextIndex:
    nodes: tuple[Any, ...]  # lxml "smart" strings: each knows its parent element
    joined: str
    starts: tuple[int, ...]

    def search(self, pattern: re.Pattern[str]) -> list[tuple[int, re.Match[str]]]:
        """(node number, match) for each match of ``pattern``, which must not cross nodes: it may
        take the separator before its node but must end inside the node."""
        starts = self.starts
        return [
            (bisect_right(starts, max(match.start(), match.end() - 1)) - 1, match)
            for match in pattern.finditer(self.joined)
        ]

    def nodes_with(self, words: Iterable[str]) -> list[int]:
        """Numbers of the nodes holding any of ``words``, in document order, each once: one
        substring search per word (an alternation of words makes the regular-expression engine
        try every branch at most positions)."""
        return sorted({i for _at, i, _word in self.occurrences(words)})

    def occurrences(self, words: Iterable[str]) -> list[tuple[int, int, str]]:
        """(position in ``joined``, node number, word) of every occurrence of each of ``words``
        (found by substring search, in any order)."""
        joined, starts = self.joined, self.starts
        found = []
        for word in words:
            at = joined.find(word)
            while at != -1:
                found.append((at, bisect_right(starts, at) - 1, word))
                at = joined.find(word, at + len(word))
        return found

    def following(self, i: int, count: int) -> list[str]:
        """The texts of node ``i`` and up to ``count`` nodes after it."""
        return [str(n) for n in self.nodes[i : i + 1 + count]]


def _index(nodes: Sequence[Any], lower: bool = False) -> TextIndex:
    # starts[i] = 1 + sum(len(node) + 1 for the nodes before i), computed in C
    starts = tuple(map(add, accumulate(map(len, nodes), initial=1), range(len(nodes))))
    joined = _SEP + _SEP.join(nodes) if nodes else ""
    if lower:
        folded = joined.lower()
        if len(folded) == len(joined):
            joined = folded
        else:  # each value on its own, so that one odd character (İ) spoils only its value
            joined = _SEP + _SEP.join(v if len(v := n.lower()) == len(n) else str(n) for n in nodes)
    return TextIndex(nodes=tuple(nodes), joined=joined, starts=starts)


SHORT_NODE = 300
# Written with the descendant axes: ".//" is descendant-or-self::node()/, which first gathers
# every node (text nodes too) and then takes each one's children or attributes.
_SHORT_TEXTS = etree.XPath(
    f"descendant::text()[normalize-space()][string-length(.) <= {SHORT_NODE}]"
)
_CLASSES_AND_IDS = etree.XPath("descendant-or-self::*/@class | descendant-or-self::*/@id")


def build_text_index(scope: Any) -> TextIndex:
    """Every non-blank text node under ``scope`` short enough to be a label, a credit or a line
    of page furniture (long paragraphs are article text: no cue search needs them)."""
    return _index(_SHORT_TEXTS(scope))


def attribute_index(scope: Any, lower: bool = False) -> TextIndex:
    """Every class and id value under ``scope`` (each one's parent is its element); ``lower``
    lower-cases them when that keeps every position."""
    return _index(_CLASSES_AND_IDS(scope), lower)
