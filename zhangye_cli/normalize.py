"""Normalisation of the Article's text fields as named steps.

Each step is a function ``text -> (text, count)`` applied to every text field of the Article
(title, site name, source, authors, editors, section, keywords, notices, description, block
texts, list items, table cells, image alt texts and captions). A step that changed something
adds ``RepairStep(name, count)`` to ``article.repairs``; ``count`` is the number of characters
it removed or replaced.

- ``drop-invisible``: zero-width characters (U+200B, U+200C, U+2060, U+FEFF, U+00AD, U+180E;
  U+200D outside emoji sequences) and control characters other than line breaks and tabs.
- ``collapse-whitespace``: runs of white space become one space; line breaks inside a
  paragraph are kept (blank lines dropped); the U+3000 paragraph indent at the start of a
  paragraph and runs made only of U+3000 inside a line are kept; ends are trimmed.
- ``drop-replacement``: U+FFFD left by bytes no codec could read.
- ``script-simplified`` / ``script-traditional`` (``config.script``): OpenCC conversion.
- ``punct-ascii`` / ``punct-fullwidth`` (``config.punct``): Chinese punctuation to ASCII (and
  the U+3000 indent and spaces to plain spaces), or ASCII punctuation next to Han characters to
  its full-width form.

There is no blanket NFKC: full-width punctuation and the U+3000 indent stay unless ``punct``
asks otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from .article import Article, Block, Image
from .config import Config
from .records import RepairStep

# A step sees the text and whether it is a paragraph (which may keep line breaks and an indent).
StepFunction = Callable[[str, bool], tuple[str, int]]

# --- drop-invisible --------------------------------------------------------------------------

_INVISIBLE = re.compile(
    "[\u200b\u200c\u2060\ufeff\u00ad\u180e\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
    "|(?<![\U0001f000-\U0001faff\u2600-\u27bf\ufe0f])\u200d"
    "|\u200d(?![\U0001f000-\U0001faff\u2600-\u27bf])"
)
# Any character the pattern above might remove: one character class, which the engine scans for
# quickly, before the slower pattern runs on the few texts that have one.
_INVISIBLE_ANY = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)


def drop_replacement(text: str, paragraph: bool = False) -> tuple[str, int]:
    """Remove U+FFFD: what bytes no codec could read left behind (the repair stage has already
    put back what it could)."""
    return text.replace("\ufffd", ""), text.count("\ufffd")


def drop_invisible(text: str, paragraph: bool = False) -> tuple[str, int]:
    """Remove zero-width and control characters (keeps line breaks, tabs and emoji joiners)."""
    if not _INVISIBLE_ANY.search(text):
        return text, 0
    out, count = _INVISIBLE.subn("", text)
    return out, count


# --- collapse-whitespace ---------------------------------------------------------------------

# White space that ends or collapses: ASCII, no-break and typographic spaces, and U+3000.
_EDGE = " \t\r\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_EDGE_CHARS = " \t\r\f\v\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
# Only runs that are not already one plain space need a look (most spaces are).
_ODD_SPACE = re.compile(f"[{_EDGE.replace(' ', '')}]")
_RUN = re.compile(f"[{_EDGE}]{{2,}}|[{_EDGE.replace(' ', '')}]")
_INDENT = re.compile(f"[{_EDGE}]*?(\u3000+)")


def _collapse_line(line: str, keep_indent: bool) -> str:
    indent = ""
    if keep_indent:
        match = _INDENT.match(line)
        if match:
            indent = match.group(1)
    inner = line.strip(_EDGE_CHARS)

    def run(match: re.Match[str]) -> str:
        spaces = match.group(0)
        return spaces if spaces.strip("\u3000") == "" else " "

    if not inner:
        return ""
    if "  " in inner or _ODD_SPACE.search(inner):
        inner = _RUN.sub(run, inner)
    return indent + inner


def collapse_whitespace(text: str, paragraph: bool = False) -> tuple[str, int]:
    """Collapse runs of white space; a paragraph keeps its line breaks and U+3000 indent."""
    if paragraph:
        lines = [_collapse_line(line, True) for line in text.replace("\r\n", "\n").split("\n")]
        out = "\n".join(line for line in lines if line)
    else:
        out = _collapse_line(text.replace("\r", " ").replace("\n", " "), False)
    if out == text:
        return text, 0
    return out, max(len(text) - len(out), 1)


# --- script ----------------------------------------------------------------------------------


def script_simplified(text: str, paragraph: bool = False) -> tuple[str, int]:
    """Traditional characters to simplified (OpenCC; Taiwan forms undone when present)."""
    from .repair.script import to_simplified

    return to_simplified(text)


def script_traditional(text: str, paragraph: bool = False) -> tuple[str, int]:
    """Simplified characters to traditional in Taiwan's standard forms (OpenCC s2tw)."""
    from .repair.script import to_traditional

    return to_traditional(text)


