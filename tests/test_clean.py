"""The clean stage: each rule kind takes out what it should and records a Removal; article text
survives whatever its box is called (zhangye_cli/clean.py, zhangye_cli/rules.py)."""

from __future__ import annotations

import pytest

from zhangye_cli import Config
from zhangye_cli.clean import clean_page, looks_like_content
from zhangye_cli.parse import parse_page
from zhangye_cli.profiles import select_profile
from zhangye_cli.records import CleanedPage, DecodedPage, EncodingDecision, RawPage, Removal
from zhangye_cli.text import describe, text_of

HEADLINE = "张掖市召开全市教育工作会议"
PROSE = (
    "市教育局局长在会上作了工作报告，总结了过去一年全市教育工作取得的成绩。"
    "会议要求，各学校要把安全工作放在首位，切实加强校园管理。"
    "会上，各县区教育局负责人分别作了交流发言，并签订了目标管理责任书。"
    "会议强调，要持续深化教育改革，推动全市教育事业高质量发展。"
    "各县区要结合实际，细化工作措施，确保各项任务落到实处，为建设幸福美好新张掖贡献教育力量。"
)
ARTICLE = f'<div class="art"><h1>{HEADLINE}</h1><p>{PROSE}</p></div>'


def clean(body: str, url: str | None = None, headline: str | None = None) -> CleanedPage:
    html = f"<html><head><title>{HEADLINE}</title></head><body>{body}</body></html>"
    config = Config()
    raw = RawPage(html.encode("utf-8"), url=url)
    parsed = parse_page(DecodedPage(raw, html, EncodingDecision("utf-8", "text")), config)
    element = parsed.tree.xpath(headline)[0] if headline else None
    return clean_page(parsed, select_profile(url, config), element)


def body_text(cleaned: CleanedPage) -> str:
    return text_of(cleaned.tree.find("body"))


def removal(cleaned: CleanedPage, snippet: str) -> Removal:
    found = [r for r in cleaned.removals if snippet in r.text]
    assert len(found) == 1, cleaned.removals
    return found[0]


@pytest.mark.parametrize(
    ("box", "rule", "reason"),
    [
        ("<nav><a>首页</a> <a>新闻中心</a></nav>", "tag:nav", "navigation"),
        ("<footer>陇ICP备05000000号 版权归属中国张掖网</footer>", "tag:footer", "page footer"),
        ("<aside><a>热点新闻一则</a></aside>", "tag:aside", "aside"),
        ("<iframe src='x'>框架内容文字</iframe>", "tag:iframe", "embedded frame"),
        ("<button>点赞支持一下</button>", "tag:button", "form control"),
    ],
)
def test_tags_that_never_hold_text(box: str, rule: str, reason: str) -> None:
    cleaned = clean(ARTICLE + box)
    found = [r for r in cleaned.removals if r.rule == rule]
    assert len(found) == 1, cleaned.removals
    assert found[0].reason == reason
    assert found[0].chars == len(found[0].text)
    assert PROSE in body_text(cleaned)


def test_script_and_style_go_and_the_style_is_remembered_for_explain() -> None:
    cleaned = clean(
        ARTICLE + "<script>var shown = 1;</script>尾<style>p {color: red}</style>"
        "<noscript><p>开启脚本</p></noscript>"
    )
    assert cleaned.tree.find(".//script") is None
    assert cleaned.tree.find(".//noscript") is None
    assert cleaned.tree.find(".//body//style") is None
    taken = {d.element.tag for d in cleaned.detached}
    assert "style" in taken and "script" not in taken  # explain's page runs no script
    assert cleaned.removals == ()
    text = body_text(cleaned)
    assert PROSE in text and "尾" in text and "开启脚本" not in text


