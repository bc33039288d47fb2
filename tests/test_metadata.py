"""The metadata stage, one strategy per test: title, published/modified, authors and editors,
source, section, comments_count, site_name, canonical and the refinements that need the body
(zhangye_cli/metadata/).

Each page is built inline and aimed at one strategy. Stage tests call ``extract_metadata`` on the
parsed page; behaviour that needs the body (credits in closing lines, the headline before the
body) goes through ``zhangye_cli.extract``. Negative cases are as important as positive ones:
an editor is not an author, a year alone is not a date.
"""

from __future__ import annotations

import json

import pytest

import zhangye_cli
from zhangye_cli import Article, Config
from zhangye_cli.metadata import Metadata, extract_metadata
from zhangye_cli.parse import parse_page
from zhangye_cli.profiles import select_profile
from zhangye_cli.records import DecodedPage, EncodingDecision, RawPage

HEADLINE = "张掖市召开全市教育工作会议"
TITLE_TAG = f"{HEADLINE}_中国张掖网"
ZGZYW_URL = "http://www.zgzyw.com.cn/zgzywxw/system/2022/03/03/030.shtml"
P1 = "市教育局局长在会上作了工作报告，总结了过去一年全市教育工作取得的成绩，分析了当前形势。"
P2 = "会议要求，各学校要把安全工作放在首位，切实加强校园管理，确保师生安全，办好人民满意的教育。"
P3 = "会上，各县区教育局负责人分别作了交流发言，并签订了目标管理责任书，明确了今年的重点任务。"
BODY = f'<div class="con"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>'
EN_PROSE = (
    "<p>The city council voted on Tuesday to approve the new budget, after a long debate. "
    "Members said the plan would fund schools, roads and parks for the coming year.</p>"
)


def page(body: str, title: str = TITLE_TAG, head: str = "") -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
        f"<body>{body}</body></html>"
    )


def meta_of(html: str, url: str | None = None, **options: object) -> Metadata:
    config = Config().with_options(**options)
    raw = RawPage(html.encode("utf-8"), url=url)
    parsed = parse_page(DecodedPage(raw, html, EncodingDecision("utf-8", "text")), config)
    return extract_metadata(parsed, select_profile(parsed.base_url, config), config)


def extract(html: str, url: str | None = None, **options: object) -> Article:
    return zhangye_cli.extract(html.encode("utf-8"), url=url, **options)


def strategy(meta: Metadata, name: str) -> str | None:
    found = meta.findings.get(name)
    return found.strategy if found else None


def fields(article: Article) -> dict[str, str]:
    return dict(article.extractor.fields)


# --- title -----------------------------------------------------------------------------------


def test_h1_matching_the_title_tag_beats_the_title_tag_with_its_suffix() -> None:
    meta = meta_of(page(f"<h1>{HEADLINE}</h1>{BODY}"))
    assert meta.value("title") == HEADLINE
    assert strategy(meta, "title") == "h1 matching <title>"
    assert meta.title_element is not None and meta.title_element.tag == "h1"


def test_the_longest_matching_heading_wins_over_a_logo_h1() -> None:
    html = page(f'<div class="logo"><h1>中国张掖网</h1></div><h2>{HEADLINE}</h2>{BODY}')
    meta = meta_of(html)
    assert meta.value("title") == HEADLINE
    assert strategy(meta, "title") == "h2 matching <title>"


def test_a_logo_box_reading_the_site_name_of_the_title_tag_is_no_headline() -> None:
    """The <title> names the story otherwise than the page's headline: the site-title box is the
    only element inside <title>, and it reads the site's name."""
    html = page(
        f'<div class="site-title">National Review</div><h1>The Impeachment Clock</h1>{EN_PROSE}',
        title="Adam Schiff Working against the Clock | National Review",
    )
    meta = meta_of(html)
    assert meta.value("title") == "The Impeachment Clock"
    assert strategy(meta, "title") == "first h1"


