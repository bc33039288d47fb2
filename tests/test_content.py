"""The content stage: body scoring, the block walk, the line rules, captions and notices
(zhangye_cli/content/).

Unit tests call ``choose_body``, ``walk_blocks`` and ``judge_line`` on small trees; behaviour
tests run whole inline pages through ``zhangye_cli.extract``.
"""

from __future__ import annotations

import pytest
from lxml import etree

import zhangye_cli
from zhangye_cli import Article, Block, Config, Image, RawPage
from zhangye_cli.content.blocks import walk_blocks
from zhangye_cli.content.lines import is_end_marker, judge_line
from zhangye_cli.content.scoring import BlockStats, block_stats, choose_body
from zhangye_cli.pipeline import trace

HEADLINE = "张掖市召开全市教育工作会议"
P1 = "市教育局局长在会上作了工作报告，总结了过去一年全市教育工作取得的成绩，分析了当前形势。"
P2 = "会议要求，各学校要把安全工作放在首位，切实加强校园管理，确保师生安全，办好人民满意的教育。"
P3 = "会上，各县区教育局负责人分别作了交流发言，并签订了目标管理责任书，明确了今年的重点任务。"
P4 = "会议强调，要持续深化教育改革，推动全市教育事业高质量发展，为建设幸福美好新张掖贡献力量。"
NOTICE = "（注:本文版权所有,未经授权,严禁转载!）"


def tree(html: str) -> etree._Element:
    return etree.fromstring(f"<html><body>{html}</body></html>", etree.HTMLParser())


def element(html: str, xpath: str = "//body/*[1]") -> etree._Element:
    return tree(html).xpath(xpath)[0]


def page(body: str, title: str = f"{HEADLINE}_中国张掖网") -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>'
    )


def extract(body: str, url: str | None = None, **options: object) -> Article:
    return zhangye_cli.extract(page(body).encode("utf-8"), url=url, **options)


def teaser_items(count: int) -> str:
    return "".join(
        f"<li><a href='/n{i}.html'>甘州区第{i}届农民文化艺术节隆重开幕</a></li>"
        for i in range(count)
    )


# --- scoring ---------------------------------------------------------------------------------


def test_the_prose_box_beats_a_longer_sidebar_of_links() -> None:
    root = tree(
        f'<div id="art"><h1>{HEADLINE}</h1><div id="text"><p>{P1}</p><p>{P2}</p></div></div>'
        f'<div id="side"><ul>{teaser_items(30)}</ul></div>'
    )
    side = root.xpath("//div[@id='side']")[0]
    text = root.xpath("//div[@id='text']")[0]
    assert len("".join(side.itertext())) > 2 * len("".join(text.itertext()))
    choice = choose_body(root.find("body"))
    assert choice is not None
    assert choice.element is text
    assert choice.bad == 0
    assert choice.score == choice.good > 0


def test_the_headline_does_not_change_a_clear_choice() -> None:
    root = tree(
        f'<div id="art"><h1>{HEADLINE}</h1><div id="text"><p>{P1}</p><p>{P2}</p></div></div>'
        f'<div id="side"><ul>{teaser_items(30)}</ul></div>'
    )
    choice = choose_body(root.find("body"), root.find(".//h1"))
    assert choice is not None and choice.element.get("id") == "text"


def test_the_box_holding_all_paragraphs_is_chosen_over_one_paragraph() -> None:
    root = tree(f'<div id="text"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>')
    choice = choose_body(root.find("body"))
    assert choice is not None and choice.element.get("id") == "text"


