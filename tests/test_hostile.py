"""Hostile and odd input: every case ends in an Article or a ZhangyeError, never another
exception (the CLI maps other exceptions to "internal error", exit 1)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import zhangye_cli
from zhangye_cli.errors import EncodingError, NoArticleError, NotHTMLError, ProfileError
from zhangye_cli.metadata.credits import authors_in

PARAGRAPH = (
    "<p>张掖市召开全市工作会议，安排部署今年的重点任务。会议强调，要狠抓落实，确保取得实效。</p>"
)


def page(head: str = "", body: str = PARAGRAPH) -> bytes:
    return f"<html><head>{head}</head><body><h1>标题在这里</h1>{body}</body></html>".encode()


@pytest.mark.parametrize(
    "head,body",
    [
        ('<base href="http://[::1">', PARAGRAPH),
        ('<link rel="canonical" href="http://[::1">', PARAGRAPH),
        ('<meta property="og:url" content="http://[object Object]/a">', PARAGRAPH),
        ("", PARAGRAPH + '<p><img src="http://[object Object]/a.jpg" alt="图"></p>'),
    ],
)
def test_malformed_urls_do_not_crash(head: str, body: str) -> None:
    article = zhangye_cli.extract(page(head, body), url="http://www.zgzyw.com.cn/a.html")
    assert "全市工作会议" in article.text


def test_a_malformed_page_url_does_not_crash() -> None:
    article = zhangye_cli.extract(page(), url="http://[::1")
    assert article.url == "http://[::1"


@pytest.mark.parametrize(
    "ld",
    [
        '{"author": {"name": null}}',
        '{"author": {"name": ["甲", "乙"]}}',
        '{"@type": "BreadcrumbList", "itemListElement": [{"item": "http://x.cn/"}]}',
        "[" * 3000 + "]" * 3000,
        "{not json",
    ],
)
def test_json_ld_of_odd_shapes_is_ignored(ld: str) -> None:
    article = zhangye_cli.extract(page(f'<script type="application/ld+json">{ld}</script>'))
    assert article.authors == ()
    assert "全市工作会议" in article.text


@pytest.mark.parametrize(
    "data,error",
    [
        (b"%PDF-1.4 binary", NotHTMLError),
        (b"", NoArticleError),
        (b"   \n  ", NoArticleError),
        (b"<html><body><p>hi</p></body></html>", NoArticleError),
        ("<html><body><h1>标题</h1></body></html>".encode(), NoArticleError),
    ],
)
def test_no_article_or_no_page(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        zhangye_cli.extract(data)


def test_a_forced_codec_the_page_is_not_in_is_an_encoding_error() -> None:
    gbk = page(body=PARAGRAPH).decode().encode("gb18030")
    with pytest.raises(EncodingError):
        zhangye_cli.extract(gbk, encoding="ascii")


def test_a_utf16_label_on_ascii_compatible_bytes_reads_as_utf8() -> None:
    article = zhangye_cli.extract(page('<meta charset="utf-16">'))
    assert "全市工作会议" in article.text
    assert article.encoding is not None and article.encoding.name == "utf-8"


@pytest.mark.parametrize(
    "text",
    [
        "据记者观察，会场秩序井然。",
        "记者调查发现，问题仍然存在。",
        "记者手记：春天的张掖",
        "记者节当天，全市新闻工作者齐聚一堂",
        "从消费者、开发商、内容创作者、艺术家、出版商那里获取更多金钱。",
        "两位合作者王芳、李明共同完成了研究。",
    ],
)
def test_running_text_after_a_reporter_cue_is_no_name(text: str) -> None:
    assert authors_in(text) == []


@pytest.mark.parametrize(("text", "names"), [("本文作者：张三", ["张三"]), ("作者 李四", ["李四"])])
def test_a_credit_for_the_author_is_read(text: str, names: list[str]) -> None:
    assert authors_in(text) == names


def test_a_pager_is_no_body_text() -> None:
    body = PARAGRAPH + "<div>共3页 上一页 1 2 3 下一页 尾页</div>"
    article = zhangye_cli.extract(page(body=body))
    assert "下一页" not in article.text


def test_a_short_headline_is_kept_when_the_profile_names_the_site() -> None:
    html = f"<html><head><title>要闻_中国张掖网</title></head><body>{PARAGRAPH}</body></html>"
    article = zhangye_cli.extract(html.encode(), url="http://www.zgzyw.com.cn/a.html")
    assert article.title == "要闻"


@pytest.mark.parametrize(
    "toml,words",
    [
        ('name = "x"\nhosts = ["x.cn"]\n[selectors]\nbody = ["count(//p)"]\n', "compute a value"),
        ('name = "x"\nhosts = ["x.cn"]\n[selectors]\nbody = ["//a:p"]\n', "not valid XPath"),
        ('name = "x"\nhosts = ["x.cn"]\nselectors = 5\n', "must be a table"),
        ('name = "x"\nhosts = ["x.cn"]\nsite_name = 5\n', "must be text"),
        ('name = "x"\nhosts = ["x.cn"]\noffset = "bogus"\n', "+08:00"),
    ],
)
def test_bad_user_profiles_are_profile_errors(tmp_path: Path, toml: str, words: str) -> None:
    (tmp_path / "x.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ProfileError, match=re.escape(words)):
        zhangye_cli.extract(page(), url="http://x.cn/a.html", profiles_dir=tmp_path)


def test_a_profile_that_is_not_utf8_is_a_profile_error(tmp_path: Path) -> None:
    (tmp_path / "x.toml").write_bytes('name = "张"\n'.encode("gb18030"))
    with pytest.raises(ProfileError, match="UTF-8"):
        zhangye_cli.extract(page(), url="http://x.cn/a.html", profiles_dir=tmp_path)


def test_a_breadcrumb_without_label_or_class_is_found_by_its_separators() -> None:
    crumbs = "<div><a href=/>首页</a> &gt; <a href=/a>张掖日报</a> &gt; <a href=/b>要闻</a></div>"
    html = f"<html><body>{crumbs}<h1>会议召开</h1>{PARAGRAPH}</body></html>"
    assert zhangye_cli.extract(html.encode()).section == ("首页", "张掖日报", "要闻")


def test_a_counter_whose_number_stands_in_the_element_before_it() -> None:
    info = "来源:张掖日报<br>2022年03月03日 23:55<br><em>5</em> 人参与互动<br>"
    html = f"<html><body><h1>会议召开</h1><div>{info}</div>{PARAGRAPH}</body></html>"
    assert zhangye_cli.extract(html.encode()).comments_count == 5