def test_og_title_when_no_element_matches_the_title_tag() -> None:
    head = '<meta property="og:title" content="甘州区启动春耕备耕工作 - 新华网">'
    meta = meta_of(page(f"<h2>栏目导航</h2>{BODY}", title="新华网首页", head=head))
    assert meta.value("title") == "甘州区启动春耕备耕工作"
    assert strategy(meta, "title") == "meta og:title"
    assert meta.title_element is None


def test_english_og_title_loses_its_site_name() -> None:
    head = '<meta property="og:title" content="Council approves new budget | The Daily">'
    meta = meta_of(page(EN_PROSE, title="The Daily", head=head))
    assert meta.value("title") == "Council approves new budget"


def test_title_tag_without_its_suffix_when_nothing_else_names_the_headline() -> None:
    meta = meta_of(page(BODY))
    assert meta.value("title") == HEADLINE
    assert strategy(meta, "title") == "<title> without site name"


def test_the_profile_selector_finds_the_title_on_its_site() -> None:
    meta = meta_of(page(f"<h1>{HEADLINE}</h1>{BODY}", title="中国张掖网"), url=ZGZYW_URL)
    assert meta.value("title") == HEADLINE
    assert strategy(meta, "title") == "profile"


# --- published and modified ------------------------------------------------------------------

INFO_LINE = '<div class="info">发布时间：2022-03-01 08:00</div>'
META_DATE = '<meta name="publishdate" content="2022-03-02">'
LD_DATE = (
    '<script type="application/ld+json">'
    '{"@type": "NewsArticle", "datePublished": "2022-03-03T09:00:00+08:00"}</script>'
)
TIME_TAG = '<p><time datetime="2022-03-04T01:00:00Z">3月4日</time></p>'
DATED_URL = "http://www.example.cn/news/2022/0305/123.html"

# Each source in order of trust, with what it gives when every stronger one is absent.
LADDER = [
    ("info", "2022-03-01T08:00:00+08:00", "info line 发布时间"),
    ("meta", "2022-03-02", "meta publishdate"),
    ("ld", "2022-03-03T09:00:00+08:00", "json-ld datePublished"),
    ("time", "2022-03-04T01:00:00+00:00", "<time>"),
    ("url", "2022-03-05", "url"),
]


def dated_page(sources: set[str]) -> tuple[str, str | None]:
    head = (META_DATE if "meta" in sources else "") + (LD_DATE if "ld" in sources else "")
    body = f"<h1>{HEADLINE}</h1>" + (INFO_LINE if "info" in sources else "") + BODY
    body += TIME_TAG if "time" in sources else ""
    return page(body, head=head), DATED_URL if "url" in sources else None


@pytest.mark.parametrize(("first", "expected", "how"), LADDER, ids=[s for s, _, _ in LADDER])
def test_published_takes_the_strongest_source_present(first: str, expected: str, how: str) -> None:
    names = [name for name, _, _ in LADDER]
    html, url = dated_page(set(names[names.index(first) :]))
    meta = meta_of(html, url=url)
    assert meta.value("published") == expected
    assert strategy(meta, "published") == how


def test_chinese_pages_get_plus_eight() -> None:
    head = '<meta name="PubDate" content="2022-03-03 10:20">'
    meta = meta_of(page(f"<h1>{HEADLINE}</h1>{BODY}", head=head))
    assert meta.value("published") == "2022-03-03T10:20:00+08:00"
    assert meta.offset == "+08:00"


def test_english_pages_get_no_invented_offset() -> None:
    head = '<meta name="PubDate" content="2022-03-03 10:20">'
    meta = meta_of(page(f"<h1>Council approves budget</h1>{EN_PROSE}", title="News", head=head))
    assert meta.value("published") == "2022-03-03T10:20:00"
    assert meta.offset is None


def test_the_config_offset_is_used_for_chinese_pages_without_a_profile() -> None:
    meta = meta_of(page(f"<h1>{HEADLINE}</h1>{INFO_LINE}{BODY}"), offset="+09:00")
    assert meta.value("published") == "2022-03-01T08:00:00+09:00"


