"""The pipeline: ``trace`` keeps every stage's record, ``run`` returns the Article or raises
NoArticleError, and the Extractor records how each field was found (zhangye_cli/pipeline.py)."""

from __future__ import annotations

import pytest

import zhangye_cli
from zhangye_cli import Article, Config, RawPage
from zhangye_cli.content import Content
from zhangye_cli.errors import ExitCode, NoArticleError
from zhangye_cli.metadata import Metadata
from zhangye_cli.pipeline import Trace, repair_page, run, trace
from zhangye_cli.profiles import Profile
from zhangye_cli.records import CleanedPage, DecodedPage, EncodingDecision, ParsedPage

HEADLINE = "张掖市召开全市教育工作会议"
P1 = "市教育局局长在会上作了工作报告，总结了过去一年全市教育工作取得的成绩，分析了当前形势。"
P2 = "会议要求，各学校要把安全工作放在首位，切实加强校园管理，确保师生安全，办好人民满意的教育。"
P3 = "会上，各县区教育局负责人分别作了交流发言，并签订了目标管理责任书，明确了今年的重点任务。"
NOTICE = "(注:本文版权所有,未经授权,严禁转载!)"
ZGZYW_URL = "http://www.zgzyw.com.cn/zgzywxw/system/2022/03/03/030.shtml"

# A page laid out like the seed article: every piece of furniture it lists, and each field.
SEEDLIKE = f"""<html><head><meta charset="utf-8"><title>{HEADLINE}_中国张掖网</title>
<meta name="keywords" content="教育,会议"></head><body>
<div class="top"><a href="/">首页</a> | <a href="/xw/">新闻</a> | <a href="/wz/">问政</a></div>
<div class="lm">您当前的位置 : <a href="/">中国张掖网</a> &gt;&gt; <a href="/wz/">问政</a>
 &gt;&gt; <a href="/wz/lxh/">卢小亨活动报道集</a></div>
<div class="main">
 <h1>{HEADLINE}</h1>
 <div class="info">来源:张掖市广播电视台 张掖日报　<span class="hd"><em>0</em> 人参与互动</span>
  　2022年03月03日 23:55　字号 <a>大</a> <a>中</a> <a>小</a></div>
 <div class="content">
  <p>中国张掖网讯据张掖日报报道(记者王瑞云){P1}</p>
  <p>{P2}</p>
  <p><img src="/uploads/2022/0303/a.jpg"></p><p>会议现场</p>
  <p>{P3}</p>
  <p>{NOTICE}</p>
 </div>
 <div class="fx">分享到：<a>微信</a> <a>微博</a></div>
 <div class="bj">责任编辑：马丹阳</div>
 <div class="sxp"><p>上一篇：<a href="/1.html">甘州区召开工作会议</a></p>
  <p>下一篇：<a href="/3.html">临泽县举办文艺汇演</a></p></div>
 <div class="xgxw"><h3>相关新闻</h3><ul>
  <li><a href="/4.html">山丹县召开全县教育工作会议部署全年工作</a></li>
  <li><a href="/5.html">高台县教育工作会议召开明确重点任务安排</a></li>
  <li><a href="/6.html">民乐县召开教育工作会议安排部署有关工作</a></li></ul></div>
</div>
<div class="foot">版权所有：中国张掖网 陇ICP备05000000号 【打印本页】 【关闭窗口】</div>
</body></html>"""

BOILERPLATE = (
    "版权所有",
    "责任编辑",
    "人参与",
    "当前的位置",
    "上一篇",
    "下一篇",
    "分享到",
    "ICP备",
)


def raw(html: str, url: str | None = None) -> RawPage:
    return RawPage(
        html.encode("utf-8"), url=url, headers={"Content-Type": "text/html; charset=utf-8"}
    )


def test_trace_keeps_every_stage_record() -> None:
    page = trace(raw(SEEDLIKE, ZGZYW_URL), Config())
    assert isinstance(page, Trace)
    assert isinstance(page.decoded, DecodedPage)
    assert isinstance(page.parsed, ParsedPage)
    assert isinstance(page.profile, Profile) and page.profile.name == "zgzyw"
    assert isinstance(page.metadata, Metadata)
    assert isinstance(page.cleaned, CleanedPage)
    assert isinstance(page.content, Content)
    assert isinstance(page.article, Article)
    assert page.parsed.decoded is page.decoded
    assert page.cleaned.parsed is page.parsed
    assert page.cleaned.tree is page.parsed.tree  # cleaned in place
    assert page.decoded.encoding == EncodingDecision(
        "utf-8", "header", "utf-8", "declared utf-8 and the bytes agree", lossless=True
    )


def test_run_returns_the_traced_article() -> None:
    config = Config()
    assert run(raw(SEEDLIKE, ZGZYW_URL), config) == trace(raw(SEEDLIKE, ZGZYW_URL), config).article


def test_the_seedlike_page_end_to_end() -> None:
    article = zhangye_cli.extract(SEEDLIKE.encode("utf-8"), url=ZGZYW_URL)
    assert article.title == HEADLINE
    assert article.published == "2022-03-03T23:55:00+08:00"
    assert article.authors == ("王瑞云",)
    assert article.editors[0] == "马丹阳"  # the whole list: test_metadata's xfail
    assert article.source == "张掖市广播电视台 张掖日报"
    assert article.section == ("中国张掖网", "问政", "卢小亨活动报道集")
    assert article.comments_count == 0
    assert article.site_name == "中国张掖网"
    assert article.notices == (NOTICE,)
    assert article.keywords == ("教育", "会议")
    assert article.images[0].src == "http://www.zgzyw.com.cn/uploads/2022/0303/a.jpg"
    assert article.images[0].caption == "会议现场"
    assert article.lang == "zh"
    assert article.text.startswith("中国张掖网讯据张掖日报报道(记者王瑞云)")
    assert article.text.endswith(P3)
    for cue in BOILERPLATE:
        assert cue not in article.text, cue
    assert HEADLINE not in article.text


