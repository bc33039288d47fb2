"""Names credited on a page: authors (记者, 作者, 文/, 通讯员) and editors (责任编辑, 编辑)."""

from __future__ import annotations

import re
from typing import Any

_AUTHOR_CUE = re.compile(
    r"(?:(?:本报|特约|见习|实习)?记者|通讯员|实习生|(?<![\u4e00-\u9fff])作者|"
    # 作者 ending a longer word (创作者, 合作者) is no cue, unless a separator follows: 本文作者：
    r"(?<![工读])作者(?=\s*[:：/／|｜])|撰稿|撰文|执笔|"
    r"(?<![\u4e00-\u9fff])(?:文\s*[/／|｜]\s*图|图\s*[/／|｜]\s*文|文·图|文图|图文)"
    r"\s*[/／|｜:：]?|(?<![\u4e00-\u9fff])[文图]\s*[/／|｜:：])"
)
_EDITOR_CUE = re.compile(r"(?:责任编辑|(?<![总主])编辑|责编|值班编辑|网络编辑)")

# Words that follow a cue but are not names.
_NOT_NAMES = frozenset(
    "本报 报道 记者 通讯员 编辑 责任编辑 来源 摄影 发自 新华社 实习生 综合 整理 供图 图片 视频 "
    "日电 电讯 本网 本台 我们 他们 近日 日前 今天 昨天 今年 了解 采访 看到 发现 来到 走进 从中 "
    "介绍 表示 获悉 注意 报社 网友 作者 原创 投稿 联系 简介 专栏 主页 文章 校对 审核 编审 监制 "
    "出品 策划 制作 设计 博客 分享 分享到 个人简介 简介 收藏 打印 关注 评论 推荐 更多 首页 返回 "
    "登录 注册 微博 微信 举报 字号 放大 缩小 发表 点击 阅读 浏览 查看 全文 原文 链接 本人 佚名 "
    "匿名 未知 不详 管理员 admin 讨论 上传 下载 删除 修改 回复 引用 置顶 纠错 帮助 设置 "
    "搜索 目录 关键字 关键词 标签 相关".split()
)
_NOT_INSIDE = (
    "受访",
    "供图",
    "来源",
    "报道",
    "编辑",
    "时间",
    "日期",
    "发布",
    "浏览",
    "点击",
    "上一",
    "下一",
    "审核",
    "校对",
    "字号",
)
_ORG_ENDINGS = tuple("报网社台站局委厅部办院会处所室中心")
_NAME = re.compile(
    r"^[\u4e00-\u9fff]{2,4}(?:·[\u4e00-\u9fff]{1,6})?$"  # 王瑞云, 阿卜杜·热合曼
    r"|^[A-Z][a-zA-Z.'-]+(?: [A-Z][a-zA-Z.'-]+){0,3}$"  # Jane Smith
)
_TOKEN_SPLIT = re.compile(r"[\s\u3000\u00a0、，,;；/／|｜]+")
_STOP = re.compile(r"[()（）【】\[\]「」《》<>。！？!?\n：:]|\d|发自|报道")
_TRAILERS = ("报道", "摄影", "摄", "供图", "整理", "发自", "综述")


def _clean_token(token: str) -> str:
    for trailer in _TRAILERS:
        if token.endswith(trailer) and len(token) - len(trailer) >= 2:
            return token[: -len(trailer)]
    return token


def is_name(token: str) -> bool:
    return (
        bool(_NAME.match(token))
        and token not in _NOT_NAMES
        and not (len(token) > 2 and token.endswith(_ORG_ENDINGS) and "·" not in token)
        and token[:2] not in _NOT_NAMES
        and not any(word in token for word in _NOT_INSIDE)
    )


_CUE_SEPARATORS = frozenset(" :：︱|｜/／\u3000\u00a0")


def names_after(text: str, cue: re.Pattern[str], limit: int = 40) -> list[str]:
    """Names that follow each ``cue`` in ``text``, stopping at the first word that is no name."""
    found: list[str] = []
    for match in cue.finditer(text):
        rest = text[match.end() : match.end() + limit]
        # "记者王瑞云" runs the name on; then it must start like a name ("记者观察" does not).
        # A cue that ends in its separator ("文/") is followed by a name whatever it starts with.
        run_on = (
            bool(rest)
            and "\u4e00" <= rest[0] <= "\u9fff"
            and match.group(0)[-1:] not in _CUE_SEPARATORS
        )
        if run_on and not _has_surname(rest):
            continue
        rest = rest.lstrip("".join(_CUE_SEPARATORS))
        stop = _STOP.search(rest)
        if stop:
            rest = rest[: stop.start()]
        nested = _AUTHOR_CUE.search(rest) if cue is not _AUTHOR_CUE else None
        if nested:
            rest = rest[: nested.start()]
        for raw in _TOKEN_SPLIT.split(rest):
            if not raw:
                continue
            sub = _AUTHOR_CUE.split(raw) if cue is _AUTHOR_CUE else [raw]
            tokens = [_clean_token(t) for t in sub if t]
            if not tokens or not all(is_name(t) for t in tokens):
                break
            for token in tokens:
                if token not in found:
                    found.append(token)
    return found


