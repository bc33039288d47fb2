"""The text and attribute indexes: one string per page, searched once, each match traced back
to its node (zhangye_cli/textindex.py)."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from zhangye_cli.text import alternation
from zhangye_cli.textindex import SHORT_NODE, TextIndex, attribute_index, build_text_index


def body(html: str) -> etree._Element:
    root = etree.fromstring(f"<html><body>{html}</body></html>", etree.HTMLParser())
    return root.find("body")


def test_matches_in_several_nodes_map_to_their_own_nodes() -> None:
    scope = body(
        "<div><p>记者王瑞云</p><span>来源：张掖日报</span>尾部文字"
        "<p>来源：甘肃日报</p><em>来源</em></div>"
    )
    index = build_text_index(scope)
    assert [str(n) for n in index.nodes] == [
        "记者王瑞云",
        "来源：张掖日报",
        "尾部文字",
        "来源：甘肃日报",
        "来源",
    ]
    hits = [(i, m.start()) for i, m in index.search(re.compile("来源"))]
    assert [i for i, _ in hits] == [1, 3, 4]
    assert [index.starts[i] for i, _ in hits] == [start for _, start in hits]
    owners = [index.nodes[i].getparent().tag for i, _ in hits]
    assert owners == ["span", "p", "em"]


def test_occurrences_of_words_give_position_node_and_word() -> None:
    index = build_text_index(body("<p>copyright 2022</p><p>newsletter, newsletter</p><p>x</p>"))
    found = sorted(index.occurrences(("newsletter", "copyright", "absent")))
    assert [(i, word) for _, i, word in found] == [
        (0, "copyright"),
        (1, "newsletter"),
        (1, "newsletter"),
    ]
    assert [index.joined[at : at + len(word)] for at, _, word in found] == [
        word for _, _, word in found
    ]


def test_a_match_at_the_end_of_a_node_stays_in_that_node() -> None:
    index = build_text_index(body("<p>发布时间</p><p>2022-03-03</p>"))
    hits = list(index.search(re.compile(r"时间|\d{4}-\d{2}-\d{2}")))
    assert [(i, m.group(0)) for i, m in hits] == [(0, "时间"), (1, "2022-03-03")]


def test_tail_text_is_a_node_whose_parent_is_the_element_before_it() -> None:
    index = build_text_index(body("<div><b>标签</b>尾巴</div>"))
    ((i, _match),) = index.search(re.compile("尾巴"))
    node = index.nodes[i]
    assert node.is_tail
    assert node.getparent().tag == "b"


def test_a_pattern_may_anchor_on_the_separator_before_its_node() -> None:
    index = build_text_index(body("<p>首页</p><p> &gt; </p><p>新闻 &gt; 要闻</p>"))
    lone = re.compile(r"\x00\s*>\s*(?=\x00|$)")
    assert [i for i, _ in index.search(lone)] == [1]
    assert index.joined.startswith("\x00")


def test_matches_do_not_cross_nodes() -> None:
    index = build_text_index(body("<p>责任</p><p>编辑</p>"))
    assert list(index.search(re.compile("责任编辑"))) == []


def test_blank_and_long_nodes_are_left_out() -> None:
    long_text = "长" * (SHORT_NODE + 1)
    index = build_text_index(body(f"<p>  \n </p><p>{long_text}</p><p>{'短' * SHORT_NODE}</p>"))
    assert [len(n) for n in index.nodes] == [SHORT_NODE]


def test_following_gives_the_node_and_the_next_ones() -> None:
    index = build_text_index(body("<p>来源：</p><a>张掖日报</a><p>编辑</p><p>末尾</p>"))
    assert index.following(0, 1) == ["来源：", "张掖日报"]
    assert index.following(2, 5) == ["编辑", "末尾"]
    assert all(type(t) is str for t in index.following(0, 3))


def test_an_empty_scope_gives_an_empty_index() -> None:
    index = build_text_index(body(""))
    assert index == TextIndex(nodes=(), joined="", starts=())
    assert list(index.search(re.compile("."))) == []


def test_attribute_index_holds_class_and_id_values_lower_cased() -> None:
    scope = body('<div id="MainBox" class="Article-Content"><p class="ShareBar">x</p></div>')
    index = attribute_index(scope, lower=True)
    assert index.joined.split("\x00") == ["", "mainbox", "article-content", "sharebar"]
    ((i, match),) = index.search(re.compile("sharebar"))
    attr = index.nodes[i]
    assert attr.attrname == "class"
    assert attr.getparent().tag == "p"
    assert match.start() == index.starts[i]


def test_attribute_index_keeps_case_unless_asked() -> None:
    scope = body('<div class="ShareBar">x</div>')
    assert attribute_index(scope).joined == "\x00ShareBar"


def test_attribute_index_ignores_other_attributes() -> None:
    scope = body('<div title="Share" data-x="nav" style="color:red">x</div>')
    assert attribute_index(scope, lower=True).nodes == ()


def test_attribute_index_lower_cases_beside_a_chinese_class() -> None:
    scope = body('<div class="正文"><p class="ShareBar">x</p></div>')
    assert attribute_index(scope, lower=True).joined == "\x00正文\x00sharebar"


def test_alternation_matches_what_a_flat_alternation_matches_longest_first() -> None:
    words = ["nav", "navbar", "news", "a.b", "上一篇", "上一页", "share"]
    trie = re.compile(alternation(words))
    flat = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    sample = "navbar nav-item newsx a.b axb 上一篇 上一页 上 shares sha"
    assert [m.group(0) for m in trie.finditer(sample)] == [
        m.group(0) for m in flat.finditer(sample)
    ]
    assert trie.fullmatch("navbar") and not trie.fullmatch("axb")


def test_short_text_reads_an_element_only_when_it_is_short() -> None:
    from zhangye_cli.text import short_text

    scope = body("<div><p>来源： 张掖日报</p><p>" + "长文" * 300 + "</p></div>")
    assert short_text(scope.find(".//p"), 20) == "来源： 张掖日报"
    assert short_text(scope.find("div"), 20) is None
    spaced = body("<p>" + " " * 500 + "短句" + " " * 500 + "</p>").find("p")
    assert short_text(spaced, 20) == "短句"


def test_nodes_with_gives_each_node_holding_a_word_once_in_document_order() -> None:
    index = build_text_index(
        body("<p>来源：张掖日报 来源：甘肃</p><p>编辑</p><p>本站来源</p><p>无</p>")
    )
    assert index.nodes_with(("来源", "编辑")) == [0, 1, 2]
    assert index.nodes_with(("没有",)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("张掖市召开\n  全市会议", "张掖市召开全市会议"),  # the source wrapped a line
        ("张掖 \t\n\n 会议", "张掖会议"),
        ("Zhangye\n会议", "Zhangye 会议"),  # a break beside a Latin word stays a space
        ("会议。\u3000\r\n\t\u3000开始", "会议。 开始"),  # U+3000 is both space and CJK
        ("one\ntwo", "one two"),
    ],
)
def test_squash_takes_out_line_breaks_between_cjk_characters(text: str, expected: str) -> None:
    from zhangye_cli.text import squash

    assert squash(text) == expected