def test_a_removal_records_where_what_and_how_much() -> None:
    cleaned = clean(ARTICLE + '<div id="shareBox" class="share-box tools">分享到：微信 微博</div>')
    r = removal(cleaned, "分享到")
    assert r.rule == "furniture"
    assert r.where == "div#shareBox.share-box.tools"
    assert r.reason == "class 'share': share bar"
    assert r.chars == len("分享到：微信 微博")
    assert r.text == "分享到：微信 微博"
    assert r.to_dict() == {
        "rule": "furniture",
        "where": "div#shareBox.share-box.tools",
        "reason": "class 'share': share bar",
        "chars": len("分享到：微信 微博"),
        "text": "分享到：微信 微博",
    }


@pytest.mark.parametrize(
    ("box", "kind"),
    [
        ('<div class="comment-list"><p>网友甲：说得好</p></div>', "comments"),
        ('<div id="pinglun">网友乙：支持</div>', "comments"),
        ('<ul class="related"><li><a>相关的一条新闻</a></li></ul>', "related list"),
        ('<div class="hot_news"><a>热点新闻标题</a></div>', "related list"),
        ('<div class="crumbs"><a>首页</a> &gt; <a>新闻</a></div>', "breadcrumb"),
        ('<div class="bdshare">微信 微博 QQ空间</div>', "share bar"),
        ('<div class="pager"><a>1</a><a>2</a></div>', "pager"),
        ('<div class="ad">招商热线 电话</div>', "advertising"),
        ('<div id="qrcode">扫码关注我们</div>', "qr code"),
        (
            '<div class="modal fade"><h5>What do you think about this story?</h5>'
            "<p>Your feedback will go directly to the editors. Thank you for taking the time. "
            "You can be assured our editors read every message. We do not reply to all.</p></div>",
            "dialog box",
        ),
        (
            '<div class="widget-cta-letter"><h5>A word to our readers</h5><p>Support us and make '
            "a difference. We do this work every day at no cost to you, and we need your help. "
            "Give what you can, once or every month. Thank you for reading us.</p></div>",
            "call to action",
        ),
        (
            '<div class="caption">U.S. Defense Secretary Mark Esper, left, and the Vietnamese '
            "Defense Minister shake hands in Hanoi, Vietnam, on Wednesday. Esper is on a visit to "
            "the region. He met officials in Seoul and Manila earlier. (AP Photo)</div>",
            "photo caption",
        ),
    ],
)
def test_class_and_id_words_name_furniture(box: str, kind: str) -> None:
    cleaned = clean(ARTICLE + box)
    rules = [(r.rule, r.reason.split(": ")[-1]) for r in cleaned.removals]
    assert ("furniture", kind) in rules
    assert PROSE in body_text(cleaned)


def test_a_government_document_header_is_no_font_size_switcher() -> None:
    header = (
        "<table><tr><td>索 引 号：11220000013544357T/2022-00426</td><td>分 类：通告</td></tr>"
        "<tr><td>发文机关：吉林省人民政府</td><td>发文字号：吉政明电〔2022〕1号</td></tr></table>"
    )
    cleaned = clean(header + ARTICLE + "<div>字号：大 中 小</div>")
    assert "发文字号" in body_text(cleaned)
    assert [r.rule for r in cleaned.removals] == ["cue:page tools"]


def test_an_embedded_post_in_a_social_box_stays() -> None:
    tweet = "Yes this is real and the state spent half a million dollars on it"
    cleaned = clean(
        ARTICLE + f'<div class="social-media-embed"><blockquote>{tweet}</blockquote></div>'
        '<div class="social-share"><a>Facebook</a><a>Twitter</a></div>'
    )
    assert tweet in body_text(cleaned)
    assert [r.where for r in cleaned.removals if r.rule == "furniture"] == ["div.social-share"]


def test_class_words_match_whole_words_only() -> None:
    """'header' holds 'ad', 'download' holds 'load' and 'shared' is not 'share'."""
    box = (
        '<div class="header">甘州区简讯</div><div class="download">附件下载说明</div>'
        '<div class="unshared">共享文字</div><div class="navigation-free">自由文字</div>'
    )
    cleaned = clean(ARTICLE + box)
    assert [r for r in cleaned.removals if r.rule == "furniture"] == []
    for text in ("甘州区简讯", "附件下载说明", "共享文字", "自由文字"):
        assert text in body_text(cleaned)


