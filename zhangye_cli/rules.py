"""Generic boilerplate rules, as data: tags, class/id words and cue phrases, each with a reason.

These do the job on pages of unknown sites; site profiles add their own drops.
"""

from __future__ import annotations

import re

from .text import alternation

# Elements that never hold article text.
DROP_TAGS: dict[str, str] = {
    "script": "script",
    "style": "style sheet",
    "noscript": "script fallback",
    "iframe": "embedded frame",
    "object": "embedded object",
    "embed": "embedded object",
    "svg": "vector drawing",
    "canvas": "drawing surface",
    "button": "form control",
    "select": "form control",
    "input": "form control",
    "textarea": "form control",
    "nav": "navigation",
    "aside": "aside",
    "footer": "page footer",
    "video": "video player",
    "audio": "audio player",
    "template": "template",
}

# Of those, the ones removed without a record (code and markup, never page text).
SILENT_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "canvas"})
# Of the silent ones, those the parse stage takes out at once (by lxml, after reading the head
# tags), so that no later walk goes through them; ``zhangye explain`` does not put them back (its
# page runs no script, and shows the page without its drawings and icons).
STRIPPED_TAGS = ("script", "noscript", "template", "svg", "canvas")

# Words in class or id that mark page furniture (matched against whole words of the attribute).
FURNITURE_WORDS: dict[str, str] = {
    **{w: "navigation" for w in ("nav", "navbar", "menu", "menus", "topbar", "subnav", "daohang")},
    **{
        w: "breadcrumb"
        for w in (
            "breadcrumb",
            "breadcrumbs",
            "crumb",
            "crumbs",
            "weizhi",
            "dqwz",
            "position",
            "location",
            "curpos",
        )
    },
    **{w: "footer" for w in ("footer", "foot", "copyright", "banquan")},
    **{
        w: "share bar"
        for w in ("share", "sharebar", "bshare", "jiathis", "bdshare", "fenxiang", "social")
    },
    **{w: "comments" for w in ("comment", "comments", "pinglun", "reply", "discuss")},
    **{
        w: "related list"
        for w in (
            "related",
            "relate",
            "xgxw",
            "xgwz",
            "recommend",
            "tuijian",
            "hot",
            "hotnews",
            "rank",
            "ranking",
            "paihang",
            "more",
        )
    },
    **{w: "sidebar" for w in ("sidebar", "aside")},
    **{w: "toolbar" for w in ("toolbar", "tools", "fontsize", "zihao", "print")},
    **{w: "pager" for w in ("pager", "prevnext", "prenext", "updown", "sxp")},
    **{
        w: "advertising"
        for w in ("ad", "ads", "advert", "advertisement", "banner", "gg", "sponsor")
    },
    **{w: "login or search" for w in ("login", "search", "signin", "register")},
    **{w: "qr code" for w in ("qrcode", "ewm", "erweima", "weixin", "wechat")},
    **{w: "author box" for w in ("author", "authors", "bio", "byline", "contributor")},
    **{w: "cookie notice" for w in ("cookie", "cookies", "gdpr", "consent")},
    **{w: "photo caption" for w in ("caption", "credit", "credits", "wp-caption-text")},
    **{w: "newsletter" for w in ("newsletter", "subscribe", "subscription", "signup")},
    **{w: "dialog box" for w in ("modal", "popup")},
    **{w: "call to action" for w in ("cta", "donate", "donation", "membership")},
}
# Furniture kinds removed even when their box reads like prose (comment threads, author bios),
# up to this many characters: a bigger box named so is a page's whole article (WordPress marks
# its <article> with "author-NAME").
PROSE_FURNITURE: dict[str, int] = {
    "comments": 1_000_000,
    "footer": 1_000_000,
    "author box": 1500,
    "cookie notice": 3000,
    "newsletter": 1500,
    "share bar": 1500,
    "qr code": 1500,
    "login or search": 3000,
    "dialog box": 3000,
    "call to action": 1500,
    "photo caption": 1000,
}