def authors_in(text: str) -> list[str]:
    return names_after(text, _AUTHOR_CUE)


def editors_in(text: str) -> list[str]:
    return names_after(text, _EDITOR_CUE)


_TRAILING = re.compile(
    r"[（(]\s*((?:[\u4e00-\u9fff]{2,4}[\s\u3000、]*){1,4}?)"
    r"(?:[\s\u3000]*[\u4e00-\u9fff]{0,6}报道)?\s*[)）]\s*$"
)
_PHOTOGRAPHER = re.compile(r"([\u4e00-\u9fff]{2,4})\s*[/／]\s*摄(?!影)")
_LABEL = re.compile(r"^\s*(?:作者|撰稿|记者|文|By)\s*[:：︱|｜/／]?\s*", re.I)


def trailing_names(text: str) -> list[str]:
    """Names in parentheses closing a paragraph: ……的决心。（常书香 马丹阳）"""
    match = _TRAILING.search(text)
    if not match:
        return []
    names = [n for n in re.split(r"[\s\u3000、]+", match.group(1)) if n]
    return names if names and all(is_bare_name(n) for n in names) else []


def photographers_in(text: str) -> list[str]:
    """Names credited for a picture: 蔡雪婧/摄."""
    return [m.group(1) for m in _PHOTOGRAPHER.finditer(text) if is_name(m.group(1))]


def byline_names(text: str) -> list[str]:
    """Names in a short byline element (class "author"): 作者：张三 李四, or just the names."""
    if _EDITOR_CUE.search(text):
        return []
    names = authors_in(text)
    if names:
        return names
    rest = _LABEL.sub("", text).strip()
    tokens = [t for t in _TOKEN_SPLIT.split(rest) if t]
    return tokens if tokens and len(tokens) <= 4 and all(is_name(t) for t in tokens) else []


# The commonest Chinese surnames: a bare line of two to four characters under a headline is a
# name only if it starts with one of them.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
)
# Every branch starts with a literal character, so the engine can skip ahead to one of them;
# "by" must start a word (checked where it is used).
_POSTER_CUE = re.compile(r"本[贴帖]由|发表于|By\b|by\b")


def _has_surname(text: str) -> bool:
    return text[:1] in _SURNAMES or text.startswith(_COMPOUND_SURNAMES)


def is_bare_name(text: str) -> bool:
    """A line holding only a person's name: 胡平."""
    text = text.strip()
    return (
        2 <= len(text) <= 4
        and is_name(text)
        and (text[0] in _SURNAMES or text.startswith(_COMPOUND_SURNAMES))
    )


def _username(token: str | None) -> str | None:
    if not token or token in _NOT_NAMES or token.isdigit():
        return None
    return token if re.fullmatch(r"[\w\u4e00-\u9fff.·-]{2,20}", token) else None


def poster_in(texts: Any) -> str | None:
    """Who posted a forum or blog entry: 本贴由大卫于…, ggjjzhzz 发表于 …, … by duscha."""
    nodes = texts.nodes
    for i, match in texts.search(_POSTER_CUE):
        node = str(nodes[i])
        start = match.start() - texts.starts[i]
        if (
            match.group(0) in ("By", "by")
            and start > 0
            and (node[start - 1].isalnum() or node[start - 1] == "_")
        ):
            continue  # "by" inside a word (Abby, standby)
        if match.group(0) == "发表于":
            before = node[:start].split() or (str(nodes[i - 1]).split() if i > 0 else [])
            name = _username(before[-1] if before else None)
        else:
            rest = node[start + len(match.group(0)) :].strip()
            if not rest and i + 1 < len(nodes):
                rest = str(nodes[i + 1]).strip()
            name = _username(re.split(r"[\s于]", rest, maxsplit=1)[0] if rest else None)
        if name:
            return name
    return None