def test_an_article_that_is_mostly_a_data_table_beats_a_comment_notice() -> None:
    rows = "".join(
        f"<tr><td>{i}</td><td>Driver Number {i}</td><td>{5000 - i * 37}</td><td>{i % 4}</td></tr>"
        for i in range(1, 41)
    )
    root = tree(
        "<div id='post'><h1>Standings</h1>"
        "<p>On this page you will always find the standings, updated after the last race!</p>"
        "<p>Add it to your favourites and come back after every race to check the standings!</p>"
        "<p>Final standings of the 2019 series after 36 races, with wins and poles:</p>"
        f"<table>{rows}</table></div>"
        "<div id='comments'><p>Attention: comments that are unreadable or disrespectful to other "
        "users will not be approved by the moderator, thank you.</p></div>"
        f"<div id='side'><ul>{teaser_items(10)}</ul></div>"
    )
    choice = choose_body(root.find("body"), root.find(".//h1"))
    assert choice is not None and choice.element.get("id") == "post"


def test_no_prose_no_choice() -> None:
    root = tree(f"<div><ul>{teaser_items(5)}</ul></div>")
    assert choose_body(root.find("body")) is None


def test_block_stats_credit_text_to_the_block_and_count_link_text() -> None:
    root = tree("<div><p>你好，<a href='#'>链接文字</a>世界。<b>加粗</b></p>尾巴</div>")
    stats = {el.tag: s for el, s in block_stats(root.find("body")).items()}
    assert stats["p"] == BlockStats(chars=12, link_chars=4, links=1, marks=2)
    assert stats["div"] == BlockStats(chars=2, link_chars=0, links=0, marks=0)


@pytest.mark.parametrize(
    ("stats", "good", "bad"),
    [
        (BlockStats(chars=100, link_chars=80, links=4), 0.0, 100 + 12 * 4),  # mostly links
        (BlockStats(chars=30), 0.0, 30),  # short and unpunctuated: furniture
        (BlockStats(chars=30, marks=2), 46.0, 0),  # short but a sentence
        (BlockStats(chars=100, link_chars=10, links=1, marks=5), 130.0, 10),
        (BlockStats(chars=50), 50.0, 0),  # long enough to be prose without marks
        (BlockStats(chars=12, cell=True), 0.0, 0),  # a data table's figure: neutral
        (BlockStats(chars=12, link_chars=12, links=1, cell=True), 0.0, 12 + 12),  # a link cell
    ],
)
def test_good_and_bad_scores(stats: BlockStats, good: float, bad: float) -> None:
    assert (stats.good, stats.bad) == (good, bad)


# --- blocks ----------------------------------------------------------------------------------


def test_br_separated_text_in_a_table_cell_becomes_paragraphs() -> None:
    cell = element(f"<table><tr><td>{P1}<br>{P2}<br><br>　　{P3}</td></tr></table>", "//td")
    walk = walk_blocks(cell, None)
    # the page's U+3000 paragraph indent is kept (DESIGN: only a named step may change it)
    assert walk.blocks == [Block("paragraph", text=t) for t in (P1, P2, "　　" + P3)]


def test_a_layout_table_is_walked_into() -> None:
    body = element(f"<div><table><tr><td><p>{P1}</p><p>{P2}</p></td><td></td></tr></table></div>")
    walk = walk_blocks(body, None)
    assert [b.type for b in walk.blocks] == ["paragraph", "paragraph"]
    assert [b.text for b in walk.blocks] == [P1, P2]


def test_a_table_around_a_table_is_layout() -> None:
    body = element(
        "<div><table><tr><td><table><tr><th>学校</th><th>人数</th></tr>"
        "<tr><td>一中</td><td>1200</td></tr></table></td></tr></table></div>"
    )
    walk = walk_blocks(body, None)
    assert walk.blocks == [Block("table", rows=(("学校", "人数"), ("一中", "1200")))]


def test_a_data_table_becomes_a_table_block() -> None:
    body = element(
        f"<div><p>{P1}</p><table><tr><th>学校</th><th>人数</th></tr>"
        f"<tr><td>一中</td><td>1,200</td></tr><tr><td></td><td></td></tr></table><p>{P2}</p></div>"
    )
    walk = walk_blocks(body, None)
    assert [b.type for b in walk.blocks] == ["paragraph", "table", "paragraph"]
    assert walk.blocks[1].rows == (("学校", "人数"), ("一中", "1,200"))
    assert walk.blocks[1].plain_text() == "学校 人数\n一中 1,200"