# Cue phrases of boilerplate lines, with the rule name each belongs to. A line is dropped only
# when it is short (CUE_LINE_MAX characters): a long paragraph that mentions one is article text.
CUES: dict[str, tuple[str, ...]] = {
    "breadcrumb": (
        "您当前的位置",
        "您现在的位置",
        "当前位置",
        "您的位置",
        "所在位置",
        "当前的位置",
    ),
    "interaction counter": (
        "人参与",
        "人评论",
        "条评论",
        "网友评论",
        "发表评论",
        "我要评论",
        "参与互动",
        "跟帖",
    ),
    "share bar": (
        "分享到",
        "分享至",
        "扫一扫",
        "微信扫",
        "转发到",
        "一键分享",
        "Share this",
        "Share on",
        "Share:",
        "SHARE",
        "Follow us",
        "Follow Us",
    ),
    "newsletter": ("Sign up", "Sign Up", "Subscribe", "SUBSCRIBE", "newsletter", "Newsletter"),
    "advertising": (
        "Advertisement",
        "ADVERTISEMENT",
        "Sponsored",
        "sponsored links",
        "广告",
        "ad blocker",
        "adblock",
        "Adblock",
    ),
    "photo credit": (
        "Getty Images",
        "Image via",
        "Photo by",
        "Photograph:",
        "Shutterstock",
        "AP Photo",
        "Photo credit",
        "Image credit",
    ),
    "previous/next links": ("上一篇", "下一篇", "上一条", "下一条", "上一页", "下一页", "尾页"),
    "site footer": (
        "版权所有",
        "ICP备",
        "ICP证",
        "公网安备",
        "网站地图",
        "联系我们",
        "关于我们",
        "主办单位",
        "技术支持",
        "Copyright",
        "copyright",
        "©",
    ),
    "promotion": ("CLICK HERE", "CLICKING HERE"),
    "page tools": (
        "字号",
        "打印本页",
        "【打印】",
        "关闭窗口",
        "【关闭】",
        "[打印]",
        "[关闭]",
        "收藏本页",
        "返回顶部",
        "加入收藏",
        "设为首页",
    ),
    "editor line": ("责任编辑", "编辑：", "编辑:", "责编：", "责编:", "审核：", "校对："),
}
# Each cue phrase with its rule, and all of them as one pattern (one scan of a text finds any).
CUE_RULE: dict[str, str] = {cue: rule for rule, cues in CUES.items() for cue in cues}
CUE_PATTERN = re.compile(alternation(CUE_RULE))
# For a page's whole text the cues are split: a pattern of those that open with a capital, a
# sign or a Chinese character, which the engine skips ahead to; the lower-case words (copyright,
# newsletter) are found by substring search (a pattern would stop at every a, c, n and s).
LOWER_CUES = tuple(cue for cue in CUE_RULE if cue[0].islower())
CUE_PATTERN_UNCASED = re.compile(alternation(cue for cue in CUE_RULE if cue not in LOWER_CUES))
# Cues that are part of another word after these characters: 发文字号 (a document's number on
# government pages) is no 字号 font-size switcher.
CUE_VOID_AFTER: dict[str, str] = {"字号": "文"}


def cue_is_void(text: str, start: int, cue: str) -> bool:
    """Whether the cue found at ``start`` in ``text`` is part of a longer word."""
    before = CUE_VOID_AFTER.get(cue)
    return before is not None and start > 0 and text[start - 1] in before


CUE_LINE_MAX = 80

# Names on the buttons of a share bar: a line made of nothing else is one.
SHARE_BUTTONS = frozenset(
    {
        "facebook",
        "twitter",
        "google+",
        "whatsapp",
        "pinterest",
        "pint",
        "linkedin",
        "reddit",
        "tumblr",
        "telegram",
        "email",
        "e-mail",
        "print",
        "share",
        "tweet",
        "messenger",
        "flipboard",
        "weibo",
        "wechat",
        "微信",
        "微博",
        "qq",
        "qq空间",
        "复制链接",
    }
)

# Lines that are nothing but the label of a page control (a button, a gallery's overlay, an ad
# slot), compared in lower case: printed in the body, they are interface, not text.
INTERFACE_LABELS = frozenset(
    {
        "advert",
        "advertisement",
        "back to gallery",
        "caption",
        "close",
        "close gallery",
        "collapse",
        "e-mail",
        "email",
        "enlarge",
        "expand",
        "facebook",
        "fullscreen",
        "linkedin",
        "loading",
        "loading...",
        "log in",
        "login",
        "need help?",
        "next",
        "next slide",
        "pinterest",
        "play",
        "play video",
        "prev",
        "previous",
        "previous slide",
        "print",
        "reddit",
        "share",
        "share this",
        "sign in",
        "skip to content",
        "this slideshow requires javascript.",
        "toggle navigation",
        "tweet",
        "twitter",
        "video",
        "view gallery",
        "whatsapp",
        "打印",
        "关闭",
        "分享",
        "收藏",
    }
)