# --- punctuation -----------------------------------------------------------------------------

_TO_ASCII = {
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},
    "。": ".",
    "、": ",",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "「": '"',
    "」": '"',
    "『": '"',
    "』": '"',
    "【": "[",
    "】": "]",
    "〔": "[",
    "〕": "]",
    "《": "<",
    "》": ">",
    "〈": "<",
    "〉": ">",
    "…": "...",
    "\u3000": " ",
}
_TO_ASCII_TABLE = str.maketrans(_TO_ASCII)
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WIDE_NEAR_HAN = re.compile(
    f"(?<=[{_HAN}])[,;:!?()]|[,;:!?()](?=[{_HAN}])|(?<=[{_HAN}])\\.(?=[{_HAN}]|\\s|$)"
)
_FULLWIDTH = dict(zip(",;:!?().", "，；：！？（）。", strict=True))


def punct_ascii(text: str, paragraph: bool = False) -> tuple[str, int]:
    """Chinese and full-width punctuation to ASCII; U+3000 to a space (an indent is dropped)."""
    out = text.translate(_TO_ASCII_TABLE)
    if paragraph:
        out = "\n".join(
            line.lstrip(" ") if text_line.startswith("\u3000") else line
            for line, text_line in zip(out.split("\n"), text.split("\n"), strict=False)
        )
    else:
        out = out.strip(" ") if text.startswith("\u3000") or text.endswith("\u3000") else out
    if out == text:
        return text, 0
    return out, sum(1 for a, b in zip(text, out, strict=False) if a != b) or 1


def punct_fullwidth(text: str, paragraph: bool = False) -> tuple[str, int]:
    """ASCII punctuation written against Han characters to its full-width form."""
    out, count = _WIDE_NEAR_HAN.subn(lambda m: _FULLWIDTH[m.group(0)], text)
    return out, count


# --- applying steps to the Article -----------------------------------------------------------


def _steps(config: Config) -> list[tuple[str, StepFunction]]:
    steps: list[tuple[str, StepFunction]] = [
        ("drop-invisible", drop_invisible),
        ("drop-replacement", drop_replacement),
        ("collapse-whitespace", collapse_whitespace),
    ]
    if config.script == "simplified":
        steps.append(("script-simplified", script_simplified))
    elif config.script == "traditional":
        steps.append(("script-traditional", script_traditional))
    if config.punct == "ascii":
        steps.append(("punct-ascii", punct_ascii))
    elif config.punct == "fullwidth":
        steps.append(("punct-fullwidth", punct_fullwidth))
    return steps