def test_english_info_line_date_with_am_pm() -> None:
    html = page(
        f"<h1>Council approves budget</h1><p>March 3, 2022 at 5:30 pm</p>{EN_PROSE}",
        title="Council approves budget",
    )
    meta = meta_of(html)
    assert meta.value("published") == "2022-03-03T17:30:00"
    assert strategy(meta, "published") == "info line date"


@pytest.mark.parametrize(
    "line", ["发布时间：2022年", "时间：2022年3月", "日期：2022年03月  浏览次数：35", "2022年度"]
)
def test_a_date_line_without_a_full_day_gives_no_published(line: str) -> None:
    html = page(f"<h1>{HEADLINE}</h1><div>{line}</div>{BODY}")
    meta = meta_of(html)
    assert meta.value("published") is None
    assert extract(html).published is None


def test_the_only_lone_date_on_an_e_paper_page() -> None:
    side = "<div class='dSearch'><strong> 2022年02月12日 </strong></div>"
    meta = meta_of(page(f"{side}<h1>{HEADLINE}</h1>{BODY}"))
    assert meta.value("published") == "2022-02-12"
    assert strategy(meta, "published") == "lone date on the page"


def test_lone_dates_of_a_list_of_stories_give_no_published() -> None:
    stories = "".join(
        f"<li><a>甘州区新闻{i}</a><span>2022-03-0{i}</span></li>" for i in range(1, 4)
    )
    meta = meta_of(page(f"<ul>{stories}</ul><h1>{HEADLINE}</h1>{BODY}"))
    assert meta.value("published") is None


def test_an_update_time_is_modified_not_published() -> None:
    meta = meta_of(page(f"<h1>{HEADLINE}</h1><div>更新时间：2022-03-05 10:00</div>{BODY}"))
    assert meta.value("published") is None
    assert meta.value("modified") == "2022-03-05T10:00:00+08:00"
    assert strategy(meta, "modified") == "info line 更新时间"


def test_modified_from_json_ld() -> None:
    head = (
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
        '{"@type": "NewsArticle", "dateModified": "2022-03-04T09:00:00+08:00"}]}</script>'
    )
    meta = meta_of(page(f"<h1>{HEADLINE}</h1>{BODY}", head=head))
    assert meta.value("modified") == "2022-03-04T09:00:00+08:00"
    assert strategy(meta, "modified") == "json-ld dateModified"


# --- authors and editors ---------------------------------------------------------------------


def test_author_in_the_lead_in_parentheses() -> None:
    lead = f"<p>中国张掖网讯据张掖日报报道(记者王瑞云){P1}</p>"
    meta = meta_of(page(f"<h1>{HEADLINE}</h1><div>{lead}<p>{P2}</p></div>"))
    assert meta.value("authors") == ["王瑞云"]
    assert strategy(meta, "authors") == "credit line"


def test_reporters_and_a_correspondent_in_the_info_line() -> None:
    html = page(f"<h1>{HEADLINE}</h1><div>记者 张三 李四 通讯员 王五</div>{BODY}")
    assert meta_of(html).value("authors") == ["张三", "李四", "王五"]


def test_wen_slash_names_the_author() -> None:
    html = page(f"<h1>{HEADLINE}</h1><div class='con'><p>文/马俊峰</p><p>{P1}</p></div>")
    assert meta_of(html).value("authors") == ["马俊峰"]


def test_zuozhe_label_before_another_field() -> None:
    html = page(f"<h1>{HEADLINE}</h1><div>作者：胡平　来源：张掖日报</div>{BODY}")
    meta = meta_of(html)
    assert meta.value("authors") == ["胡平"]
    assert meta.value("source") == "张掖日报"


def test_zuozhe_label_before_the_publish_time() -> None:
    html = page(f"<h1>{HEADLINE}</h1><div>作者：胡平　发布时间：2022-03-03 10:00</div>{BODY}")
    assert meta_of(html).value("authors") == ["胡平"]


def test_wen_tu_with_a_space_names_the_author() -> None:
    html = page(f"<h1>{HEADLINE}</h1><div class='con'><p>文/图 马俊峰</p><p>{P1}</p></div>")
    assert meta_of(html).value("authors") == ["马俊峰"]


