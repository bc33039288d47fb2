"""Tests for zhangye_cli.repair: each of its modules, the labelled cases, and the contract.

Damaged text is made here from clean sentences with the damage models of the bench README
(``farm_damage``, ``.encode(...).decode(...)``), so the tests show that each repair inverts
its model, not just that it knows a few strings.
"""

from __future__ import annotations

import html
import json
import time
from pathlib import Path
from typing import Any

import opencc
import pytest

import zhangye_cli
from zhangye_cli import Config
from zhangye_cli.pipeline import repair_page
from zhangye_cli.records import DecodedPage, EncodingDecision, RawPage, RepairStep
from zhangye_cli.repair import (
    annotations,
    gbk,
    lexicon,
    mojibake,
    pinyin,
    repair_text,
    script,
    utf8_cjk,
    utf8_latin_letters,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "normalize"
CASES: list[dict[str, Any]] = json.loads((FIXTURES / "cases.json").read_text("utf-8"))["cases"]
FILLER = (
    "本报讯 记者从有关部门获悉，今年以来各项工作稳步推进，取得了积极成效。",
    "下一步，相关部门将继续加强协调配合，确保各项措施落到实处。",
)


def _param(case: dict[str, Any]) -> Any:
    marks = []
    if case["status"] == "xfail":
        marks.append(pytest.mark.xfail(strict=True, reason=case["reason"]))
    return pytest.param(case, id=case["id"], marks=marks)


REPAIR_CASES = [_param(c) for c in CASES if c["stage"] == "repair"]
PIPELINE_CASES = [_param(c) for c in CASES if c["stage"] == "repair" and c.get("pipeline")]


# --- the content farm's damage, as the bench README describes it -----------------------------


def lossy_gbk_decode(data: bytes, user_defined: str = "private-use") -> str:
    """A decoder that reads a lead byte followed by "(" as one "?" (the farm's decoder).

    Pairs in GBK's user-defined areas come out as private-use characters, or with
    ``user_defined="replace"`` as one U+FFFD for the first byte (what Python's gbk codec does).
    """
    out: list[str] = []
    i = 0
    while i < len(data):
        byte = data[i]
        if byte < 0x80:
            out.append(chr(byte))
            i += 1
            continue
        if i + 1 < len(data):
            if data[i + 1] == 0x28:
                out.append("?")
                i += 2
                continue
            try:
                codec = "gb18030" if user_defined == "private-use" else "gbk"
                out.append(data[i : i + 2].decode(codec))
                i += 2
                continue
            except UnicodeDecodeError:
                pass
        out.append("?" if user_defined == "private-use" else "\ufffd")
        i += 1
    return "".join(out)


def farm_damage(
    simplified: str,
    annotated: dict[str, str],
    config: str = "s2t",
    user_defined: str = "private-use",
) -> str:
    """Traditional characters, "(pinyin)" after every GBK byte pair of an annotated character
    (straddling pairs too), then the lossy decoder."""
    data = opencc.OpenCC(config).convert(simplified).encode("gbk")
    keys = {c.encode("gbk"): s for c, s in annotated.items()}
    out = bytearray()
    for i, byte in enumerate(data):
        out.append(byte)
        if i and bytes(data[i - 1 : i + 1]) in keys:
            out += f"({keys[bytes(data[i - 1 : i + 1])]})".encode("gbk")
    return lossy_gbk_decode(bytes(out), user_defined)


ANNOTATED = {
    "驗": "yàn", "開": "kāi", "內": "nèi", "聯": "lián", "現": "xiàn", "實": "shí", "為": "wéi",
    "請": "qǐng", "報": "bào", "發": "fā", "態": "tài", "點": "diǎn", "資": "zī", "詢": "xún",
    "員": "yuán", "們": "men", "國": "guó", "網": "wǎng", "書": "shū", "記": "jì", "區": "qū",
    "調": "diào", "創": "chuàng", "強": "qiáng", "據": "jù", "張": "zhāng", "著": "zhe",
    "這": "zhè", "築": "zhù", "統": "tǒng", "會": "huì", "說": "shuō", "時": "shí", "關": "guān",
}  # fmt: skip
SENTENCES = (
    "据张掖日报报道，市委书记深入甘州区调研创建全国文明城市工作。",
    "因为一开始设立时，是供人避难的地方，后来才逐渐成为医疗机构，开展医疗服务。",
    "目前各地能够实现资源共享，发展态势良好，相关会议说明了有关情况。",
    "如需咨询如何成为作者，请联系我们的工作人员，我们会及时回复。",
    "这里保留着很多传统的建筑，当时的书记说要把它们保护起来。",
)


def steps_of(result: tuple[str, tuple[RepairStep, ...]]) -> dict[str, int]:
    return {s.step: s.count for s in result[1]}


# --- gbk.py -----------------------------------------------------------------------------------


def test_pair_char_reads_gbk_pairs() -> None:
    assert gbk.pair_char(0xD6, 0xD0) == "中"
    assert gbk.pair_char(0xD5, 0x88) == "請"
    assert gbk.pair_char(0xD5, 0x28) is None  # "(" is never a second byte
    assert not gbk.gbk_reads_pair(0x80, 0x41)


def test_decode_skipping_drops_only_orphan_bytes() -> None:
    assert gbk.decode_skipping("中文".encode("gb18030")) == "中文"
    assert gbk.decode_skipping(b"a\xffb\xd6\xd0") == "ab中"
    assert gbk.decode_skipping(b"\xd6\xd0\xd6") == "中"


# --- pinyin.py --------------------------------------------------------------------------------


def test_readings_cover_every_reading_with_and_without_tones() -> None:
    assert {"háng", "xíng", "hang", "xing"} <= pinyin.readings("行")
    assert {"lǜ", "lü", "lu", "lv"} <= pinyin.readings("綠")
    assert pinyin.is_reading("zhe", "著")
    assert not pinyin.is_reading("guó", "中")
    assert pinyin.readings("A") == frozenset()


def test_syllables_are_pinyin_only() -> None:
    valid = pinyin.syllables()
    assert {"qǐng", "guó", "de", "zhuàng", "lv"} <= valid
    assert "ngbjxym" not in valid
    assert "deserticulture" not in valid


# --- lexicon.py -------------------------------------------------------------------------------


def test_best_path_prefers_known_words() -> None:
    lattice = {0: [(1, "每")], 1: [(2, "个"), (2, "中")], 2: [(3, "国")], 3: [(4, "王")]}
    assert lexicon.best_path(lattice, 4) == "每个国王"


def test_best_path_without_a_way_through_is_none() -> None:
    assert lexicon.best_path({0: [(1, "中")]}, 3) is None


def test_plausibility_tells_common_text_from_rare_characters() -> None:
    assert lexicon.plausibility("我们的目标是发展经济") == 1.0
    assert lexicon.mean_char_score("中国人民") > lexicon.mean_char_score("涓浗浜烘皯")


# --- mojibake.py ------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_utf8_read_as_latin1_or_cp1252(codec: str) -> None:
    clean = "中国人民今天的天气很好，我们的目标"  # no byte that cp1252 leaves undefined
    damaged = clean.encode("utf-8").decode(codec)
    fixed, counts = mojibake.fix_latin1_mojibake(damaged)
    assert fixed == clean
    assert counts == {"mojibake-utf8-as-latin1": len(clean)}


@pytest.mark.parametrize("sentence", SENTENCES)
def test_gbk_read_as_latin1(sentence: str) -> None:
    fixed, counts = mojibake.fix_latin1_mojibake(sentence.encode("gbk").decode("latin-1"))
    assert fixed == sentence
    assert counts["mojibake-gbk-as-latin1"] == len(sentence)


@pytest.mark.parametrize(
    "text",
    ["Ça c'est très élégant. À bientôt, ÉRIC!", "Größe 3×4 ÷ 2 ±1°", "ÀÁÂÃÄÅ ÈÉÊË", "©2022 ··· ××"],
)
def test_latin_text_is_not_taken_for_mojibake(text: str) -> None:
    assert mojibake.fix_latin1_mojibake(text) == (text, {})


PORTUGUESE = (
    "A informação sobre a situação atual do país foi divulgada após a reunião, e a população "
    "não ficou satisfeita com a decisão tomada pela comissão na sessão de ontem à tarde."
)


def test_a_european_paragraph_is_left_alone_and_its_double_encoding_undone() -> None:
    assert mojibake.fix_latin1_mojibake(PORTUGUESE) == (PORTUGUESE, {})
    damaged = PORTUGUESE.encode("utf-8").decode("cp1252")
    fixed, counts = mojibake.fix_latin1_mojibake(damaged)
    assert fixed == PORTUGUESE
    assert counts["mojibake-utf8-as-latin1"] > 0


def test_mojibake_inside_markup_leaves_the_markup() -> None:
    damaged = "中国新闻".encode("gbk").decode("latin-1")
    page = f'<p class="a" title="x">{damaged}</p><a href="/b?c=d">{damaged}</a>'
    fixed, _ = mojibake.fix_latin1_mojibake(page)
    assert fixed == '<p class="a" title="x">中国新闻</p><a href="/b?c=d">中国新闻</a>'


@pytest.mark.parametrize(
    "sentence",
    [
        "立足历史",
        "2月10日，连云港发布重要提醒。",
        "我们的目标是要搭建一个符合现代市场理念的平台。",
        "周边县城：震中距伽师县92公里。",
    ],
)
def test_utf8_read_as_gbk(sentence: str) -> None:
    damaged = sentence.encode("utf-8").decode("gbk", errors="replace")
    fixed, restored = mojibake.fix_utf8_as_gbk(damaged)
    assert fixed == sentence
    assert restored == sum(1 for c in sentence if not c.isascii())


@pytest.mark.parametrize("sentence", SENTENCES)
def test_utf8_read_as_gbk_is_mostly_right(sentence: str) -> None:
    # A lost byte can leave two common characters possible (一/中/个): most are still right.
    damaged = sentence.encode("utf-8").decode("gbk", errors="replace")
    fixed, _ = mojibake.fix_utf8_as_gbk(damaged)
    assert len(fixed) == len(sentence)
    assert sum(a == b for a, b in zip(fixed, sentence, strict=True)) >= 0.95 * len(sentence)


@pytest.mark.parametrize(
    "text", ["这是一段正常的中文，包含一些罕见字：涓涓细流、沙家浜。", "乱码�在这里", "鍙"]
)
def test_clean_chinese_is_not_taken_for_utf8_read_as_gbk(text: str) -> None:
    assert mojibake.fix_utf8_as_gbk(text) == (text, 0)


# --- annotations.py ---------------------------------------------------------------------------


def test_scan_counts_annotations_and_lost_marks() -> None:
    evidence = annotations.scan("中國(guó)張掖網(wǎng) 張掖日?qǐng)?bào) 毛(ngbjxym)")
    assert evidence.annotations == 2
    assert evidence.lost_marks == 2
    assert evidence.dense


@pytest.mark.parametrize(
    "text",
    [
        "汉字“行(háng)”读音",
        "行(háng)、长(cháng)、重(chóng)、乐(yuè)都是多音字，要读准。",  # glosses in simplified
        "中國(guó)",  # one annotation is not enough
        "銀行(háng)與行(xíng)人",  # one character, two syllables: glosses, not the farm
    ],
)
def test_glosses_are_not_dense(text: str) -> None:
    assert not annotations.scan(text).dense


@pytest.mark.parametrize("config", ["s2t", "s2tw"])
@pytest.mark.parametrize("sentence", SENTENCES)
def test_farm_damage_is_undone(sentence: str, config: str) -> None:
    damaged = farm_damage(sentence, ANNOTATED, config)
    assert damaged != sentence
    fixed, steps = repair_text(damaged)
    assert fixed == sentence
    names = [s.step for s in steps]
    assert names[0] == "pinyin-annotations"
    assert "traditional-to-simplified" in names


@pytest.mark.parametrize("user_defined", ["private-use", "replace"])
def test_straddling_annotation_loses_a_byte_and_misaligns_the_rest(user_defined: str) -> None:
    sentence = "如需咨询如何成为作者，请联系我们。"
    damaged = farm_damage(sentence, ANNOTATED, "s2tw", user_defined)
    assert "?nèi)" in damaged  # 詢 and 如 spell 內 across their boundary
    assert "如何" not in damaged  # the rest is read out of step
    assert repair_text(damaged)[0] == sentence


def test_byte_replaced_while_out_of_step_is_put_back() -> None:
    sentence = "世家贵族，受国家的利益，较常人多些，国家亡了。"
    annotated = {"貴": "guì", "較": "jiào", "車": "chē"}
    damaged = farm_damage(sentence, annotated, "s2t", "replace")
    assert "?chē)\ufffd" in damaged  # 受 and 國 spell 車; then a byte read out of step is lost
    fixed, steps = repair_text(damaged)
    assert fixed == sentence
    assert steps_of((fixed, steps))["lost-characters"] == 2


def test_lost_characters_are_counted() -> None:
    fixed, steps = repair_text("張掖日?qǐng)?bào)報(bào)道")
    assert fixed == "张掖日报报道"
    assert steps_of((fixed, steps)) == {
        "pinyin-annotations": 3,
        "lost-characters": 2,
        "traditional-to-simplified": 3,  # 張, 報, 報
    }


def test_restore_leaves_non_syllables_and_other_parentheses() -> None:
    text = "據(jù)報(bào)道(記者王瑞云)(2022)(一)小羽毛(ngbjxym)沙產(chǎn)業(yè)(Deserticulture)"
    result = annotations.restore(text, annotations.scan(text))
    assert result.text == "據報道(記者王瑞云)(2022)(一)小羽毛(ngbjxym)沙產業(Deserticulture)"
    assert result.removed == 4


def test_text_normalised_after_the_damage_still_loses_its_annotations() -> None:
    # "，" became "," after the damage, so the bytes before "(xiàn)" are "," and "F" (現 = AC 46).
    text = "研究重點(diǎn)?,F(xiàn)有研究對(duì)影響企業(yè)創(chuàng)新"
    fixed, _ = repair_text(text)
    assert "(xiàn)" not in fixed


# --- script.py --------------------------------------------------------------------------------


def test_to_simplified_undoes_taiwan_forms() -> None:
    assert script.to_simplified("保留著很多為人稱道的啟示")[0] == "保留着很多为人称道的启示"


def test_inverse_keeps_characters_the_forward_conversion_kept() -> None:
    assert script.to_simplified(opencc.OpenCC("s2t").convert("不在这时拚命"), inverse=True)[0] == (
        "不在这时拚命"
    )
    assert script.to_simplified("著名的學者", inverse=True)[0] == "著名的学者"


def test_count_traditional() -> None:
    assert script.count_traditional("中國人民") == 1
    assert script.count_traditional("中国人民") == 0


# --- repair_text: the contract ----------------------------------------------------------------


def test_clean_text_comes_back_as_it_was() -> None:
    text = "　　这是正常的中文，有全角标点：（括号）、“引号”！还有 English words (and brackets)。"
    assert repair_text(text) == (text, ())
    ascii_text = "plain ASCII (with) brackets? and marks)"
    out, steps = repair_text(ascii_text)
    assert out is ascii_text
    assert steps == ()


def test_traditional_text_without_damage_stays_traditional() -> None:
    text = "中華民國的歷史與文化，臺灣的風景。"
    assert repair_text(text) == (text, ())


def test_steps_are_recorded_only_when_something_changed() -> None:
    _, steps = repair_text("中國(guó)張掖網(wǎng)")
    assert all(isinstance(s, RepairStep) and s.count > 0 for s in steps)
    assert isinstance(steps, tuple)


def test_whole_page_is_repaired_and_markup_kept() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>中國(guó)張掖網(wǎng)</title>'
        "<script>var a = b ? c(d) : e(f);</script></head>"
        '<body><div class="nav" data-x="(guó)">您當(dāng)前的位置 : 中國(guó)張掖網(wǎng)</div>'
        "<p>來(lái)源:張掖市廣播電視臺(tái) 張掖日?qǐng)?bào)</p></body></html>"
    )
    fixed, _ = repair_text(page)
    assert fixed == (
        '<html><head><meta charset="utf-8"><title>中国张掖网</title>'
        "<script>var a = b ? c(d) : e(f);</script></head>"
        '<body><div class="nav" data-x="(guó)">您当前的位置 : 中国张掖网</div>'
        "<p>来源:张掖市广播电视台 张掖日报</p></body></html>"
    )