@pytest.mark.parametrize(
    ("block", "rule", "cue"),
    [
        ("<div>上一篇：甘州区召开工作会议</div>", "cue:previous/next links", "上一篇"),
        ("<p>下一篇：<a>临泽县举办文艺汇演</a></p>", "cue:previous/next links", "下一篇"),
        ("<div>版权所有 中国张掖网 陇ICP备05000000号</div>", "cue:site footer", "版权所有"),
        ("<div>【打印本页】 【关闭窗口】</div>", "cue:page tools", "打印本页"),
        ("<div>分享到：<a>微信</a> <a>微博</a></div>", "cue:share bar", "分享到"),
        ("<p>责任编辑：张三</p>", "cue:editor line", "责任编辑"),
    ],
)
def test_short_blocks_with_a_cue_phrase(block: str, rule: str, cue: str) -> None:
    cleaned = clean(ARTICLE + block)
    found = [r for r in cleaned.removals if r.rule == rule]
    assert len(found) == 1, cleaned.removals
    assert found[0].reason == f"short block with {cue!r}"
    assert cue not in body_text(cleaned)
    assert PROSE in body_text(cleaned)


def test_a_cue_block_takes_its_small_box_with_it() -> None:
    box = '<div class="pn"><p>上一篇：甘州区召开工作会议</p><p>下一篇：临泽县举办文艺汇演</p></div>'
    cleaned = clean(ARTICLE + box)
    r = removal(cleaned, "上一篇")
    assert r.where == "div.pn"
    assert "下一篇" not in body_text(cleaned)


def test_a_long_paragraph_mentioning_a_cue_is_article_text() -> None:
    sentence = (
        f"<p>{PROSE[:60]}有网站在页面底部写着“版权所有”，但记者调查发现，"
        "其中不少文章并未取得原作者授权，相关部门已经介入调查。</p>"
    )
    cleaned = clean(ARTICLE + sentence)
    assert "版权所有" in body_text(cleaned)
    assert not [r for r in cleaned.removals if r.rule.startswith("cue:")]


def test_a_rights_notice_is_left_for_the_content_stage() -> None:
    cleaned = clean(ARTICLE + "<p>（注:本文版权所有,未经授权,严禁转载!）</p>")
    assert "严禁转载" in body_text(cleaned)
    assert cleaned.removals == ()


def test_a_sidebar_class_holding_the_article_prose_is_kept() -> None:
    cleaned = clean(f'<div class="sidebar"><h2>{HEADLINE}</h2><p>{PROSE}</p></div>')
    assert PROSE in body_text(cleaned)
    assert cleaned.removals == ()


def test_a_sidebar_of_links_goes() -> None:
    cleaned = clean(ARTICLE + '<div class="sidebar"><a>链接一</a><a>链接二</a></div>')
    assert removal(cleaned, "链接一").reason == "class 'sidebar': sidebar"


def test_a_box_holding_the_headline_is_never_removed_by_class_rules() -> None:
    box = f'<div class="comment-area"><h1>{HEADLINE}</h1><p>会议于今天上午召开。</p></div>'
    kept = clean(box, headline="//h1")
    assert "会议于今天上午召开" in body_text(kept)
    assert kept.removals == ()
    # the same box goes when the headline is not known: the guard is what keeps it
    dropped = clean(box)
    assert "会议于今天上午召开" not in body_text(dropped)


@pytest.mark.parametrize(
    "attrs",
    ['style="display: none"', 'style="color:red;display:none;"', "hidden", 'aria-hidden="true"'],
)
def test_hidden_boxes_go(attrs: str) -> None:
    cleaned = clean(f"{ARTICLE}<div {attrs}>弹出层的提示文字</div>")
    r = removal(cleaned, "弹出层")
    assert r.rule == "hidden"
    assert "弹出层" not in body_text(cleaned)


def test_hidden_boxes_in_upper_case_css_go() -> None:
    cleaned = clean(f'{ARTICLE}<div style="DISPLAY: none">弹出层的提示文字</div>')
    assert "弹出层" not in body_text(cleaned)