def test_a_table_of_links_is_dropped() -> None:
    body = element(
        "<div><table><tr><td><a href='#'>甘州区新闻</a></td><td><a href='#'>临泽县新闻</a></td>"
        "</tr></table></div>"
    )
    walk = walk_blocks(body, None)
    assert walk.blocks == []
    assert walk.dropped == [("link table", "甘州区新闻临泽县新闻")]


def test_a_list_of_links_is_dropped_and_a_list_of_points_kept() -> None:
    body = element(
        "<div><ul><li><a href='#'>首页</a></li><li><a href='#'>新闻</a></li></ul>"
        "<ol><li>坚持安全第一。</li><li>深化教育改革。</li></ol></div>"
    )
    walk = walk_blocks(body, None)
    assert walk.blocks == [Block("list", ordered=True, items=("坚持安全第一。", "深化教育改革。"))]
    assert walk.dropped == [("link list", "首页 / 新闻")]


def test_a_teaser_list_with_summaries_is_dropped() -> None:
    items = "".join(
        f"<li><a href='/n{i}.html'>甘州区第{i}届农民文化艺术节隆重开幕</a>"
        "<span>本届艺术节为期三天，节目丰富多彩，吸引众多群众观看。</span></li>"
        for i in range(4)
    )
    walk = walk_blocks(element(f"<div><ul>{items}</ul></div>"), None)
    assert walk.blocks == []
    assert walk.dropped[0][0] == "link list"


def test_a_layout_list_is_walked_into() -> None:
    body = element(f"<div><ul><li><p>{P1}</p></li><li><h3>小标题</h3><p>{P2}</p></li></ul></div>")
    walk = walk_blocks(body, None)
    assert [(b.type, b.text) for b in walk.blocks] == [
        ("paragraph", P1),
        ("heading", "小标题"),
        ("paragraph", P2),
    ]


def test_headings_quotes_and_inline_text() -> None:
    body = element(
        f"<div>开头的文字<h2>一、总体要求</h2><p>{P1}<b>加粗</b>接着</p>"
        f"<blockquote><p>引用的话。</p></blockquote><h4>二、</h4></div>"
    )
    walk = walk_blocks(body, None)
    assert walk.blocks == [
        Block("paragraph", text="开头的文字"),
        Block("heading", text="一、总体要求", level=2),
        Block("paragraph", text=f"{P1}加粗接着"),
        Block("quote", text="引用的话。"),
        Block("heading", text="二、", level=4),
    ]


def test_images_resolve_and_skip_icons_and_data_uris() -> None:
    body = element(
        "<div><img data-src='/up/a.jpg' src='loading.gif' alt=' 会场 '>"
        "<img src='b.png' width='16' height='16'><img src='data:image/png;base64,AAA'>"
        "<img src='c.jpg' width='20px'><img src='d.jpg' title='讲台'></div>"
    )
    walk = walk_blocks(body, "http://www.zgzyw.com.cn/news/2022/1.html")
    assert [b.image for b in walk.blocks] == [
        Image("http://www.zgzyw.com.cn/up/a.jpg", "会场"),
        Image("http://www.zgzyw.com.cn/news/2022/d.jpg", "讲台"),
    ]


def test_a_figure_gets_its_figcaption() -> None:
    body = element(
        "<div><figure><img src='/a.jpg' alt='教学楼'><figcaption>图为新建的教学楼</figcaption>"
        "</figure></div>"
    )
    (block,) = walk_blocks(body, "http://www.zgzyw.com.cn/").blocks
    assert block.type == "image"
    assert block.image == Image("http://www.zgzyw.com.cn/a.jpg", "教学楼", "图为新建的教学楼")


def test_a_figure_without_a_usable_image_keeps_its_caption_as_text() -> None:
    body = element("<div><figure><img src='data:,'><figcaption>示意图</figcaption></figure></div>")
    assert walk_blocks(body, None).blocks == [Block("paragraph", text="示意图")]