# Headings that open what follows an article (related stories, comments). The clean stage leaves
# them; the content stage cuts the body at the first one found past the middle of the text.
END_MARKERS: tuple[str, ...] = (
    "相关新闻",
    "相关阅读",
    "相关文章",
    "相关链接",
    "相关报道",
    "延伸阅读",
    "推荐阅读",
    "热点新闻",
    "热门新闻",
    "热点排行",
    "新闻排行",
    "猜你喜欢",
    "精彩推荐",
    "更多精彩",
    "网友评论",
    "Related Articles",
    "Related articles",
    "Related Stories",
    "Related stories",
    "Related Content",
    "Related content",
    "Related Tags",
    "Related Topics",
    "Related Posts",
    "RELATED",
    "Related:",
    "You may also like",
    "You might also like",
    "You May Also Like",
    "Recommended for you",
    "More from",
    "More Stories",
    "More stories",
    "MORE STORIES",
    "Most Popular",
    "Most popular",
    "Most Read",
    "MOST READ",
    "Trending Now",
    "Read More",
    "Read more",
    "READ MORE",
    "RECENT ARTICLES",
    "Recent Posts",
    "Recent posts",
    "Read Next",
    "What to Read Next",
    "Up Next",
    "Leave a Reply",
    "Leave a comment",
    "Leave a Comment",
    "Post a comment",
    "Join the conversation",
    "Comments",
    "COMMENTS",
    "You may also be interested",
    "You might be interested",
    "Recommended",
    "RECOMMENDED",
    "Trending",
    "TRENDING",
    "Latest News",
    "Latest news",
    "LATEST NEWS",
    "More News",
    "More news",
    "MORE NEWS",
    "Related",
    "Further reading",
    "About the author",
    "About the Author",
    "ABOUT THE AUTHOR",
    "Citation:",
    # The same headings on Portuguese, Spanish, French, German and Italian pages.
    "Você pode gostar",
    "Você também pode gostar",
    "Posts relacionados",
    "Artigos relacionados",
    "Notícias relacionadas",
    "Relacionados",
    "Te puede interesar",
    "También te puede interesar",
    "Noticias relacionadas",
    "Artículos relacionados",
    "Articles similaires",
    "Articles liés",
    "Sur le même sujet",
    "Das könnte Sie auch interessieren",
    "Mehr zum Thema",
    "Ähnliche Artikel",
    "Weitere Artikel",
    "Articoli correlati",
    "Potrebbe interessarti",
    "Читайте также",
    "Похожие статьи",
    "Похожие новости",
    "Самые популярные",
    "Популярное",
    "Комментарии",
)
END_MARKER_MAX = 40

# Headings of a box of links set inside the article ("DON'T MISS", "Also read"): the heading and
# the short lines under it go, and the article goes on after them.
INLINE_MARKERS: tuple[str, ...] = (
    "DON'T MISS",
    "Don't miss",
    "Veja também",
    "Leia também",
    "Lee también",
    "À lire aussi",
    "Lire aussi",
    "Leggi anche",
    "Also read",
    "ALSO READ",
    "Read also",
    "Read Also",
    "See also",
    "READ MORE",
    "Read more:",
    "Read More:",
)
INLINE_BOX_LINE_MAX = 100

# Rights notices: taken out of the body into Article.notices.
NOTICE_WORDS = (
    "版权所有",
    "未经授权",
    "未经许可",
    "严禁转载",
    "禁止转载",
    "不得转载",
    "转载请注明",
    "版权声明",
    "免责声明",
    "all rights reserved",
    "subject to copyright",
    "may not be published",
    "may not be reproduced",
    "may not be redistributed",
)
# Searched for in the lower-cased text: a case-sensitive pattern lets the engine skip ahead to
# the words' first characters, where a case-insensitive one tries every branch everywhere.
_NOTICE = re.compile(alternation(NOTICE_WORDS))


def is_notice(text: str) -> bool:
    """Whether ``text`` carries a rights notice (版权所有, All rights reserved, ...)."""
    return _NOTICE.search(text.lower()) is not None


NOTICE_LINE_MAX = 160
# Disclaimers portals print under what their users post (网易号, 搜狐号): "the platform only
# stores the information". Notices too, up to a longer line.
_PLATFORM_LABELS = ("特别声明", "平台声明", "免责声明")
_PLATFORM_WORDS = ("仅提供信息存储", "only provides information storage")


def is_platform_notice(text: str) -> bool:
    """A portal's disclaimer: 特别声明： at its start, or "only provides information storage"."""
    if text.startswith(_PLATFORM_LABELS) and text[4:5] in (":", "："):
        return True
    return any(word in text for word in _PLATFORM_WORDS)


PLATFORM_NOTICE_LINE_MAX = 300

# Info line under the headline (source, time, author, counters): dropped from the body.
INFO_CUE = re.compile(
    r"(来源|稿源|出处|发布时间|发布日期|发表时间|时间|日期|作者|浏览|点击|阅读|访问|次数|字号|"
    r"编辑|责编|记者|通讯员|摄影|供图)\s*[:：]"
)
INFO_LINE_MAX = 160

# Elements whose text belongs to the block around them.
INLINE_TAGS = frozenset(
    "a abbr b big cite code em font i kbd mark q s small span strike strong sub sup tt u wbr "
    "label time nobr ins del".split()
)
