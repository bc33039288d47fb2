"""JSON (indented, one object) and JSON Lines (one object on one line) output."""

from __future__ import annotations

import json

from ..article import Article

# Characters that JSON allows raw inside strings but that some line splitters (str.splitlines,
# editors) treat as line ends: escaped in JSON Lines so that one record is always one line.
_LINE_BREAKERS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def render_json(article: Article) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render_jsonl(article: Article) -> str:
    line = json.dumps(article.to_dict(), ensure_ascii=False, separators=(",", ":"))
    for char, escape in _LINE_BREAKERS.items():
        line = line.replace(char, escape)
    return line + "\n"