def test_zuozhe_with_an_affiliation_in_parentheses() -> None:
    html = page(f"<h1>{HEADLINE}</h1><div>作者：胡平（甘州区作家协会会员）</div>{BODY}")
    assert meta_of(html).value("authors") == ["胡平"]


def test_trailing_names_closing_the_last_paragraph() -> None:
    closing = f"<p>{P3}（常书香 马丹阳）</p>"
    article = extract(page(f"<h1>{HEADLINE}</h1><div><p>{P1}</p><p>{P2}</p>{closing}</div>"))
    assert article.authors == ("常书香", "马丹阳")
    assert fields(article)["authors"] == "credit in the closing lines"


def test_a_closing_credit_with_a_rare_surname_after_its_separator() -> None:
    """栗 is no common surname: after "文/" a name needs none (run-on "记者观察" still does)."""
    closing = "<p>文/栗思</p><p>编辑/倪家宁</p>"
    article = extract(page(f"<h1>{HEADLINE}</h1><div><p>{P1}</p><p>{P2}</p>{closing}</div>"))
    assert article.authors == ("栗思",)
    assert article.editors == ("倪家宁",)


def test_a_platform_disclaimer_is_a_notice() -> None:
    disclaimer = (
        "特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，"
        "本平台仅提供信息存储服务。"
    )
    article = extract(
        page(f"<h1>{HEADLINE}</h1><div><p>{P1}</p><p>{P2}</p><p>{disclaimer}</p></div>")
    )
    assert disclaimer not in article.text
    assert article.notices == (disclaimer,)


def test_byline_element_by_class() -> None:
    html = page(f'<h1>{HEADLINE}</h1><div class="author">张三 李四</div>{BODY}')
    meta = meta_of(html)
    assert meta.value("authors") == ["张三", "李四"]
    assert strategy(meta, "authors") == "byline element"


def test_photo_credit_when_nothing_else_credits_anyone() -> None:
    html = page(
        f"<h1>{HEADLINE}</h1><div><p>{P1}</p><p><img src='a.jpg'></p>"
        f"<p>图为市民参观展览。蔡雪婧/摄</p><p>{P2}</p></div>"
    )
    article = extract(html)
    assert article.authors == ("蔡雪婧",)
    assert fields(article)["authors"] == "photo credit"


def test_a_bare_name_under_the_headline() -> None:
    article = extract(page(f"<h1>{HEADLINE}</h1><div>胡平</div>{BODY}"))
    assert article.authors == ("胡平",)
    assert fields(article)["authors"] == "name under the headline"


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        (["犬儒病(上)", "胡平", "——当代中国的精神危机"], ["胡平"]),  # the headline again first
        (["胡平", "正文"], ["胡平"]),
        ([P1, "胡平"], None),  # after a paragraph a name is no byline
        (["显示", "胡平"], ["胡平"]),  # the <title> text itself is skipped
    ],
)
def test_a_bare_name_under_the_headline_first_or_second(
    info: list[str], expected: list[str] | None
) -> None:
    from zhangye_cli.headtags import HeadTags
    from zhangye_cli.metadata.bylines import weaker_authors
    from zhangye_cli.textindex import TextIndex

    head = HeadTags(meta={}, links={}, ld=(), title="", script_time=None)
    found = weaker_authors(TextIndex((), "", ()), head, info, None, "显示")
    names = [f.value for f in found if f.strategy == "name under the headline"]
    assert names == ([expected] if expected else [])


def test_a_news_agency_in_json_ld_is_no_author() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"author": {"@type": "Organization", "name": "法新社"}}</script>'
    )
    assert extract(page(f"<h1>{HEADLINE}</h1>{BODY}", head=head)).authors == ()


def test_json_ld_author_when_the_page_credits_no_one() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"author": {"@type": "Person", "name": "刘晓东"}}</script>'
    )
    article = extract(page(f"<h1>{HEADLINE}</h1>{BODY}", head=head))
    assert article.authors == ("刘晓东",)
    assert fields(article)["authors"] == "json-ld author"


