"""The parse stage: decoded text → lxml tree, base URL, language and the two text indexes
(zhangye_cli/parse.py)."""

from __future__ import annotations

import pytest

from zhangye_cli import Config
from zhangye_cli.errors import ExitCode, NoArticleError
from zhangye_cli.parse import _utf8_source, parse_page
from zhangye_cli.records import DecodedPage, EncodingDecision, ParsedPage, RawPage


def parse(text: str, url: str | None = None, config: Config | None = None) -> ParsedPage:
    raw = RawPage(text.encode("utf-8"), url=url, origin="page.html")
    decoded = DecodedPage(raw, text, EncodingDecision("utf-8", "text"))
    return parse_page(decoded, config or Config())


def test_a_plain_page() -> None:
    parsed = parse('<html lang="zh-CN"><head><title>标题</title></head><body><p>正文</p></body>')
    assert parsed.tree.tag == "html"
    assert parsed.tree.findtext(".//p") == "正文"
    assert parsed.lang == "zh-cn"
    assert parsed.base_url is None


def test_an_xml_declared_document_parses() -> None:
    """lxml refuses a str with an encoding declaration: the declaration is taken off."""
    text = (
        '<?xml version="1.0" encoding="gb2312"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="zh">'
        "<head><title>张掖</title></head><body><p>甘州区</p></body></html>"
    )
    parsed = parse(text)
    assert parsed.tree.tag == "html"
    assert parsed.tree.findtext(".//p") == "甘州区"
    assert parsed.tree.findtext(".//title") == "张掖"


def test_control_characters_are_dropped_and_the_text_around_them_kept() -> None:
    parsed = parse("<html><body><p>张\x01掖\x0b市\x1f<b>甘\x00州</b></p>\t\n</body></html>")
    assert "".join(parsed.tree.find(".//p").itertext()) == "张掖市甘州"


@pytest.mark.parametrize("codec", ["gb18030", "utf-8", "utf-16"])
def test_control_characters_are_dropped_whatever_the_codec(codec: str) -> None:
    from zhangye_cli.decode import decode_page

    text = "张掖市召开全市教育工作会议，会议要求各学校把安全工作放在首位。"
    page = (
        '<html><head><meta charset="gbk"></head><body>'
        f"<p>张\x01掖\x1f市</p><p>{text}</p></body></html>"
    )
    raw = RawPage(page.encode(codec), origin="page.html")  # utf-16 writes its BOM
    parsed = parse_page(decode_page(raw, Config()), Config())
    assert [p.text for p in parsed.tree.iter("p")] == ["张掖市", text]


@pytest.mark.parametrize("text", ["", "   \n\t ", "\x00\x01", '<?xml version="1.0"?>'])
def test_an_empty_document_raises_no_article(text: str) -> None:
    with pytest.raises(NoArticleError) as error:
        parse(text)
    assert error.value.exit_code == ExitCode.NO_ARTICLE
    assert "page.html" in str(error.value)
    assert "empty" in str(error.value)


def test_a_document_of_comments_only_raises_no_article() -> None:
    with pytest.raises(NoArticleError, match="no HTML elements"):
        parse("<!-- nothing here -->")


def test_comments_and_processing_instructions_are_removed() -> None:
    parsed = parse("<html><body><!-- 注释 --><p>正文<?php echo 1 ?></p></body></html>")
    assert "注释" not in parsed.texts.joined
    assert [str(n) for n in parsed.texts.nodes] == ["正文"]


def test_a_fragment_is_wrapped_into_a_document() -> None:
    parsed = parse("just some text")
    assert parsed.tree.tag == "html"
    assert parsed.tree.findtext("body") == "just some text"
    assert [str(n) for n in parsed.texts.nodes] == ["just some text"]


def test_base_url_from_the_raw_page_then_the_config() -> None:
    assert parse("<p>x</p>", url="http://a.cn/1.html").base_url == "http://a.cn/1.html"
    saved = Config(url="http://www.zgzyw.com.cn/a/1.html")
    assert parse("<p>x</p>", config=saved).base_url == "http://www.zgzyw.com.cn/a/1.html"
    assert parse("<p>x</p>", url="http://a.cn/1.html", config=saved).base_url == (
        "http://a.cn/1.html"
    )


def test_an_absolute_base_element_wins_and_a_relative_one_is_ignored() -> None:
    absolute = '<html><head><base href="https://cdn.zgzyw.com.cn/x/"></head><body>y</body></html>'
    assert parse(absolute, url="http://a.cn/").base_url == "https://cdn.zgzyw.com.cn/x/"
    relative = '<html><head><base href="/x/"></head><body>y</body></html>'
    assert parse(relative, url="http://a.cn/").base_url == "http://a.cn/"


