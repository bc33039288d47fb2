"""Writers: JSON, JSON Lines, Markdown (front matter that always round-trips) and text."""

from __future__ import annotations

import json

import pytest
import yaml
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from zhangye_cli.article import Article, Block, Image
from zhangye_cli.writers import render
from zhangye_cli.writers.markdown import escape_line, escape_text, yaml_string

BODY = (
    Block("paragraph", text="中国张掖网讯　3月3日，市委书记深入调研。他强调，要对标对表抓创建。"),
    Block("heading", text="一、基本情况", level=2),
    Block("list", items=("第一项：道路整治。", "第二项：绿化提升。"), ordered=True),
    Block("list", items=("甲", "乙"), ordered=False),
    Block("image", image=Image("http://www.example.cn/img/a b(1).jpg", "现场", "调研现场")),
    Block("quote", text="创建为民、创建靠民。"),
    Block("table", rows=(("项目", "进度"), ("道路|桥梁", "80%"), ("绿化",))),
)


def make_article(title: str | None = "盧小亨調研創建全國文明城市工作", **fields: object) -> Article:
    values: dict[str, object] = {
        "url": "http://www.zgzyw.com.cn/zhzx/zyxw/2022-03-03/870591.html",
        "title": title,
        "published": "2022-03-03T23:55:00+08:00",
        "authors": ("王瑞云",),
        "editors": ("李四",),
        "source": "张掖市广播电视台 张掖日报",
        "section": ("中国张掖网", "问政", "卢小亨活动报道集"),
        "blocks": BODY,
    }
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def split_front_matter(markdown: str) -> tuple[dict[str, object], str]:
    assert markdown.startswith("---\n")
    head, _, body = markdown[4:].partition("\n---\n")
    loaded = yaml.safe_load(head)
    assert isinstance(loaded, dict)
    return loaded, body


# --- JSON and JSON Lines ------------------------------------------------------------------------


def test_json_is_the_record_indented_with_raw_chinese() -> None:
    article = make_article()
    out = render(article, "json")
    assert out.endswith("}\n")
    assert '\n  "title": "盧小亨調研創建全國文明城市工作",' in out  # indent 2, not \u escapes
    assert json.loads(out) == article.to_dict()


def test_jsonl_is_one_line_even_with_unicode_line_separators() -> None:
    article = make_article(title="第一行\u2028第二行\u2029第三\x85行\n第四行")
    out = render(article, "jsonl")
    assert out.endswith("\n") and out.count("\n") == 1
    assert len(out.splitlines()) == 1  # str.splitlines also splits on U+2028/2029/0085
    assert json.loads(out) == article.to_dict()


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render(make_article(), "pdf")


# --- Markdown front matter ----------------------------------------------------------------------

AWKWARD_STRINGS = [
    'He said "hello"',
    "it's",
    "key: value",
    "# not a comment",
    "- not a list",
    "? not a key",
    "multi\nline\n\ntitle",
    "yes",
    "No",
    "null",
    "~",
    "true",
    "123",
    "0x1F",
    "1e3",
    "2022-03-03",
    "[a, b]",
    "{a: b}",
    "&anchor",
    "*alias",
    "!tag",
    "%directive",
    "@at",
    "`tick",
    "| pipe",
    "> folded",
    "back\\slash \\n not a newline",
    "tab\there",
    "  leading and trailing  ",
    "",
    "---",
    "...",
    "emoji 😀 and 𠀀 (astral)",
    "中文：标题（一）——“引号”《书名》",
    "\u3000全角空格开头",
    "line\u2028separator\u2029paragraph\x85next",
    "controls \x00\x07\x1b\x7f\x9f",
    "\ufeffbom",
    "\ufffd replacement",
]


@pytest.mark.parametrize("value", AWKWARD_STRINGS)
def test_front_matter_round_trips_any_string(value: str) -> None:
    article = make_article(
        title=value,
        source=value,
        authors=(value, "王瑞云"),
        section=("中国张掖网", value),
        url=value,
        canonical_url=value,
        published=value,
        editors=(value,),
    )
    front, _ = split_front_matter(render(article, "markdown"))
    assert front == {
        "title": value,
        "published": value,
        "authors": [value, "王瑞云"],
        "editors": [value],
        "source": value,
        "section": ["中国张掖网", value],
        "url": value,
        "canonical_url": value,
    }