# --- line rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (HEADLINE, "headline"),
        (f" {HEADLINE[:4]} {HEADLINE[4:]} ", "headline"),
        (NOTICE, "notice"),
        ("版权声明：本网站所刊登的各种新闻、信息，未经协议授权禁止下载使用。", "notice"),
        ("© 2022 The Daily. All rights reserved.", "notice"),
        ("© 2022 THE DAILY. ALL RIGHTS RESERVED.", "notice"),
        ("特别声明：以上内容为自媒体平台“网易号”用户上传并发布。", "notice"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "notice"),
        ("来源：张掖日报 时间：2022-03-03", "info line"),
        ("发布时间：2022-03-03 10:00", "info line"),
        ("2022年03月03日 23:55 星期四", "info line"),
        ("By Jane Smith", "byline"),
        ("上一篇：甘州区召开工作会议", "previous/next links"),
        ("分享到：微信 微博", "share bar"),
        ("相关新闻", "end marker"),
        ("http://www.zgzyw.com.cn/a/1.html http://www.zgzyw.com.cn/a/2.html", "links"),
        ('<div class="x">', "markup"),
        ("Advert", "interface"),
        ("video", "interface"),
        ("Log in", "interface"),
        ("Facebook Twitter Google+ Whatsapp", "share bar"),
        ("13 hours ago", "info line"),
        ("3小时前", "info line"),
        ("Самые популярные диеты", "end marker"),
        ("微信 | 微博 | QQ空间", "share bar"),
        ("GET FOX BUSINESS ON THE GO BY CLICKING HERE", "promotion"),
        ("Back to Gallery", "interface"),
        ("This slideshow requires JavaScript.", "interface"),
    ],
)
def test_lines_that_are_not_article_text(text: str, verdict: str) -> None:
    found = judge_line(text, HEADLINE, frozenset())
    assert found is not None and found[0] == verdict


@pytest.mark.parametrize(
    "text",
    [
        "特别声明说明了会议的安排。",  # the label without its colon, in a sentence
        "The reserved seats were all taken, rights groups said.",
    ],
)
def test_notice_words_out_of_their_order_are_article_text(text: str) -> None:
    assert judge_line(text, HEADLINE, frozenset()) is None


def test_the_site_name_alone_is_no_article_text() -> None:
    assert judge_line("Fox Business", HEADLINE, frozenset(), site="Fox Business") == (
        "site name",
        "the site's name alone",
    )
    assert (
        judge_line("Fox Business reported the loss.", HEADLINE, frozenset(), site="Fox Business")
        is None
    )


@pytest.mark.parametrize(
    "text",
    [
        P1,
        "会议时间为三个小时。",  # 时间 without a colon is a word
        f"他说，本网站版权所有的说法并不准确。{P2}{P3}",  # a notice word inside prose
        "2022年，全市共新建学校12所，改扩建校舍面积达到了3.5万平方米，新增学位5000多个。",
        "Comments from residents were mostly positive, the mayor said on Tuesday.",
        "Close the gallery doors at night, the curator said.",  # a label word in a sentence
        "Facebook and Twitter shares fell on Tuesday.",  # network names in a sentence
        "发文字号： 吉政明电〔2022〕1号",  # a document number, not the 字号 switcher
    ],
)
def test_article_lines_are_kept(text: str) -> None:
    assert judge_line(text, HEADLINE, frozenset()) is None


def test_a_line_of_the_info_block_goes_and_an_author_name_alone_goes() -> None:
    info = frozenset({"浏览：35"})
    assert judge_line("浏览：35", HEADLINE, info) == (
        "info line",
        "part of the info line under the headline",
    )
    assert judge_line("王瑞云", HEADLINE, frozenset(), frozenset({"王瑞云"})) == (
        "byline",
        "the author's name alone",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("相关新闻", True),
        ("相关阅读：", True),
        ("Related Articles", True),
        ("12 Comments", True),
        ("3条评论", True),
        (
            "相关新闻发布会于今天上午在市政府新闻发布厅召开，市长出席发布会并回答了中外记者的提问。",
            False,
        ),
        ("Relatedness of things", False),
    ],
)
def test_end_markers(text: str, expected: bool) -> None:
    assert is_end_marker(text) is expected