def test_edit_and_discuss_buttons_name_no_editor() -> None:
    meta = meta_of(page(f"<h1>{HEADLINE}</h1>{BODY}<div><a>编辑</a> <a>讨论</a></div>"))
    assert meta.value("editors") is None


def test_an_editor_is_not_an_author() -> None:
    html = page(f"<h1>{HEADLINE}</h1>{BODY}<div>责任编辑：张三</div>")
    meta = meta_of(html)
    assert meta.value("editors") == ["张三"]
    assert strategy(meta, "editors") == "editor line"
    article = extract(html)
    assert article.editors == ("张三",)
    assert article.authors == ()
    assert "张三" not in article.text


def test_an_editor_in_the_info_line_is_not_an_author() -> None:
    html = page(f"<h1>{HEADLINE}</h1><div>来源：张掖日报 责任编辑：张三</div>{BODY}")
    article = extract(html)
    assert article.editors == ("张三",)
    assert article.authors == ()
    assert article.source == "张掖日报"


def test_editor_label_and_name_in_separate_elements() -> None:
    html = page(f"<h1>{HEADLINE}</h1>{BODY}<div><span>编辑：</span><span>李四</span></div>")
    assert meta_of(html).value("editors") == ["李四"]


def test_an_editor_followed_by_the_publish_time() -> None:
    html = page(f"<h1>{HEADLINE}</h1><div>责任编辑：张三　发布时间：2022-03-03</div>{BODY}")
    assert meta_of(html).value("editors") == ["张三"]


def test_an_editor_line_followed_by_previous_next_links() -> None:
    html = page(
        f"<h1>{HEADLINE}</h1>{BODY}<div>责任编辑：马丹阳</div>"
        "<div><p>上一篇：<a href='/1.html'>甘州区召开工作会议</a></p></div>"
    )
    assert meta_of(html).value("editors") == ["马丹阳"]


@pytest.mark.parametrize("label", ["关键字", "关键词", "标签", "相关链接", "相关阅读"])
def test_a_label_after_the_editor_is_no_editor(label: str) -> None:
    html = page(f"<h1>{HEADLINE}</h1>{BODY}<div>责任编辑：刘光博</div><div>{label}：</div>")
    assert meta_of(html).value("editors") == ["刘光博"]


def test_chief_editor_in_a_sentence_is_no_editor_line() -> None:
    html = page(f"<h1>{HEADLINE}</h1><div class='con'><p>总编辑王五说，{P1}</p><p>{P2}</p></div>")
    assert meta_of(html).value("editors") is None


def test_a_reporter_learning_something_is_no_credit() -> None:
    lead = f"<p>记者从市教育局获悉，{P1}</p>"
    html = page(f"<h1>{HEADLINE}</h1><div>{lead}<p>{P2}</p></div>")
    assert meta_of(html).value("authors") is None
    assert extract(html).authors == ()


@pytest.mark.parametrize("who", ["新京报", "张掖市教育局", "张掖日报社"])
def test_an_organisation_after_zuozhe_is_no_author(who: str) -> None:
    html = page(f"<h1>{HEADLINE}</h1><div>作者：{who}</div>{BODY}")
    assert meta_of(html).value("authors") is None
    assert extract(html).authors == ()


def test_a_meta_author_equal_to_the_editor_is_not_used() -> None:
    head = '<meta name="author" content="张三">'
    article = extract(page(f"<h1>{HEADLINE}</h1>{BODY}<div>责任编辑：张三</div>", head=head))
    assert article.editors == ("张三",)
    assert article.authors == ()


def test_a_meta_author_other_than_the_editor_is_used() -> None:
    head = '<meta name="author" content="李明">'
    article = extract(page(f"<h1>{HEADLINE}</h1>{BODY}<div>责任编辑：张三</div>", head=head))
    assert article.authors == ("李明",)
    assert fields(article)["authors"] == "meta author"


def test_the_body_credit_beats_the_meta_author() -> None:
    head = '<meta name="author" content="李明">'
    lead = f"<p>（记者王瑞云）{P1}</p>"
    article = extract(page(f"<h1>{HEADLINE}</h1><div>{lead}<p>{P2}</p></div>", head=head))
    assert article.authors == ("王瑞云",)