class _Fixer:
    """Applies a list of steps to many fields in one pass, adding up what each step changed."""

    def __init__(self, steps: list[tuple[str, StepFunction]]) -> None:
        self.steps = steps
        self.counts = dict.fromkeys((name for name, _ in steps), 0)

    def text(self, value: str, paragraph: bool = False) -> str:
        if not value:
            return value
        for name, step in self.steps:
            out, n = step(value, paragraph)
            if out != value:
                self.counts[name] += n or 1
                value = out
        return value

    def optional(self, value: str | None) -> str | None:
        if value is None:
            return None
        return self.text(value) or None

    def many(self, values: tuple[str, ...]) -> tuple[str, ...]:
        out = tuple(v for v in (self.text(v) for v in values) if v)
        return values if out == values else out

    def image(self, image: Image) -> Image:
        alt, caption = self.text(image.alt), self.text(image.caption)
        if alt == image.alt and caption == image.caption:
            return image
        return replace(image, alt=alt, caption=caption)

    def block(self, block: Block) -> Block:
        text = self.text(block.text, paragraph=block.type in ("paragraph", "quote"))
        items = self.many(block.items)
        rows = tuple(tuple(self.text(cell) for cell in row) for row in block.rows)
        image = self.image(block.image) if block.image is not None else None
        if (text, items, rows, image) == (block.text, block.items, block.rows, block.image):
            return block
        return replace(block, text=text, items=items, rows=rows, image=image)

    def article(self, article: Article) -> Article:
        return replace(
            article,
            title=self.optional(article.title),
            site_name=self.optional(article.site_name),
            source=self.optional(article.source),
            description=self.optional(article.description),
            authors=self.many(article.authors),
            editors=self.many(article.editors),
            section=self.many(article.section),
            keywords=self.many(article.keywords),
            notices=self.many(article.notices),
            images=tuple(self.image(i) for i in article.images),
            blocks=tuple(self.block(b) for b in article.blocks),
        )


def apply_step(article: Article, step: StepFunction) -> tuple[Article, int]:
    """Apply one step to every text field; return the new Article and the total count."""
    fixer = _Fixer([("step", step)])
    return fixer.article(article), fixer.counts["step"]


def _texts(article: Article) -> Iterator[str]:
    """Every text field the steps apply to (as ``_Fixer.article`` walks them)."""
    yield from (article.title or "", article.site_name or "", article.source or "")
    yield article.description or ""
    for values in (article.authors, article.editors, article.section, article.keywords):
        yield from values
    yield from article.notices
    images = [*article.images, *(b.image for b in article.blocks if b.image is not None)]
    for image in images:
        yield image.alt
        yield image.caption
    for block in article.blocks:
        yield block.text
        yield from block.items
        for row in block.rows:
            yield from row


# What a step can change, told before it runs field by field: most articles need neither step
# (str.isprintable, in C, is false for every control, format and odd space character they
# remove). A later step always runs once an earlier one does: dropping a character can leave
# two spaces side by side.
def _shows_invisible(texts: list[str]) -> bool:
    return any(_INVISIBLE_ANY.search(t) for t in texts if not t.isprintable())


def _shows_replacement(texts: list[str]) -> bool:
    return any("\ufffd" in t for t in texts)


def _shows_loose_space(texts: list[str]) -> bool:
    return any(
        not t.isprintable() or "  " in t or t.startswith(" ") or t.endswith(" ") for t in texts
    )


_GATES: dict[str, Callable[[list[str]], bool]] = {
    "drop-invisible": _shows_invisible,
    "drop-replacement": _shows_replacement,
    "collapse-whitespace": _shows_loose_space,
}


def normalize_article(article: Article, config: Config) -> Article:
    """Apply the named normalisation steps to every text field (all in one pass over the
    fields); record each step that changed text, with how much."""
    texts = [t for t in _texts(article) if t]
    active: list[tuple[str, StepFunction]] = []
    for name, step in _steps(config):
        gate = _GATES.get(name)
        if active or gate is None or gate(texts):
            active.append((name, step))
    if not active:
        return article
    fixer = _Fixer(active)
    article = fixer.article(article)
    steps = tuple(RepairStep(name, n) for name, n in fixer.counts.items() if n)
    return replace(article, repairs=article.repairs + steps)