# --- the stage on whole pages ----------------------------------------------------------------


def test_the_body_is_chosen_over_a_longer_teaser_list() -> None:
    teasers = "".join(
        f"<li><h3><a href='/n{i}.html'>甘州区第{i}届农民文化艺术节开幕</a></h3>"
        "<p>本届艺术节为期三天，展演节目丰富多彩，吸引了众多群众观看。</p></li>"
        for i in range(10)
    )
    article = extract(
        f"<h1>{HEADLINE}</h1><div class='c'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
        f"<div class='list'><ul>{teasers}</ul></div>"
    )
    assert article.text == "\n\n".join([P1, P2, P3])


def test_the_body_is_chosen_over_a_sidebar_of_links() -> None:
    article = extract(
        f"<div class='l'><h1>{HEADLINE}</h1><div><p>{P1}</p><p>{P2}</p></div></div>"
        f"<div class='r'><ul>{teaser_items(40)}</ul></div>"
    )
    assert article.text == f"{P1}\n\n{P2}"
    assert dict(article.extractor.fields)["body"] == "generic scoring"


def test_an_old_table_page_with_br_paragraphs() -> None:
    article = extract(
        f"<table width='760'><tr><td><table><tr><td class='bt'>{HEADLINE}</td></tr>"
        f"<tr><td>{P1}<br>{P2}<br>　　{P3}</td></tr></table></td>"
        f"<td width='200'>{''.join(f'<a href=#>栏目{i}</a><br>' for i in range(15))}</td>"
        "</tr></table>"
    )
    assert [b.text for b in article.blocks] == [P1, P2, "　　" + P3]


def test_a_short_caption_paragraph_after_an_image() -> None:
    article = extract(
        f"<h1>{HEADLINE}</h1><div class='c'><p>{P1}</p><p><img src='/img/a.jpg'></p>"
        f"<p>会议现场</p><p>{P2}</p><p>{P3}</p></div>",
        url="http://www.example.cn/news/1.html",
    )
    assert article.images == (Image("http://www.example.cn/img/a.jpg", "", "会议现场"),)
    assert [b.type for b in article.blocks] == ["paragraph", "image", "paragraph", "paragraph"]


def test_a_triangle_caption_ending_in_a_full_stop() -> None:
    caption = "▲ 学生们在操场上进行体育锻炼。"
    article = extract(
        f"<h1>{HEADLINE}</h1><div class='c'><p>{P1}</p><p><img src='b.jpg'></p>"
        f"<p>{caption}</p><p>{P2}</p><p>{P3}</p></div>"
    )
    assert [i.caption for i in article.images] == [caption]


def test_a_sentence_after_an_image_is_not_a_caption() -> None:
    article = extract(
        f"<h1>{HEADLINE}</h1><div class='c'><p>{P1}</p><p><img src='b.jpg'></p>"
        f"<p>{P2}</p><p>{P3}</p></div>"
    )
    assert [i.caption for i in article.images] == [""]
    assert P2 in article.text


def test_a_figcaption_caption() -> None:
    article = extract(
        f"<h1>{HEADLINE}</h1><div class='c'><p>{P1}</p><figure><img src='c.jpg'>"
        f"<figcaption>图为新建的教学楼</figcaption></figure><p>{P2}</p><p>{P3}</p></div>"
    )
    assert [i.caption for i in article.images] == ["图为新建的教学楼"]


def test_the_rights_notice_goes_to_notices_not_text() -> None:
    article = extract(
        f"<h1>{HEADLINE}</h1><div class='c'><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{NOTICE}</p></div>"
    )
    assert article.notices == (NOTICE,)
    assert "版权所有" not in article.text
    assert article.text.endswith(P3)