def test_language_from_the_content_language_meta() -> None:
    text = (
        '<html><head><meta http-equiv="content-language" content=" ZH-cn "></head>'
        "<body>x</body></html>"
    )
    assert parse(text).lang == "zh-cn"
    assert parse(text.replace("content-language", "Content-Language")).lang == "zh-cn"
    assert parse("<html><body>x</body></html>").lang is None


@pytest.mark.parametrize("declared", ["utf-8", "gbk", "中文", "", "zh cn"])
def test_a_declared_language_that_is_none_is_ignored(declared: str) -> None:
    meta = f'<meta http-equiv="Content-Language" content="{declared}">'
    text = f'<html lang="{declared}"><head>{meta}</head><body>x</body></html>'
    assert parse(text).lang is None


def test_the_first_base_with_an_address_counts_wherever_it_stands() -> None:
    text = '<html><body><base target="_blank"><p>y</p><base href="https://b.cn/z/"></body></html>'
    assert parse(text, url="http://a.cn/").base_url == "https://b.cn/z/"


def test_indexes_cover_the_body_only() -> None:
    parsed = parse(
        '<html><head><title>头部标题</title></head><body class="Home">'
        '<div id="Main" class="Article Box"><p>短文字</p></div></body></html>'
    )
    assert "头部标题" not in parsed.texts.joined
    assert [str(n) for n in parsed.texts.nodes] == ["短文字"]
    assert parsed.attrs.joined.split("\x00") == ["", "home", "main", "article box"]


def _utf8_page(html: str, lossless: bool = True) -> DecodedPage:
    raw = RawPage(html.encode("utf-8"), origin="page.html")
    return DecodedPage(raw, html, EncodingDecision("utf-8", "utf8", lossless=lossless))


LYING_META = (
    '<html><head><meta charset="gbk"><title>张掖</title></head>'
    "<body><p>甘州区的新闻</p></body></html>"
)


def test_lossless_utf8_is_parsed_from_its_bytes_whatever_the_page_declares() -> None:
    decoded = _utf8_page(LYING_META)
    assert _utf8_source(decoded, decoded.text) is decoded.raw.data
    parsed = parse_page(decoded, Config())
    assert parsed.tree.findtext(".//p") == "甘州区的新闻"
    assert parsed.tree.findtext(".//title") == "张掖"


@pytest.mark.parametrize(
    "decoded",
    [
        _utf8_page(LYING_META, lossless=False),  # bad bytes were replaced: the text decides
        DecodedPage(RawPage(b"x"), LYING_META, EncodingDecision("utf-8", "text")),
        DecodedPage(
            RawPage(LYING_META.encode("gb18030")),
            LYING_META,
            EncodingDecision("gb18030", "meta", lossless=True),
        ),
    ],
)
def test_other_pages_are_parsed_from_their_text(decoded: DecodedPage) -> None:
    assert _utf8_source(decoded, decoded.text) is None
    assert parse_page(decoded, Config()).tree.findtext(".//p") == "甘州区的新闻"


def test_a_text_changed_before_parsing_is_parsed_as_changed() -> None:
    decoded = _utf8_page("<html><body><p>甲\x01乙</p></body></html>")
    assert parse_page(decoded, Config()).tree.findtext(".//p") == "甲乙"


def test_scripts_are_read_for_the_head_tags_then_stripped() -> None:
    ld = '{"@type": "NewsArticle", "headline": "甘州区新闻"}'
    parsed = parse(
        f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
        "<p>正文<script>var a = 1;</script>接着</p><noscript><p>请开启脚本</p></noscript>"
        "<template><p>模板</p></template><svg><title>分享图标</title></svg></body></html>"
    )
    assert parsed.head.ld_value("headline") == ("headline", "甘州区新闻")
    assert parsed.tree.find(".//script") is None
    assert parsed.tree.findtext(".//p") == "正文接着"
    for hidden in ("请开启脚本", "模板", "分享图标"):
        assert hidden not in parsed.texts.joined


def test_headings_and_times_are_found_in_the_one_walk_outside_stripped_blocks() -> None:
    parsed = parse(
        "<html><body><noscript><h1>旧版</h1><time>2020-01-01</time></noscript>"
        "<h2>栏目</h2><div><h1>标题</h1><time datetime='2022-03-03'>3月3日</time></div>"
        "<svg><title>图标</title></svg></body></html>"
    )
    assert [el.text for el in parsed.headings] == ["栏目", "标题"]
    assert [el.get("datetime") for el in parsed.times] == ["2022-03-03"]