@pytest.mark.parametrize(
    "hostile",
    [
        "(" * 200_000,
        "?a)" * 60_000 + "中國",
        "中(a)" * 60_000,
        "國(guó" * 50_000,
        "Ã" * 200_000,
        "鍙" * 100_000,
        "\ufffd" * 50_000 + "涓",
        "中國(guó)" + "<p>" * 100_000,
        "中國(guó)張掖網(wǎng)\ud800" * 1000,
        "涓\ufffd\ufffd涓浗" * 20_000,
        "中國(guó)張掖網(wǎng)" + "受?chē)\ufffd家們(men)較(jiào)長(zhǎng)，" * 1_000,
    ],
    ids=[
        "parens",
        "lost-marks",
        "annotations",
        "unclosed",
        "latin",
        "shaped",
        "fffd",
        "markup",
        "surrogate",
        "lost-bytes",
        "replaced-bytes",
    ],
)
def test_hostile_input_finishes(hostile: str) -> None:
    start = time.monotonic()
    out, _ = repair_text(hostile)
    assert isinstance(out, str)
    assert time.monotonic() - start < 10  # generous: it must not hang, not be fast


@pytest.mark.parametrize("case", REPAIR_CASES)
def test_repair_case(case: dict[str, Any]) -> None:
    out, steps = repair_text(case["input"])
    assert out == case["expected"]
    if case["status"] == "negative":
        assert steps == ()
    for name, count in case.get("steps", {}).items():
        assert steps_of((out, steps)).get(name) == count