def test_a_rights_notice_just_after_the_body_is_found() -> None:
    html = page(
        f"<h1>{HEADLINE}</h1><div class='c'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
        f"<div class='note'>{NOTICE}</div>"
    )
    found = trace(RawPage(html.encode("utf-8")), Config())
    assert found.content.body.get("class") == "c"  # the notice stands outside the body
    assert found.article is not None
    assert found.article.notices == (NOTICE,)
    assert "版权所有" not in found.article.text


def test_a_site_footer_far_after_the_body_is_no_notice() -> None:
    filler = "".join(f"<p><a href='#'>栏目{i}</a></p>" for i in range(8))
    article = extract(
        f"<h1>{HEADLINE}</h1><div class='c'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
        f"{filler}<div>版权所有：中国张掖网 未经授权禁止转载</div>"
    )
    assert article.notices == ()


def test_the_headline_repeated_in_the_body_and_the_info_line_are_dropped() -> None:
    article = extract(
        f"<h1>{HEADLINE}</h1><div class='c'><p><strong>{HEADLINE}</strong></p>"
        f"<p>来源：张掖日报　发布时间：2022-03-03 10:00</p><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
    )
    assert article.text == "\n\n".join([P1, P2, P3])
    assert article.source == "张掖日报"
    assert article.published == "2022-03-03T10:00:00+08:00"


def test_an_end_marker_past_the_middle_cuts_the_rest() -> None:
    article = extract(
        f"<h1>{HEADLINE}</h1><div class='c'><p>{P1}</p><p>{P2}</p><p>{P3}</p>"
        "<h3>相关新闻</h3><p>甘州区召开教育工作会议，部署全年重点工作。</p>"
        "<p>临泽县教育工作会议召开，各校校长参加会议。</p></div>"
    )
    assert article.text == "\n\n".join([P1, P2, P3])


def test_an_english_end_marker_cuts_the_rest() -> None:
    prose = [
        "The city council voted on Tuesday to approve the new budget, after a long debate.",
        "Members said the plan would fund schools, roads and parks for the coming year.",
        "The mayor thanked residents for their patience and promised a review in spring.",
    ]
    paragraphs = "".join(f"<p>{p}</p>" for p in prose)
    html = (
        "<html><head><title>Council approves budget</title></head><body>"
        f"<h1>Council approves budget</h1><div class='c'>{paragraphs}"
        "<h3>Related Articles</h3><p>Mayor opens new library, says more to come.</p>"
        "<p>Park renovation starts next week, officials said.</p></div></body></html>"
    )
    article = zhangye_cli.extract(html.encode())
    assert article.text == "\n\n".join(prose)
    assert article.lang == "en"


RELATED_POSTS = "".join(
    f"<p>Post {i}: a long excerpt of another story on the site, printed after the article "
    "with a picture and a share bar, as blogs do under the article.</p>"
    for i in range(4)
)


@pytest.mark.parametrize(
    ("marker", "cut"),
    [
        ("<h3>Você pode gostar...</h3>", True),  # a heading past a fifth of the text
        ("<p>Você pode gostar...</p>", False),  # a line there may be a box inside the article
    ],
)
def test_a_related_heading_after_the_first_fifth_cuts_the_rest(marker: str, cut: bool) -> None:
    prose = (
        "The council voted on Tuesday to approve the budget, after a long and heated debate.\n\n"
        "Members said the plan would fund schools, roads and parks for the coming year, and more."
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in prose.split("\n\n"))
    html = (
        "<html><head><title>Council approves budget</title></head><body>"
        f"<h1>Council approves budget</h1><div class='c'>{paragraphs}{marker}{RELATED_POSTS}"
        "</div></body></html>"
    )
    text = zhangye_cli.extract(html.encode()).text
    assert (text == prose) is cut
    assert text.startswith(prose)