def test_a_hidden_box_of_article_prose_is_kept() -> None:
    cleaned = clean(f'<h1>{HEADLINE}</h1><div style="display:none"><p>{PROSE}</p></div>')
    assert PROSE in body_text(cleaned)


def test_visibility_hidden_text_is_kept() -> None:
    """Scripts often reveal the article that way: the text is the page's own."""
    cleaned = clean(
        f'<h1>{HEADLINE}</h1><div style="visibility:hidden"><p>会议于今天召开。</p></div>'
    )
    assert "会议于今天召开" in body_text(cleaned)
    assert cleaned.removals == ()


def test_profile_drops_apply_on_their_site() -> None:
    box = '<div class="hd"><span>0</span> 人参与互动</div><div class="fs">字号：大 中 小</div>'
    url = "http://www.zgzyw.com.cn/zgzywxw/system/2022/03/03/030.shtml"
    cleaned = clean(ARTICLE + box, url=url)
    rules = {r.rule for r in cleaned.removals}
    assert rules == {"profile:zgzyw"}
    reasons = {r.reason for r in cleaned.removals}
    assert "font-size switcher" in reasons
    assert "人参与互动" not in body_text(cleaned)
    assert PROSE in body_text(cleaned)


def test_nothing_is_removed_twice() -> None:
    box = '<nav class="nav menu"><div class="share">分享到</div></nav>'
    cleaned = clean(ARTICLE + box)
    assert [r.rule for r in cleaned.removals] == ["tag:nav"]


def test_the_text_after_a_removed_element_stays() -> None:
    cleaned = clean(f'<p>{PROSE}<span class="share">分享</span>尾随的文字。</p>')
    assert "尾随的文字。" in body_text(cleaned)
    assert "分享" not in body_text(cleaned)


def test_detached_elements_remember_where_they_stood() -> None:
    cleaned = clean(ARTICLE + "<nav>导航</nav>")
    taken = next(d for d in cleaned.detached if d.element.tag == "nav")
    assert taken.element.getparent() is None
    assert taken.parent.tag == "body"
    assert taken.index == 1
    assert taken.removal is not None and taken.removal.rule == "tag:nav"
    assert (taken.removal.chars, taken.removal.text) == (2, "导航")
    assert cleaned.removal_count == len(cleaned.removals) == 1


def test_describe() -> None:
    cleaned = clean('<div id="a" class="x y z">t</div><p>u</p>')
    div, p = cleaned.tree.find(".//div"), cleaned.tree.find(".//p")
    assert (describe(div), describe(p)) == ("div#a.x.y", "p")


def test_looks_like_content() -> None:
    cleaned = clean(f'<div id="prose"><p>{PROSE}</p></div><div id="links">{_links()}</div>')
    prose, links = cleaned.tree.xpath("//div[@id='prose'] | //div[@id='links']")
    assert looks_like_content(prose)
    assert not looks_like_content(links)


def _links() -> str:
    return "".join(f"<a>这是一条很长的链接标题，第{i}条。</a>" for i in range(12))


def test_furniture_words_match_whatever_the_case() -> None:
    cleaned = clean(f'<div class="Main">{ARTICLE}</div><div class="ShareBar">微信 微博</div>')
    assert removal(cleaned, "微信").reason == "class 'sharebar': share bar"


def test_furniture_words_match_whatever_the_case_beside_a_chinese_class() -> None:
    cleaned = clean(f'<div class="正文">{ARTICLE}</div><div class="ShareBar">微信 微博</div>')
    assert "微信 微博" not in body_text(cleaned)


def test_furniture_inside_a_stripped_block_is_not_removed_again() -> None:
    """An element of a subtree taken out in one go (noscript) is gone, though no record says it."""
    cleaned = clean(ARTICLE + '<noscript><div class="share-bar">分享到微信</div></noscript>')
    assert [r for r in cleaned.removals if r.rule == "furniture"] == []
    assert "分享到微信" not in body_text(cleaned)