def test_a_closing_parenthesis_that_is_no_name() -> None:
    closing = f"<p>{P3}现场气氛热烈（见图）</p>"
    article = extract(page(f"<h1>{HEADLINE}</h1><div><p>{P1}</p><p>{P2}</p>{closing}</div>"))
    assert article.authors == ()


# --- source ----------------------------------------------------------------------------------


def test_source_keeps_a_single_space_between_names() -> None:
    html = page(f"<h1>{HEADLINE}</h1><div>来源:张掖市广播电视台 张掖日报</div>{BODY}")
    meta = meta_of(html)
    assert meta.value("source") == "张掖市广播电视台 张掖日报"
    assert strategy(meta, "source") == "来源 cue"


@pytest.mark.parametrize(
    "line",
    [
        "来源：张掖日报\u3000作者：胡平",
        "来源：张掖日报\u3000\u3000浏览次数：12",
        "来源：张掖日报 发布时间：2022-03-03",
        "来源：张掖日报 2022-03-03 10:00",
        "来源：张掖日报|浏览次数：12",
        "来源：张掖日报  点击：35",
        "来源：<a href='#'>张掖日报</a> 作者：胡平",
    ],
)
def test_source_ends_at_a_wide_space_or_the_next_cue(line: str) -> None:
    html = page(f"<h1>{HEADLINE}</h1><div>{line}</div>{BODY}")
    assert meta_of(html).value("source") == "张掖日报"


def test_source_ends_before_a_reporter_credit_in_parentheses() -> None:
    html = page(f"<h1>{HEADLINE}</h1><div>来源：张掖日报（记者 王瑞云）</div>{BODY}")
    meta = meta_of(html)
    assert meta.value("source") == "张掖日报"
    assert meta.value("authors") == ["王瑞云"]


def test_source_value_in_the_element_after_the_label() -> None:
    html = page(f"<h1>{HEADLINE}</h1><div><span>来源：</span><span>甘肃日报</span></div>{BODY}")
    assert meta_of(html).value("source") == "甘肃日报"


def test_source_from_a_meta_tag_when_the_page_has_no_cue() -> None:
    meta = meta_of(
        page(f"<h1>{HEADLINE}</h1>{BODY}", head='<meta name="source" content="张掖日报">')
    )
    assert meta.value("source") == "张掖日报"
    assert strategy(meta, "source") == "meta source"


# --- section ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "crumb",
    [
        "您当前的位置 : <a>中国张掖网</a> &gt;&gt; <a>问政</a> &gt;&gt; <a>卢小亨活动报道集</a>",
        "<span>您当前的位置 :</span> <a>中国张掖网</a> &gt;&gt; <a>问政</a> &gt;&gt; "
        "<a>卢小亨活动报道集</a>",
    ],
)
def test_section_from_the_breadcrumb_without_its_label(crumb: str) -> None:
    meta = meta_of(page(f'<div class="lm">{crumb}</div><h1>{HEADLINE}</h1>{BODY}'))
    assert meta.value("section") == ["中国张掖网", "问政", "卢小亨活动报道集"]
    assert strategy(meta, "section") == "breadcrumb cue"


def test_section_drops_the_headline_and_a_zhengwen_item() -> None:
    crumb = f"当前位置：<a>首页</a> &gt; <a>新闻</a> &gt; 正文 &gt; {HEADLINE}"
    meta = meta_of(page(f"<div>{crumb}</div><h1>{HEADLINE}</h1>{BODY}"))
    assert meta.value("section") == ["首页", "新闻"]


def test_section_ends_at_zhengwen_run_together_with_a_button() -> None:
    crumb = (
        '<div class="post_crumb"><a>网易首页</a> &gt; <a>网易号</a> &gt; 正文\n'
        '<a class="to_reg">申请入驻</a></div>'
    )
    meta = meta_of(page(f"{crumb}<h1>{HEADLINE}</h1>{BODY}"))
    assert meta.value("section") == ["网易首页", "网易号"]


