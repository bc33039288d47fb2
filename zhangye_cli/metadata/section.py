"""The breadcrumb (您当前的位置 : 中国张掖网 >> 问政 >> ...) as a list of section names."""

from __future__ import annotations

import re
from typing import Any

from ..rules import CUES
from ..text import squash

_LABELS = CUES["breadcrumb"] + ("位置",)
_LABEL = re.compile(
    r"^.*?(?:" + "|".join(map(re.escape, _LABELS)) + r")\s*[:：]?\s*"
)
_SEPARATORS = re.compile(r"\s*(?:>>|＞＞|>|＞|»|›|→|/ | /|\\)\s*")
_CLASS_XPATH = (
    "//body//*[contains(@class,'crumb') or contains(@id,'crumb') or contains(@class,'position') "
    "or contains(@id,'position') or contains(@class,'location') or contains(@class,'weizhi') "
    "or contains(@class,'dqwz') or contains(@id,'dqwz') or contains(@class,'curpos')]"
)
_DROP_ITEMS = frozenset({"正文", "内容", "详情", "文章", "正文内容", "阅读文章"})


def _items(text: str, title: str | None) -> list[str]:
    parts = [p.strip(" :：-") for p in _SEPARATORS.split(text)]
    out = [p for p in parts if p and p not in _DROP_ITEMS and len(p) <= 30]
    if title and out and "".join(out[-1].split()) == "".join(title.split()):
        out.pop()
    return out


def find_section(root: Any, title: str | None) -> tuple[list[str], str] | None:
    cue_test = " or ".join(f"contains(., '{label}')" for label in CUES["breadcrumb"])
    for node in root.xpath(f"//body//text()[{cue_test}]"):
        el = node.getparent()
        text = squash(el.text_content())
        # The crumbs are usually siblings of the label: climb to the element holding them.
        while len(text) < 12 and el.getparent() is not None:
            el = el.getparent()
            text = squash(el.text_content())
        if len(text) > 200:
            continue
        label = _LABEL.match(text)
        items = _items(text[label.end():] if label else text, title)
        if items:
            return items, "breadcrumb cue"
    for el in root.xpath(_CLASS_XPATH):
        text = squash(el.text_content())
        if not text or len(text) > 200:
            continue
        if _SEPARATORS.search(text) or len(el.findall(".//a")) >= 2:
            label = _LABEL.match(text)
            items = _items(text[label.end():] if label else text, title)
            if len(items) < 2 and len(el.findall(".//a")) >= 2:
                items = [squash(a.text_content()) for a in el.iter("a")]
                items = [i for i in items if i]
            if items:
                return items, "breadcrumb class"
    return None


def section_from_ld(ld: tuple[dict[str, Any], ...]) -> list[str] | None:
    for obj in ld:
        if obj.get("@type") == "BreadcrumbList" and isinstance(obj.get("itemListElement"), list):
            names = []
            for item in obj["itemListElement"]:
                if isinstance(item, dict):
                    name = item.get("name") or (item.get("item") or {}).get("name")
                    if isinstance(name, str) and name.strip():
                        names.append(name.strip())
            if names:
                return names
    return None
