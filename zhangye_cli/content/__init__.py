"""Content stage: the body element (profile selector or generic scoring), its blocks, the line
rules, images and captions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..article import Block, Image
from ..config import Config
from ..metadata import Metadata
from ..profiles import Profile
from ..records import SNIPPET, CleanedPage, Removal
from ..rules import is_notice
from ..text import cjk_ratio, following_texts, squash, text_of
from .blocks import walk_blocks
from .lines import in_inline_box, is_end_marker, is_inline_marker, judge_line
from .scoring import choose_body

__all__ = ["Content", "extract_content"]

_CAPTION_MAX = 60
_CAPTION_MARK = ("▲", "△", "↑", "图为", "上图", "下图", "图：", "图:", "（图", "(图")
_SENTENCE_END = ("。", "！", "？", "!", "?", "；")
_NOTICE_AFTER = 6  # text nodes after the body searched for its rights notice
_PROFILE_BODY_MIN = 50
_REPEAT_MIN = 50  # a paragraph this long seen again is a copy (short lines, table rows recur)
_FLATTENED_MIN = 400  # a paragraph this long that is ...
_FLATTENED_SHARE = 0.5  # ... this much paragraphs kept before it is their copy
_TAIL_SHARE = 0.5  # an end marker cuts the body only past this share of its text
_HEADING_TAIL_SHARE = 0.2  # ... or this share when it is a heading of its own


@dataclass(frozen=True)
class Content:
    blocks: tuple[Block, ...]
    images: tuple[Image, ...]
    notices: tuple[str, ...]
    removals: tuple[Removal, ...]
    strategies: tuple[tuple[str, str], ...]
    lang: str | None
    body: Any = None  # the element the blocks came from


def _find_body(root: Any, profile: Profile | None, title: Any) -> tuple[Any, str]:
    if profile is not None:
        for xpath in profile.selector("body"):
            for el in root.xpath(xpath):
                if hasattr(el, "tag") and len(text_of(el)) >= _PROFILE_BODY_MIN:
                    return el, f"profile {profile.name}"
    body = root.find("body")
    scope = body if body is not None else root
    if title is not None and not any(a is root for a in title.iterancestors()):
        title = None  # the headline was inside a block the clean stage removed
    choice = choose_body(scope, title)
    if choice is None:
        return scope, "whole page"
    return choice.element, "generic scoring"


def _notices_after(body: Any) -> list[str]:
    """A rights notice set just after the body, outside it: （注：本文版权所有……）."""
    found = []
    seen = 0
    for holder, node in following_texts(body):  # read lazily: only the first few are wanted
        if holder.tag in ("script", "style") or node.isspace():
            continue
        text = squash(node)
        if len(text) <= 160 and is_notice(text) and ("转载" in text or "授权" in text):
            found.append(text)
        seen += 1
        if seen >= _NOTICE_AFTER:
            break
    return found


def _attach_captions(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if (
            block.type == "image"
            and block.image is not None
            and not block.image.caption
            and nxt is not None
            and nxt.type == "paragraph"
            and len(nxt.text) <= _CAPTION_MAX
            and (nxt.text.startswith(_CAPTION_MARK) or not nxt.text.endswith(_SENTENCE_END))
        ):
            image = replace(block.image, caption=nxt.text)
            out.append(replace(block, image=image, text=nxt.text))
            i += 2
            continue
        out.append(block)
        i += 1
    return out


def _removal(rule: str, reason: str, text: str, chars: int | None = None) -> Removal:
    return Removal(rule, "body", reason, len(text) if chars is None else chars, text[:SNIPPET])


@dataclass
class _Sifted:
    kept: list[Block]
    notices: list[str]
    removals: list[Removal]


def _holds_kept(key: str, said: set[str]) -> bool:
    """Whether a long paragraph is mostly paragraphs already kept: the article printed a second
    time as one block (a schema.org articleBody, a print version)."""
    held = sum(len(kept) for kept in said if kept in key)
    return held >= _FLATTENED_SHARE * len(key)


def _sift(blocks: list[Block], meta: Metadata) -> _Sifted:
    """Judge the body's blocks in order: the tail after an end marker, boxes of links set in the
    article, line rules (headline, info line, notices, cue lines), paragraphs printed twice."""
    out = _Sifted([], [], [])
    title = meta.value("title")
    info = frozenset("".join(t.split()) for t in meta.info_texts)
    authors = frozenset("".join(a.split()) for a in meta.value("authors") or ())
    site = meta.value("site_name")
    total = sum(len(b.plain_text()) for b in blocks)
    said: set[str] = set()  # paragraphs already kept: pages that print the article twice
    seen = 0
    in_box = False  # inside a box of links set in the article
    for i, block in enumerate(blocks):
        text = block.plain_text()
        if (
            block.type in ("paragraph", "heading")
            and seen >= (_HEADING_TAIL_SHARE if block.type == "heading" else _TAIL_SHARE) * total
            and is_end_marker(text)
        ):
            rest = blocks[i:]
            chars = sum(len(b.plain_text()) for b in rest)
            out.removals.append(
                _removal("tail cut", f"{len(rest)} blocks after {text!r}", text, chars)
            )
            break
        seen += len(text)
        if block.type in ("paragraph", "heading", "list") and (
            is_inline_marker(text) or (in_box and in_inline_box(text))
        ):
            in_box = True
            out.removals.append(_removal("line:inline box", "links set inside the article", text))
            continue
        in_box = False
        if block.type in ("paragraph", "heading", "quote"):
            verdict = judge_line(text, title, info, authors, site)
            if verdict is not None:
                rule, reason = verdict
                if rule == "notice":
                    out.notices.append(text)
                out.removals.append(_removal(f"line:{rule}", reason, text))
                continue
            key = "".join(text.split())
            if len(key) >= _REPEAT_MIN:
                if key in said:
                    out.removals.append(_removal("line:repeat", "the same paragraph again", key))
                    continue
                if len(key) >= _FLATTENED_MIN and _holds_kept(key, said):
                    out.removals.append(
                        _removal("line:repeat", "the paragraphs above run together again", text)
                    )
                    continue
                said.add(key)
        out.kept.append(block)
    return out


def extract_content(
    cleaned: CleanedPage, meta: Metadata, profile: Profile | None, config: Config
) -> Content:
    body, strategy = _find_body(cleaned.tree, profile, meta.title_element)
    walk = walk_blocks(body, cleaned.parsed.base_url)
    sifted = _sift(walk.blocks, meta)
    removals = [_removal(rule, "inside the body", text) for rule, text in walk.dropped]
    removals += sifted.removals
    notices = sifted.notices or _notices_after(body)
    blocks = tuple(_attach_captions(sifted.kept))
    images = tuple(b.image for b in blocks if b.type == "image" and b.image is not None)
    text = " ".join(b.plain_text() for b in blocks[:20])
    lang = cleaned.parsed.lang or (("zh" if cjk_ratio(text) > 0.3 else "en") if text else None)
    return Content(
        blocks=blocks,
        images=images,
        notices=tuple(notices),
        removals=tuple(removals),
        strategies=(("body", strategy),),
        lang=lang,
        body=body,
    )