def test_the_same_page_without_a_profile_gives_the_same_fields() -> None:
    """Generic rules do the job when no profile matches (a saved file with no URL)."""
    article = zhangye_cli.extract(SEEDLIKE.encode("utf-8"))
    assert article.extractor.method == "generic"
    assert (article.title, article.published, article.authors, article.source) == (
        HEADLINE,
        "2022-03-03T23:55:00+08:00",
        ("王瑞云",),
        "张掖市广播电视台 张掖日报",
    )
    assert article.comments_count == 0
    for cue in BOILERPLATE:
        assert cue not in article.text, cue


def test_the_extractor_records_method_profile_and_strategies() -> None:
    page = trace(raw(SEEDLIKE, ZGZYW_URL), Config())
    assert page.article is not None
    extractor = page.article.extractor
    assert (extractor.method, extractor.profile) == ("profile", "zgzyw")
    found = dict(extractor.fields)
    assert found == {**dict(page.metadata.strategies()), "body": "generic scoring"}
    assert found["title"] == "profile"
    assert found["site_name"] == "profile zgzyw"
    assert found["published"] == "info line date"
    assert found["source"] == "来源 cue"
    assert found["section"] == "breadcrumb cue"
    assert found["comments_count"] == "interaction counter"
    assert found["editors"] == "editor line"
    assert found["authors"] == "credit line"
    assert extractor.removed == len(page.cleaned.removals) + len(page.content.removals)
    assert extractor.removed > 0
    assert extractor.to_dict()["fields"] == found


def test_generic_extractor_record() -> None:
    article = zhangye_cli.extract(SEEDLIKE.encode("utf-8"), profile="none", url=ZGZYW_URL)
    assert article.extractor.method == "generic"
    assert article.extractor.profile is None
    assert dict(article.extractor.fields)["title"] == "h1 matching <title>"


def test_a_page_without_article_text() -> None:
    html = "<html><body><nav><a href='/'>首页</a> <a href='/xw/'>新闻</a></nav></body></html>"
    page = trace(RawPage(html.encode(), origin="list.html"), Config())
    assert page.article is None
    assert page.content.blocks == ()
    error = page.no_article()
    assert isinstance(error, NoArticleError)
    assert str(error).startswith("list.html: no article text")
    assert "--profile none" in str(error)
    with pytest.raises(NoArticleError) as raised:
        run(RawPage(html.encode(), origin="list.html"), Config())
    assert raised.value.exit_code == ExitCode.NO_ARTICLE


@pytest.mark.parametrize("data", [b"", b"  \r\n ", b"<!-- -->"])
def test_an_empty_page_raises_no_article(data: bytes) -> None:
    with pytest.raises(NoArticleError):
        zhangye_cli.extract(data)


def test_metadata_is_read_before_cleaning_takes_its_lines_out() -> None:
    page = trace(raw(SEEDLIKE), Config())
    removed = " ".join(r.text for r in page.cleaned.removals)
    assert "责任编辑" in removed
    assert page.metadata.value("editors")[0] == "马丹阳"


def test_the_url_falls_back_to_the_config_url() -> None:
    article = run(RawPage(SEEDLIKE.encode("utf-8")), Config(url=ZGZYW_URL))
    assert article.url == ZGZYW_URL
    assert article.extractor.profile == "zgzyw"
    assert article.images[0].src.startswith("http://www.zgzyw.com.cn/")


def test_extract_takes_text_as_it_is() -> None:
    """Text needs no decoding; the decision says so and keeps what the page declared."""
    article = zhangye_cli.extract(SEEDLIKE)
    assert article.encoding is not None
    assert article.encoding.to_dict() == {"name": "unicode", "method": "text", "declared": "utf-8"}
    assert article.title == HEADLINE


def test_extract_reads_gbk_bytes_with_their_header() -> None:
    html = SEEDLIKE.replace('<meta charset="utf-8">', "")
    article = zhangye_cli.extract(
        html.encode("gbk"), headers={"Content-Type": "text/html; charset=gb2312"}
    )
    assert article.encoding is not None
    assert (article.encoding.name, article.encoding.method) == ("gb18030", "header")
    assert article.title == HEADLINE


def test_extract_refuses_unknown_options() -> None:
    with pytest.raises(TypeError, match="unknown option"):
        zhangye_cli.extract(SEEDLIKE, colour="red")


def test_repair_off_leaves_the_decoded_page_alone() -> None:
    decoded = DecodedPage(RawPage(b"x"), "x", EncodingDecision("utf-8", "utf8"))
    assert repair_page(decoded, Config(repair=False)) is decoded


def test_the_article_dict_has_the_schema_names_in_order() -> None:
    names = list(zhangye_cli.extract(SEEDLIKE, url=ZGZYW_URL).to_dict())
    assert names == [
        "schema_version",
        "url",
        "canonical_url",
        "site_name",
        "title",
        "published",
        "modified",
        "authors",
        "editors",
        "source",
        "section",
        "lang",
        "description",
        "keywords",
        "comments_count",
        "notices",
        "images",
        "blocks",
        "text",
        "encoding",
        "repairs",
        "extractor",
    ]