def _page(paragraph: str) -> bytes:
    paragraphs = (FILLER[0], paragraph, FILLER[1])
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    return (
        '<html><head><meta charset="utf-8"><title>新闻</title></head>'
        f'<body><div class="article"><h1>新闻</h1>{body}</div></body></html>'
    ).encode()


@pytest.mark.parametrize("case", PIPELINE_CASES)
def test_repair_case_through_the_pipeline(case: dict[str, Any]) -> None:
    article = zhangye_cli.extract(_page(case["input"]))
    texts = [b.text for b in article.blocks]
    assert case["expected"] in texts
    assert article.repairs


def test_repair_can_be_switched_off() -> None:
    damaged = "中國(guó)張掖網(wǎng)訊據(jù)張掖日?qǐng)?bào)報(bào)道,市委書(shū)記調(diào)研。"
    article = zhangye_cli.extract(_page(damaged), repair=False)
    assert damaged in article.text
    assert not article.repairs


def test_mirror_page_of_the_seed_end_to_end() -> None:
    data = (FIXTURES / "mirror-seed.html").read_bytes()
    article = zhangye_cli.extract(data, url="http://www.zgzyw.com/a/1.html")
    fields = [article.title or "", article.source or "", *article.section, *article.notices]
    fields += [article.text]
    for text in fields:
        assert "(guó)" not in text and "?qǐng)" not in text
        assert script.count_traditional(text) == 0
    assert article.title == (
        "卢小亨在调研创建全国文明城市工作时强调 对标创建标准 聚力攻坚克难 "
        "全面提升城市建设管理服务水平"
    )
    assert "张掖日报" in (article.source or "")
    assert "(记者王瑞云)" in article.text
    assert {"pinyin-annotations", "lost-characters", "traditional-to-simplified"} <= {
        r.step for r in article.repairs
    }