def test_section_from_a_crumb_class_of_links() -> None:
    crumb = '<div class="crumbs"><a>首页</a><a>新闻</a><a>本地</a></div>'
    meta = meta_of(page(f"{crumb}<h1>{HEADLINE}</h1>{BODY}"))
    assert meta.value("section") == ["首页", "新闻", "本地"]
    assert strategy(meta, "section") == "breadcrumb class"


def test_section_from_a_json_ld_breadcrumb_list() -> None:
    items = [{"name": "首页"}, {"item": {"name": "教育"}}]
    ld = json.dumps({"@type": "BreadcrumbList", "itemListElement": items}, ensure_ascii=False)
    head = f'<script type="application/ld+json">{ld}</script>'
    meta = meta_of(page(f"<h1>{HEADLINE}</h1>{BODY}", head=head))
    assert meta.value("section") == ["首页", "教育"]
    assert strategy(meta, "section") == "json-ld BreadcrumbList"


def test_no_breadcrumb_no_section() -> None:
    assert meta_of(page(f"<h1>{HEADLINE}</h1>{BODY}")).value("section") is None


# --- comments_count --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counter", "expected"),
    [
        ('<span class="num">0</span> 人参与互动', 0),
        ("<em>1,234</em><span>人参与</span>", 1234),
        ("评论（<b>56</b>）", 56),
        ("<a>跟帖</a><span>[8]</span>", 8),
    ],
)
def test_comments_count_from_a_counter_split_across_elements(counter: str, expected: int) -> None:
    meta = meta_of(page(f'<h1>{HEADLINE}</h1><div class="hd">{counter}</div>{BODY}'))
    assert meta.value("comments_count") == expected
    assert strategy(meta, "comments_count") == "interaction counter"


def test_a_counter_label_without_a_number_gives_nothing() -> None:
    meta = meta_of(page(f"<h1>{HEADLINE}</h1><div>参与互动</div>{BODY}"))
    assert meta.value("comments_count") is None


def test_a_comment_link_beside_a_hotline_number_is_no_counter() -> None:
    items = ("首页", "网友评论", "12345政务热线")
    menu = "<ul class='top'>" + "".join(f"<li><a>{item}</a></li>" for item in items) + "</ul>"
    meta = meta_of(page(f"{menu}<h1>{HEADLINE}</h1>{BODY}"))
    assert meta.value("comments_count") is None


def test_counter_becomes_a_field_and_leaves_the_text() -> None:
    html = page(f"<h1>{HEADLINE}</h1><div><span>0</span> 人参与互动</div>{BODY}")
    article = extract(html, url=ZGZYW_URL)
    assert article.comments_count == 0
    assert "人参与互动" not in article.text


# --- site name, canonical, description, keywords ---------------------------------------------


def test_site_name_from_the_profile() -> None:
    meta = meta_of(page(f"<h1>{HEADLINE}</h1>{BODY}", title=HEADLINE), url=ZGZYW_URL)
    assert meta.value("site_name") == "中国张掖网"
    assert strategy(meta, "site_name") == "profile zgzyw"


def test_site_name_from_og_site_name_then_the_title_suffix() -> None:
    head = '<meta property="og:site_name" content="张掖在线">'
    meta = meta_of(page(f"<h1>{HEADLINE}</h1>{BODY}", head=head))
    assert (meta.value("site_name"), strategy(meta, "site_name")) == (
        "张掖在线",
        "meta og:site_name",
    )
    meta = meta_of(page(f"<h1>{HEADLINE}</h1>{BODY}"))
    assert (meta.value("site_name"), strategy(meta, "site_name")) == (
        "中国张掖网",
        "<title> suffix",
    )


def test_no_site_name_when_the_title_tag_is_the_headline() -> None:
    assert meta_of(page(f"<h1>{HEADLINE}</h1>{BODY}", title=HEADLINE)).value("site_name") is None


