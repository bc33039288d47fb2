"""The only module that knows the order of the stages.

raw bytes → decode → repair → parse → metadata → clean → content → Article → normalize
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .article import Article, Extractor
from .clean import clean_page
from .config import Config
from .content import Content, extract_content
from .decode import decode_page
from .errors import NoArticleError
from .metadata import Metadata, extract_metadata
from .metadata.refine import refine_metadata
from .normalize import normalize_article
from .parse import parse_page
from .profiles import Profile, select_profile
from .records import CleanedPage, DecodedPage, ParsedPage, RawPage
from .repair import repair_text, utf8_cjk, utf8_latin_letters


def repair_page(decoded: DecodedPage, config: Config) -> DecodedPage:
    """Undo damage the text carried before we decoded it (skipped with ``repair=False``)."""
    if not config.repair:
        return decoded
    raw = decoded.raw
    from_utf8 = raw.text is None and decoded.encoding.name == "utf-8"
    # From UTF-8 bytes, which latin-1 letters and whether CJK characters are there is read in
    # the bytes, without scanning the text.
    latin_letters = utf8_latin_letters(raw.data, decoded.text) if from_utf8 else None
    cjk = not from_utf8 or utf8_cjk(raw.data)
    text, steps = repair_text(decoded.text, latin_letters, cjk)
    if not steps:
        return decoded
    return replace(decoded, text=text, repairs=decoded.repairs + steps)


MIN_ARTICLE_CHARS = 10  # less body text than this is no article (a stray "hi", a lone heading)


@dataclass(frozen=True)
class Trace:
    """Every stage's record for one page: what ``zhangye explain`` shows."""

    decoded: DecodedPage
    parsed: ParsedPage
    profile: Profile | None
    metadata: Metadata
    cleaned: CleanedPage
    content: Content
    article: Article | None  # None when the page has no article text

    def no_article(self) -> NoArticleError:
        origin = self.decoded.raw.origin
        if self.parsed.too_deep:
            return NoArticleError(
                f"{origin}: no article text found: the page nests its elements more than 256 "
                "deep, and the parser does not read past that (the page is broken or hostile)"
            )
        return NoArticleError(
            f"{origin}: no article text found on the page; "
            "check it is an article page (not a list or index), or try --profile none"
        )


def trace(raw: RawPage, config: Config) -> Trace:
    """Run every stage on one page and keep each stage's record."""
    decoded = repair_page(decode_page(raw, config), config)
    parsed = parse_page(decoded, config)
    profile = select_profile(parsed.base_url, config)
    meta = extract_metadata(parsed, profile, config)
    cleaned = clean_page(parsed, profile, meta.title_element)
    content = extract_content(cleaned, meta, profile, config)
    meta = refine_metadata(meta, content.blocks, content.body)
    if sum(len(b.plain_text()) for b in content.blocks) < MIN_ARTICLE_CHARS:
        return Trace(decoded, parsed, profile, meta, cleaned, content, None)
    article = Article(
        url=raw.url or config.url,
        canonical_url=meta.value("canonical_url"),
        site_name=meta.value("site_name"),
        title=meta.value("title"),
        published=meta.value("published"),
        modified=meta.value("modified"),
        authors=tuple(meta.value("authors") or ()),
        editors=tuple(meta.value("editors") or ()),
        source=meta.value("source"),
        section=tuple(meta.value("section") or ()),
        lang=content.lang,
        description=meta.value("description"),
        keywords=tuple(meta.value("keywords") or ()),
        comments_count=meta.value("comments_count"),
        notices=content.notices,
        images=content.images,
        blocks=content.blocks,
        encoding=decoded.encoding,
        repairs=decoded.repairs,
        extractor=Extractor(
            method="profile" if profile else "generic",
            profile=profile.name if profile else None,
            fields=meta.strategies() + content.strategies,
            removed=cleaned.removal_count + len(content.removals),
        ),
    )
    article = normalize_article(article, config)
    return Trace(decoded, parsed, profile, meta, cleaned, content, article)


def run(raw: RawPage, config: Config) -> Article:
    """Turn one page's bytes into an Article."""
    page = trace(raw, config)
    if page.article is None:
        raise page.no_article()
    return page.article
