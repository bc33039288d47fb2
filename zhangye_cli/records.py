"""Frozen records passed from one pipeline stage to the next.

Each record carries the decision its stage made next to its result, so that the JSON output and
``zhangye explain`` can say how the page was read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .text import describe, opening, raw_text, squash


@dataclass(frozen=True)
class RawPage:
    """Bytes as received, with the transport facts that help decode them."""

    data: bytes
    url: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    status: int | None = None
    origin: str = "<bytes>"  # file path, "-" or URL: what the user named
    text: str | None = None  # the page as text, when the caller had already decoded it


@dataclass(frozen=True)
class EncodingDecision:
    """Which codec read the bytes, how it was chosen, and what the page declared."""

    name: str
    method: str  # "bom" | "header" | "meta" | "utf8" | "detect" | "override" | "text"
    declared: str | None = None
    reason: str = ""
    # The text is the bytes read by the codec, every one (no bad sequence replaced, no
    # byte-order mark dropped): the parser may then read the bytes themselves.
    lossless: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "method": self.method, "declared": self.declared}


@dataclass(frozen=True)
class RepairStep:
    """One text repair or normalisation that changed something, with how often it applied."""

    step: str
    count: int

    def to_dict(self) -> dict[str, Any]:
        return {"step": self.step, "count": self.count}


@dataclass(frozen=True)
class DecodedPage:
    raw: RawPage
    text: str
    encoding: EncodingDecision
    repairs: tuple[RepairStep, ...] = ()


@dataclass(frozen=True)
class ParsedPage:
    decoded: DecodedPage
    tree: Any  # lxml.html.HtmlElement (the document root)
    base_url: str | None
    lang: str | None
    texts: Any = None  # TextIndex of the body's short text nodes, as parsed (before cleaning)
    attrs: Any = None  # TextIndex of the body's class and id values, lower-cased
    head: Any = None  # HeadTags: meta, link and JSON-LD, read before the scripts were stripped
    headings: tuple[Any, ...] = ()  # the h1 and h2 elements, in document order
    times: tuple[Any, ...] = ()  # the <time> elements, in document order
    too_deep: bool = False  # the page nests deeper than the parser reads (256): text was lost


SNIPPET = 60  # characters of a removed block's text kept in its Removal record


@dataclass(frozen=True)
class Removal:
    """A block taken out of the page before content extraction, and the rule that took it."""

    rule: str
    where: str  # a short path such as div#nav.menu
    reason: str
    chars: int
    text: str = ""  # the first characters of what was removed

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "where": self.where,
            "reason": self.reason,
            "chars": self.chars,
            "text": self.text,
        }


@dataclass(frozen=True)
class FieldFinding:
    """A metadata value and the strategy that found it."""

    value: Any
    strategy: str


@dataclass(frozen=True)
class Detached:
    """An element the clean stage took out and where it stood, so that ``zhangye explain`` can
    put it back; ``rule`` None is a silent drop (a style sheet: never text)."""

    element: Any
    parent: Any
    index: int
    rule: str | None = None
    reason: str = ""

    @cached_property
    def removal(self) -> Removal | None:
        """Its record, built when first asked for (a run that only extracts never needs it):
        the length and opening words of the text it took out, as the clean stage left it (a
        script inside, dropped silently, does not count)."""
        if self.rule is None:
            return None
        el = self.element
        chars = len(raw_text(el))
        return Removal(self.rule, describe(el), self.reason, chars, squash(opening(el))[:SNIPPET])


@dataclass(frozen=True)
class CleanedPage:
    """The parsed tree with boilerplate taken out (the tree is the parsed one, changed in place)."""

    parsed: ParsedPage
    tree: Any
    detached: tuple[Detached, ...] = ()  # in order of removal

    @property
    def removal_count(self) -> int:
        return sum(1 for d in self.detached if d.rule is not None)

    @cached_property
    def removals(self) -> tuple[Removal, ...]:
        """One record for each element taken out by a rule, in order."""
        return tuple(d.removal for d in self.detached if d.removal is not None)
