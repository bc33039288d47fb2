"""Fields of the info line: the 来源 (source) text and the interaction counter."""

from __future__ import annotations

import re

from ..records import FieldFinding
from ..text import short_text, squash, text_of
from ..textindex import TextIndex

_SOURCE = re.compile(r"(?:信息来源|文章来源|新闻来源|稿件来源|来源|稿源|出处|转自|来自)\s*[:：]\s*")
_SOURCE_END = re.compile(
    r"\s{2,}|\u3000|[|｜【\[]|[（(]\s*(?:本报)?(?:记者|通讯员|作者)"
    r"|(?:作者|记者|责任编辑|编辑|责编|发布时间|发布日期|发表时间|更新时间|时间|发布|日期|浏览次数"
    r"|浏览|点击|阅读|访问|字号|通讯员)\s*[:：]"
    r"|(?:19|20)\d{2}\s*[-/.年]"
)
_COUNTER = re.compile(
    r"(\d[\d,]*)\s*人(?:参与|评论|跟帖)"
    r"|(?:评论|跟帖|参与互动)\s*[(（\[【:：]?\s*(\d[\d,]*)(?![\d,])(?![\u4e00-\u6760\u6762-\u9fff])"
)


def source_in(texts: list[str]) -> str | None:
    """The 来源 value: text after the cue, up to the next field or a wide gap."""
    for i, text in enumerate(texts):
        match = _SOURCE.search(text)
        if not match:
            continue
        rest = text[match.end() :]
        if not rest.strip() and i + 1 < len(texts):
            rest = texts[i + 1]
        end = _SOURCE_END.search(rest)
        value = (rest[: end.start()] if end else rest).strip(" \t|｜,，;；")
        value = " ".join(value.split())
        if value and len(value) <= 40:
            return value
    return None


_COUNTER_CUE = ("人参与", "评论", "跟帖", "参与互动")


def comments_count(texts: TextIndex) -> FieldFinding | None:
    for seen, i in enumerate(texts.nodes_with(_COUNTER_CUE)):
        if seen >= 20:
            break
        node = texts.nodes[i]
        el = node.getparent()
        if el is not None and node.is_tail:  # "<em>5</em> 人参与互动": the number is just before
            found = _COUNTER.search(squash(text_of(el) + " " + str(node)))
            if found:
                return FieldFinding(
                    int((found[1] or found[2]).replace(",", "")), "interaction counter"
                )
        for _ in range(3):
            if el is None:
                break
            text = short_text(el, 80)
            if text is None:
                break
            found = _COUNTER.search(text)
            if found:
                return FieldFinding(
                    int((found[1] or found[2]).replace(",", "")), "interaction counter"
                )
            el = el.getparent()
    return None