def test_front_matter_nulls_and_empty_lists() -> None:
    article = Article(blocks=(Block("paragraph", text="正文。"),))
    front, _ = split_front_matter(render(article, "markdown"))
    assert front == {
        "title": None,
        "published": None,
        "authors": [],
        "editors": [],
        "source": None,
        "section": [],
        "url": None,
        "canonical_url": None,
    }


def test_yaml_string_keeps_chinese_readable() -> None:
    assert yaml_string("张掖日报") == '"张掖日报"'
    assert yaml_string('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'


# --- Markdown body ------------------------------------------------------------------------------


def test_markdown_layout_of_every_block_type() -> None:
    out = render(make_article(), "markdown")
    _, body = split_front_matter(out)
    assert body.startswith("\n# 盧小亨調研創建全國文明城市工作\n\n中国张掖网讯　3月3日")
    assert "\n\n## 一、基本情况\n\n" in body
    assert "1. 第一项：道路整治。\n2. 第二项：绿化提升。" in body
    assert "- 甲\n- 乙" in body
    assert "![现场](http://www.example.cn/img/a%20b%281%29.jpg)\n\n*调研现场*" in body
    assert "\n> 创建为民、创建靠民。\n" in body
    assert "| 项目 | 进度 |\n|---|---|\n| 道路\\|桥梁 | 80% |\n| 绿化 |   |" in body
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_markdown_renders_to_the_same_structure() -> None:
    """A CommonMark (+ tables) renderer reads back headings, lists, image, quote and table."""
    _, body = split_front_matter(render(make_article(), "markdown"))
    rendered = MarkdownIt("commonmark").enable("table").render(body)
    tree = lxml_html.fromstring(f"<div>{rendered}</div>")
    assert tree.xpath("string(//h1)") == "盧小亨調研創建全國文明城市工作"
    assert tree.xpath("string(//h2)") == "一、基本情况"
    assert tree.xpath("//ol/li/text()") == ["第一项：道路整治。", "第二项：绿化提升。"]
    assert tree.xpath("//ul/li/text()") == ["甲", "乙"]
    assert tree.xpath("//img/@alt") == ["现场"]
    assert tree.xpath("string(//p/em)") == "调研现场"
    assert tree.xpath("normalize-space(//blockquote)") == "创建为民、创建靠民。"
    assert [c.text_content() for c in tree.xpath("//tbody/tr[1]/td")] == ["道路|桥梁", "80%"]


MARKDOWN_LOOKALIKES = [
    "*不是强调* 和 _也不是_ 和 **粗体**",
    "# 不是标题",
    "## 也不是标题 #",
    "1. 不是列表",
    "2022) 不是列表",
    "- 不是列表",
    "+ 不是列表",
    "> 不是引用",
    "=====",
    "<script>alert(1)</script> 与 <b>标签</b>",
    "&amp; 与 &#20013; 与 &lt; 不是实体，& 单独出现",
    "[不是链接](http://example.cn) 与 ![不是图片](a.png)",
    "`不是代码` 与 ``也不是``",
    "a | b | c",
    "反斜杠 \\ 与 \\* 与 C:\\path",
    "~~不是删除线~~",
    "    四个空格开头不是代码块",
    "第一行\n第二行\n- 第三行不是列表",
]


@pytest.mark.parametrize("text", MARKDOWN_LOOKALIKES)
def test_markdown_escaping_renders_the_text_itself(text: str) -> None:
    markdown = escape_text(text)
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    tree = lxml_html.fromstring(f"<div>{rendered}</div>")
    assert len(tree) == 1 and tree[0].tag == "p", rendered  # one paragraph, nothing else
    shown = tree.text_content().strip()
    expected_lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert shown.splitlines() == expected_lines


def test_escaping_leaves_plain_chinese_alone() -> None:
    text = "中国张掖网讯（记者王瑞云）3月3日，市委书记深入调研。“创建为民”！"
    assert escape_line(text) == text


# --- text ---------------------------------------------------------------------------------------


def test_text_is_title_blank_line_body() -> None:
    article = make_article()
    assert render(article, "text") == f"{article.title}\n\n{article.text}\n"


def test_text_without_title_is_the_body() -> None:
    article = make_article(title=None)
    assert render(article, "text") == article.text + "\n"