ENGLISH = [
    "The city council voted on Tuesday to approve the new budget, after a long and heated debate "
    "that ran late into the evening and drew a large crowd of residents to the town hall.",
    "Members said the plan would fund schools, roads and parks for the coming year, while two "
    "members warned that the spending on roads left too little for the libraries in the county.",
    "The mayor thanked residents for their patience and promised a review in the spring, when "
    "the first figures for the year are known and the council meets again to look at them.",
]


def test_the_article_run_together_again_in_one_paragraph_goes() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in ENGLISH)
    html = (
        "<html><head><title>Council approves budget</title></head><body>"
        f"<h1>Council approves budget</h1><div class='c'>{paragraphs}"
        f"<div>{' '.join(ENGLISH)}</div></div></body></html>"
    )
    assert zhangye_cli.extract(html.encode()).text == "\n\n".join(ENGLISH)


def test_a_long_paragraph_quoting_one_earlier_paragraph_stays() -> None:
    longer = ENGLISH[1] + " " + ENGLISH[2].replace("mayor", "chair") + " " + ENGLISH[2][:150]
    paragraphs = "".join(f"<p>{p}</p>" for p in [ENGLISH[0], ENGLISH[1], longer])
    html = (
        "<html><head><title>Council approves budget</title></head><body>"
        f"<h1>Council approves budget</h1><div class='c'>{paragraphs}</div></body></html>"
    )
    assert zhangye_cli.extract(html.encode()).text.endswith(longer)


def test_a_short_sentence_starting_with_a_marker_word_does_not_cut() -> None:
    sentence = "相关报道指出，该项目将于年底竣工。"
    assert not is_end_marker(sentence)
    article = extract(
        f"<h1>{HEADLINE}</h1><div class='c'><p>{P1}</p><p>{P2}</p>"
        f"<p>{sentence}</p><p>{P3}</p></div>"
    )
    assert article.text == "\n\n".join([P1, P2, sentence, P3])


def test_an_end_marker_near_the_top_does_not_cut() -> None:
    article = extract(
        f"<h1>{HEADLINE}</h1><div class='c'><h3>相关新闻</h3><p>{P1}</p><p>{P2}</p>"
        f"<p>{P3}</p><p>{P4}</p></div>"
    )
    assert article.text == "\n\n".join([P1, P2, P3, P4])


def test_language_from_the_text_when_the_page_declares_none() -> None:
    article = extract(f"<h1>{HEADLINE}</h1><div><p>{P1}</p><p>{P2}</p></div>")
    assert article.lang == "zh"


EN1 = "The council approved the new budget on Tuesday, raising spending on schools and roads."
EN2 = "Officials said the plan would take effect next month, after a final review by the mayor."
EN3 = "Residents will be able to comment on the details at a public meeting later this week."


def test_a_box_of_links_inside_the_article_goes_and_the_article_goes_on() -> None:
    body = (
        f"<div><p>{EN1}</p><p>{EN2}</p><h3>DON'T MISS</h3>"
        "<p><a href='/a'>Mayor opens new bridge [VIDEO]</a></p>"
        "<p><a href='/b'>City fair draws record crowds</a></p>"
        f"<p>{EN3}</p></div>"
    )
    article = extract(body)
    assert [b.text for b in article.blocks] == [EN1, EN2, EN3]


def test_photo_credit_and_adblock_lines_go() -> None:
    body = (
        f"<div><p>{EN1}</p><p>Photo by Jane Doe/Getty Images</p><p>{EN2}</p>"
        f"<p>We've noticed you're using an ad blocker.</p><p>{EN3}</p></div>"
    )
    article = extract(body)
    assert [b.text for b in article.blocks] == [EN1, EN2, EN3]


def test_an_end_marker_must_be_a_whole_word() -> None:
    body = f"<div><p>{EN1}</p><p>{EN2}</p><p>{EN3}</p><h3>Relatedness of things</h3></div>"
    article = extract(body)
    assert "Relatedness of things" in [b.text for b in article.blocks]
