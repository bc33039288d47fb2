"""Markdown output: YAML front matter, ``# title``, then the body blocks.

Every front-matter string is written as a YAML double-quoted scalar with escapes, so any title
(quotes, colons, ``#``, a leading ``-``, newlines, ``yes``/``null``, control characters, emoji)
reads back as exactly the same string. Body text is escaped so that it renders as the text it is,
not as Markdown syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..article import Article, Block, Image

# --- YAML front matter -------------------------------------------------------------------------

_YAML_NAMED_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\0": "\\0",
}


def _yaml_char(char: str) -> str:
    named = _YAML_NAMED_ESCAPES.get(char)
    if named is not None:
        return named
    code = ord(char)
    # Printable in YAML and not a line break: written as is (keeps Chinese text readable).
    if 0x20 <= code <= 0x7E or (0xA0 <= code <= 0xD7FF and code not in (0x2028, 0x2029)):
        return char
    if (0xE000 <= code <= 0xFFFD and code != 0xFEFF) or code >= 0x10000:
        return char
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def yaml_string(value: str) -> str:
    """``value`` as a YAML double-quoted scalar that loads back to the same string."""
    return '"' + "".join(_yaml_char(c) for c in value) + '"'


def yaml_value(value: str | Sequence[str] | None) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return yaml_string(value)
    return "[" + ", ".join(yaml_string(v) for v in value) + "]"


def front_matter(article: Article) -> str:
    fields: list[tuple[str, str | Sequence[str] | None]] = [
        ("title", article.title),
        ("published", article.published),
        ("authors", article.authors),
        ("editors", article.editors),
        ("source", article.source),
        ("section", article.section),
        ("url", article.url),
        ("canonical_url", article.canonical_url),
    ]
    lines = ["---", *(f"{name}: {yaml_value(value)}" for name, value in fields), "---"]
    return "\n".join(lines) + "\n"


# --- Markdown escaping -------------------------------------------------------------------------

# ASCII punctuation that can start Markdown syntax anywhere in a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# An HTML entity or character reference, which a renderer would turn into a character.
_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
# Syntax that only counts at the start of a line: headings, quotes, list markers, rules.
_LINE_START = re.compile(r"^([#>+=-])")
_ORDERED_MARKER = re.compile(r"^(\d{1,9})([.)])")


def escape_inline(text: str) -> str:
    """Escape characters that Markdown would read as emphasis, code, links, HTML or tables."""
    return _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", text))


def escape_line(line: str) -> str:
    """Escape one line of text, including syntax that only counts at the start of a line."""
    line = escape_inline(line.lstrip(" \t"))
    line = _LINE_START.sub(r"\\\1", line)
    return _ORDERED_MARKER.sub(r"\1\\\2", line)


def _lines(text: str) -> list[str]:
    return [line for line in (raw.strip(" \t") for raw in text.splitlines()) if line]


def escape_text(text: str) -> str:
    """A paragraph's text: each line escaped, lines joined by hard line breaks."""
    return "\\\n".join(escape_line(line) for line in _lines(text))


def _one_line(text: str) -> str:
    return " ".join(_lines(text))


# --- blocks -------------------------------------------------------------------------------------

_URL_UNSAFE = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "\n": "", "\t": ""}


def _url(src: str) -> str:
    return "".join(_URL_UNSAFE.get(c, c) for c in src.strip())


def render_image(image: Image) -> str:
    markdown = f"![{escape_inline(_one_line(image.alt))}]({_url(image.src)})"
    caption = _one_line(image.caption)
    if caption:
        markdown += f"\n\n*{escape_line(caption)}*"
    return markdown


def _render_list(items: Iterable[str], ordered: bool) -> str:
    out: list[str] = []
    number = 0
    for item in items:
        lines = [escape_line(line) for line in _lines(item)]
        if not lines:
            continue
        number += 1
        marker = f"{number}. " if ordered else "- "
        indent = " " * len(marker)
        out.append(marker + ("\\\n" + indent).join(lines))
    return "\n".join(out)


def _table_cell(cell: str) -> str:
    return "<br>".join(escape_line(line) for line in _lines(cell)) or " "


def _render_table(rows: Sequence[Sequence[str]]) -> str:
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    cells = [[_table_cell(c) for c in row] + [" "] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "|".join(["---"] * width) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return "\n".join(lines)


def render_block(block: Block) -> str:
    """One body block as Markdown ("" when it has nothing to show)."""
    if block.type == "heading":
        level = min(max(block.level or 2, 2), 6)  # the article title is the only level-1 heading
        text = _one_line(block.text)
        return f"{'#' * level} {escape_line(text)}" if text else ""
    if block.type == "list":
        return _render_list(block.items, block.ordered)
    if block.type == "table":
        return _render_table(block.rows)
    if block.type == "image":
        return render_image(block.image) if block.image is not None else ""
    if block.type == "quote":
        body = escape_text(block.text)
        return "\n".join(f"> {line}" for line in body.split("\n")) if body else ""
    return escape_text(block.text)


def render_markdown(article: Article) -> str:
    parts = [front_matter(article).rstrip("\n")]
    title = _one_line(article.title or "")
    if title:
        parts.append(f"# {escape_line(title)}")
    parts += [md for md in (render_block(b) for b in article.blocks) if md]
    return "\n\n".join(parts) + "\n"