def _utf8_page(text: str) -> DecodedPage:
    data = text.encode("utf-8")
    return DecodedPage(RawPage(data), text, EncodingDecision("utf-8", "utf8", lossless=True))


def test_farm_damage_spelled_out_in_latin1_mojibake_is_undone_both_ways() -> None:
    """UTF-8 bytes without a CJK lead byte hold no CJK text, unless the latin-1 repair makes
    some: then the CJK repairs run on what it made."""
    sentence = SENTENCES[0]
    damaged = farm_damage(sentence, ANNOTATED, "s2t").encode("utf-8").decode("latin-1")
    decoded = _utf8_page(f"<p>{damaged}</p>")
    assert not utf8_cjk(decoded.raw.data)
    repaired = repair_page(decoded, Config())
    assert repaired.text == f"<p>{sentence}</p>"
    assert "pinyin-annotations" in [s.step for s in repaired.repairs]


def test_a_text_said_to_hold_no_cjk_skips_the_cjk_repairs() -> None:
    damaged = farm_damage(SENTENCES[0], ANNOTATED, "s2t")
    assert repair_text(damaged, cjk=False) == (damaged, ())
    assert repair_text(damaged)[0] == SENTENCES[0]


@pytest.mark.parametrize(
    "text",
    [
        "plain ascii " * 300,
        "café",  # short: any letter counts
        "café au lait, " * 200,  # long, one letter
        ("São Paulo, Zürich, café. " * 100),  # long, several letters
        "中文“引号”与·间隔号。" * 300,  # long, signs of latin-1 but no letters
        "naïve façade " * 2 + "x" * 3000 + " Ångström",
    ],
)
def test_utf8_latin_letters_tells_from_the_bytes_what_the_text_gate_tells(text: str) -> None:
    from zhangye_cli.repair import _SHORT, _latin_gate

    in_text = any("\u00c0" <= c <= "\u00ff" for c in text) and (
        len(text) <= _SHORT or _latin_gate(text)
    )
    assert utf8_latin_letters(text.encode("utf-8"), text) == in_text
