"""Tests for zhangye_cli.normalize: each named step, and normalize_article over every field."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

import zhangye_cli
from zhangye_cli.article import Article, Block, Image
from zhangye_cli.config import Config
from zhangye_cli.normalize import (
    apply_step,
    collapse_whitespace,
    drop_invisible,
    normalize_article,
    punct_ascii,
    punct_fullwidth,
    script_simplified,
    script_traditional,
)
from zhangye_cli.records import RepairStep

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parent.parent / "fixtures/normalize/cases.json").read_text("utf-8")
)["cases"]


def _param(case: dict[str, Any]) -> Any:
    marks = []
    if case["status"] == "xfail":
        marks.append(pytest.mark.xfail(strict=True, reason=case["reason"]))
    return pytest.param(case, id=case["id"], marks=marks)


NORMALIZE_CASES = [_param(c) for c in CASES if c["stage"] == "normalize"]


def full_article(text: str) -> Article:
    """An Article with ``text`` in every text field."""
    return Article(
        url="http://example.cn/a.html",
        title=text,
        site_name=text,
        source=text,
        description=text,
        authors=(text,),
        editors=(text,),
        section=(text, text),
        keywords=(text,),
        notices=(text,),
        images=(Image(src="a.jpg", alt=text, caption=text),),
        blocks=(
            Block("paragraph", text=text),
            Block("heading", text=text, level=2),
            Block("quote", text=text),
            Block("list", items=(text, text)),
            Block("table", rows=((text, text), (text,))),
            Block("image", image=Image(src="b.jpg", alt=text, caption=text)),
        ),
    )


def all_texts(article: Article) -> list[str]:
    out = [article.title, article.site_name, article.source, article.description]
    out += [*article.authors, *article.editors, *article.section, *article.keywords]
    out += [*article.notices]
    out += [t for i in article.images for t in (i.alt, i.caption)]
    for block in article.blocks:
        out += [block.text, *block.items, *(c for row in block.rows for c in row)]
        if block.image:
            out += [block.image.alt, block.image.caption]
    return [t for t in out if t]


# --- the steps --------------------------------------------------------------------------------


def test_collapse_whitespace_in_a_line() -> None:
    assert collapse_whitespace("  中国\u00a0\u2003 新闻\t\n网  ") == ("中国 新闻 网", 7)
    assert collapse_whitespace("中国新闻") == ("中国新闻", 0)


def test_collapse_whitespace_in_a_paragraph_keeps_breaks_and_indent() -> None:
    text = "\u3000\u3000第一行  文字\n\n  第二行 \r\n结尾"
    assert collapse_whitespace(text, True)[0] == "\u3000\u3000第一行 文字\n第二行\n结尾"


def test_collapse_whitespace_keeps_ideographic_space_runs() -> None:
    assert collapse_whitespace("对标创建标准\u3000聚力攻坚克难")[1] == 0
    assert collapse_whitespace("标准\u3000 攻坚")[0] == "标准 攻坚"  # mixed run: one space


def test_a_line_loses_its_indent() -> None:
    assert collapse_whitespace("\u3000\u3000标题")[0] == "标题"


def test_drop_invisible() -> None:
    assert drop_invisible("中\u200b国\ufeff人\u00ad民\x07\x1b") == ("中国人民", 5)
    assert drop_invisible("第一行\n第二行\t尾") == ("第一行\n第二行\t尾", 0)
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert drop_invisible(family) == (family, 0)
    assert drop_invisible("a\u200db") == ("ab", 1)


def test_script_steps() -> None:
    assert script_simplified("中華民國的歷史") == ("中华民国的历史", 3)
    assert script_traditional("中华民国的历史")[0] == "中華民國的歷史"
    assert script_simplified("中国人民") == ("中国人民", 0)


def test_punct_ascii() -> None:
    assert punct_ascii("他说：“好！”（完）《书》、…")[0] == '他说:"好!"(完)<书>,...'
    assert punct_ascii("\u3000\u3000第一段。", True)[0] == "第一段."
    assert punct_ascii("plain, ascii.") == ("plain, ascii.", 0)


def test_punct_fullwidth_only_next_to_han() -> None:
    assert punct_fullwidth("他说:好,行.") == ("他说：好，行。", 3)
    assert punct_fullwidth("增长3.5%, ok: fine.") == ("增长3.5%, ok: fine.", 0)
    assert punct_fullwidth("见(附件)") == ("见（附件）", 2)


# --- normalize_article ------------------------------------------------------------------------


def test_every_field_is_normalised() -> None:
    article = full_article("  中\u200b国 \u00a0 新闻  ")
    out = normalize_article(article, Config())
    assert set(all_texts(out)) == {"中国 新闻"}
    steps = {r.step: r.count for r in out.repairs}
    assert set(steps) == {"drop-invisible", "collapse-whitespace"}
    assert steps["drop-invisible"] == len(all_texts(article))


def test_clean_article_is_returned_unchanged_with_no_step() -> None:
    article = full_article("中国新闻，全角标点：（一）“引号”！２０２２年")
    indented = Block("paragraph", text="\u3000\u3000首行缩进。\n第二行")
    article = dataclasses.replace(article, blocks=(*article.blocks, indented))
    out = normalize_article(article, Config())
    assert out.repairs == ()
    assert out == article


def test_existing_repairs_are_kept_first() -> None:
    earlier = RepairStep("pinyin-annotations", 3)
    article = dataclasses.replace(full_article("中国 新闻 "), repairs=(earlier,))
    out = normalize_article(article, Config())
    assert out.repairs[0] == earlier
    assert out.repairs[1:] == (RepairStep("collapse-whitespace", len(all_texts(article))),)


def test_the_input_article_is_not_changed() -> None:
    article = full_article(" 中華 ")
    before = dataclasses.asdict(article)
    normalize_article(article, Config(script="simplified"))
    assert dataclasses.asdict(article) == before


def test_empty_entries_are_dropped_from_lists() -> None:
    article = Article(authors=("王瑞云", " \u200b ", ""), title="\u200b")
    out = normalize_article(article, Config())
    assert out.authors == ("王瑞云",)
    assert out.title is None


@pytest.mark.parametrize(
    ("options", "step", "expected"),
    [
        ({"script": "simplified"}, "script-simplified", "中华民国：历史"),
        ({"script": "traditional"}, "script-traditional", "中華民國：歷史"),
        ({"punct": "ascii"}, "punct-ascii", "中華民國:歷史"),
    ],
)
def test_config_steps_reach_every_field(options: dict[str, str], step: str, expected: str) -> None:
    source = "中华民国：历史" if options.get("script") == "traditional" else "中華民國：歷史"
    out = normalize_article(full_article(source), Config().with_options(**options))
    assert set(all_texts(out)) == {expected}
    assert [r.step for r in out.repairs] == [step]


def test_keep_options_change_nothing() -> None:
    article = full_article("中華民國：歷史")
    assert normalize_article(article, Config(script="keep", punct="keep")) == article


def test_apply_step_counts_characters() -> None:
    out, count = apply_step(Article(title="a\u200bb", authors=("c\u200b\u200bd",)), drop_invisible)
    assert (out.title, out.authors, count) == ("ab", ("cd",), 3)


@pytest.mark.parametrize("case", NORMALIZE_CASES)
def test_normalize_case(case: dict[str, Any]) -> None:
    paragraph = case.get("paragraph", False)
    if paragraph:
        article = Article(blocks=(Block("paragraph", text=case["input"]),))
    else:
        article = Article(title=case["input"])
    out = normalize_article(article, Config().with_options(**case.get("options", {})))
    text = out.blocks[0].text if paragraph else out.title
    assert text == case["expected"]
    if case["status"] == "negative":
        assert out.repairs == ()
    else:
        assert case["step"] in {r.step for r in out.repairs}


def test_replacement_characters_are_dropped_and_counted() -> None:
    from zhangye_cli.normalize import drop_replacement

    assert drop_replacement("人们开始\ufffd“形式”") == ("人们开始“形式”", 1)
    assert drop_replacement("干净的文字") == ("干净的文字", 0)


def test_a_page_with_an_unreadable_byte_records_the_step() -> None:
    page = (
        "<html><head><meta charset=gb2312><title>题</title></head><body><p>".encode()
        + (
            "张掖市召开全市工作会议，安排部署今年的重点任务。会议强调，要狠抓落实。".encode(
                "gb18030"
            )
            + b"\xff"
            + "各县区负责同志参加会议。".encode("gb18030")
        )
        + b"</p></body></html>"
    )
    article = zhangye_cli.extract(page)
    assert "\ufffd" not in article.text
    counts = {r.step: r.count for r in article.repairs}
    assert counts.get("drop-replacement", 0) >= 1


DAMAGE = " 中\u200b国 \ufffd 新闻 "
CLEAN = "中国新闻"


def _one_damaged(field: str) -> Article:
    article = full_article(CLEAN)
    image = Image(src="a.jpg", alt=CLEAN, caption=CLEAN)
    blocks = list(article.blocks)
    if field in ("title", "site_name", "source", "description"):
        return dataclasses.replace(article, **{field: DAMAGE})
    if field in ("authors", "editors", "section", "keywords", "notices"):
        return dataclasses.replace(article, **{field: (CLEAN, DAMAGE)})
    if field in ("alt", "caption"):
        image = dataclasses.replace(image, **{field: DAMAGE})
        return dataclasses.replace(article, images=(image,))
    if field == "block image":
        blocks[-1] = Block("image", image=dataclasses.replace(image, caption=DAMAGE))
    elif field == "list item":
        blocks[3] = Block("list", items=(CLEAN, DAMAGE))
    elif field == "table cell":
        blocks[4] = Block("table", rows=((CLEAN,), (CLEAN, DAMAGE)))
    else:
        blocks[0] = Block("paragraph", text=DAMAGE)
    return dataclasses.replace(article, blocks=tuple(blocks))


@pytest.mark.parametrize(
    "field",
    [
        "title", "site_name", "source", "description", "authors", "editors", "section",
        "keywords", "notices", "alt", "caption", "block image", "list item", "table cell",
        "paragraph",
    ],
)  # fmt: skip
def test_damage_in_any_one_field_is_repaired(field: str) -> None:
    """The steps are only run when some field shows their damage: each field is looked at.
    Dropping U+FFFD leaves two spaces that the whitespace step then collapses."""
    out = normalize_article(_one_damaged(field), Config())
    assert set(all_texts(out)) == {CLEAN, "中国 新闻"}
    assert [r.step for r in out.repairs] == [
        "drop-invisible",
        "drop-replacement",
        "collapse-whitespace",
    ]