def test_canonical_is_made_absolute() -> None:
    head = '<link rel="Canonical" href="/news/1.html">'
    meta = meta_of(page(BODY, head=head), url="http://www.example.cn/a/b.html?from=list")
    assert meta.value("canonical_url") == "http://www.example.cn/news/1.html"
    assert strategy(meta, "canonical_url") == "link canonical"


def test_canonical_from_og_url() -> None:
    head = '<meta property="og:url" content="http://www.zgzyw.com.cn/x.html">'
    assert meta_of(page(BODY, head=head)).value("canonical_url") == "http://www.zgzyw.com.cn/x.html"


def test_canonical_from_og_url_names_its_strategy() -> None:
    head = '<meta property="og:url" content="http://www.zgzyw.com.cn/x.html">'
    assert strategy(meta_of(page(BODY, head=head)), "canonical_url") == "meta og:url"


def test_description_is_squashed_and_keywords_split() -> None:
    head = (
        '<meta name="description" content=" 会议 总结\n  工作 ">'
        '<meta name="keywords" content="教育,会议；张掖、 安全">'
    )
    meta = meta_of(page(BODY, head=head))
    # spaces collapse; a line break between two CJK characters is a wrapped line and vanishes
    assert meta.value("description") == "会议 总结工作"
    assert meta.value("keywords") == ["教育", "会议", "张掖", "安全"]


# --- refine: what needs the body -------------------------------------------------------------

LINK_BAR = '<div class="links">' + "".join(f"<a href='/c{i}'>栏目{i}</a> " for i in range(25))


def test_a_blog_post_heading_beats_the_blog_name_in_the_first_h1() -> None:
    html = (
        "<html><head><meta charset='utf-8'></head><body>"
        "<h1 class='title'>bjreader的博客</h1><div><a href='/'>回首页</a></div>"
        "<div class='entity'><h2 class='diaryTitle'>谁来为无序拆房“埋单”？- -</h2>"
        f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>"
    )
    article = extract(html)
    assert article.title == "谁来为无序拆房“埋单”？"
    assert fields(article)["title"] == "heading before the body"


def test_a_short_section_label_by_the_body_does_not_replace_the_title() -> None:
    html = page(f"<div>在线荐稿</div><div class='c'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>")
    assert extract(html).title == HEADLINE


def test_headline_before_the_body_when_the_title_tag_names_only_the_site() -> None:
    html = page(
        f"{LINK_BAR}</div><div><b>{HEADLINE}</b><br>2022年03月03日 10:00</div>{BODY}",
        title="中国张掖网",
    )
    article = extract(html)
    assert article.title == HEADLINE
    assert fields(article)["title"] == "heading before the body"
    assert article.published == "2022-03-03T10:00:00+08:00"
    assert fields(article)["published"] == "date by the headline"


def test_a_strong_title_is_not_replaced_by_a_heading_near_the_body() -> None:
    html = page(f"<h1>{HEADLINE}</h1><div><b>会议精神要点摘编</b></div>{BODY}")
    article = extract(html)
    assert article.title == HEADLINE
    assert fields(article)["title"] == "h1 matching <title>"


def test_headline_before_the_body_on_a_short_page() -> None:
    """The <title> in <head> is not text near the body, however short the page."""
    html = page(f"<div><b>{HEADLINE}</b><br>2022年03月03日</div>{BODY}", title="中国张掖网")
    assert extract(html).title == HEADLINE


def test_following_texts_reads_after_the_element_in_document_order() -> None:
    from lxml import etree

    from zhangye_cli.metadata.lookup import following_texts, info_texts

    root = etree.fromstring(
        "<html><body><div><h1>标题<b>内</b></h1>尾一<p>时间：<span>2022-03-03</span>后</p>"
        "<script>var x=1;</script></div>外<p>来源：张掖日报</p></body></html>",
        etree.HTMLParser(),
    )
    h1 = root.find(".//h1")
    texts = [text for _holder, text in following_texts(h1)]
    assert texts == ["尾一", "时间：", "2022-03-03", "后", "var x=1;", "外", "来源：张掖日报"]
    assert info_texts(h1) == ["尾一", "时间：", "2022-03-03", "后", "外", "来源：张掖日报"]
