#!/usr/bin/env python3
"""Text-repair benchmark: zhangye's repair beside ftfy, on the repair data of shared/bench.

    .venv/bin/python benchmarks/repair_bench.py [REPAIR_DIR] [--gold ZH_DEV_GOLD] [--no-pipeline]

REPAIR_DIR defaults to ../shared/bench/repair beside the repository; the clean paragraphs come
from ../shared/bench/zh-dev/gold.jsonl. Not run by the tests.

- synthetic-dev.jsonl: per kind of damage, the share of paragraphs restored exactly and the
  character accuracy, i.e. difflib.SequenceMatcher(None, output, gold, autojunk=False).ratio()
  (2 * matching characters / total characters of both), averaged over paragraphs.
- annotated-real-dev.jsonl (no gold): annotations left ("(syllable)" with a pinyin syllable
  inside), lost-character marks left ("?syllable)") and traditional characters left
  (characters that OpenCC's t2s changes), summed over the excerpts.
- zh-dev gold: clean paragraphs that come back changed other than in white space (for the
  pipeline, also how many of those differ only by private-use characters, which
  zhangye_cli/text.py drops for the content and metadata stages).
- speed: characters per second through repair_text, and pages per second through the pipeline.

Columns: "zhangye" calls zhangye_cli.repair.repair_text on the text; "pipeline" runs
zhangye_cli.extract on a small article page (<title>, <h1>, clean paragraphs around the damaged
one) and takes the damaged paragraph's block back out; "ftfy.fix_text" and
"ftfy.fix_encoding" are ftfy 6 with default settings.
"""

from __future__ import annotations

import argparse
import difflib
import html
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import ftfy
import opencc

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import zhangye_cli  # noqa: E402
from zhangye_cli.repair import repair_text  # noqa: E402
from zhangye_cli.repair.pinyin import LETTERS, syllables  # noqa: E402

ANNOTATION = re.compile(f"\\(([{LETTERS}]{{1,6}})\\)")
LOST_MARK = re.compile(f"\\?([{LETTERS}]{{1,6}})\\)")
KINDS = ("annotated", "gbk-as-latin1", "utf8-as-gbk")
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
FILLER = (
    "本报讯 记者从有关部门获悉，今年以来各项工作稳步推进，取得了积极成效。",
    "下一步，相关部门将继续加强协调配合，确保各项措施落到实处。",
)
_T2S = opencc.OpenCC("t2s")
Repair = Callable[[str], str]


def read_jsonl(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def accuracy(output: str, gold: str) -> float:
    return difflib.SequenceMatcher(None, output, gold, autojunk=False).ratio()


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page(paragraphs: Iterable[str], title: str = "新闻") -> bytes:
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f'<title>{title}</title></head><body><div class="article"><h1>{title}</h1>\n'
        f"{body}\n</div></body></html>"
    ).encode()


def through_pipeline(damaged: str) -> str:
    """The damaged paragraph sent through zhangye_cli.extract inside a page, and back out."""
    try:
        article = zhangye_cli.extract(page([FILLER[0], damaged, FILLER[1]]))
    except zhangye_cli.ZhangyeError as error:
        return f"<error: {error}>"
    texts = [b.plain_text() for b in article.blocks]
    squeezed = [squeeze(t) for t in texts]
    first, last = squeeze(FILLER[0]), squeeze(FILLER[1])
    if first in squeezed and last in squeezed:
        texts = texts[squeezed.index(first) + 1 : squeezed.index(last)]
    else:
        texts = [t for t, s in zip(texts, squeezed, strict=True) if s not in (first, last)]
    return "\n".join(texts)


def pipeline_lines(lines: list[str]) -> list[str]:
    try:
        article = zhangye_cli.extract(page(lines))
    except zhangye_cli.ZhangyeError:
        return []
    return [line for b in article.blocks for line in b.plain_text().split("\n") if line]


def direct(text: str) -> str:
    return repair_text(text)[0]


def fix_text(text: str) -> str:
    return str(ftfy.fix_text(text))


def fix_encoding(text: str) -> str:
    return str(ftfy.fix_encoding(text))


def count_marks(text: str) -> tuple[int, int, int]:
    valid = syllables()
    annotations = sum(1 for m in ANNOTATION.finditer(text) if m.group(1) in valid)
    lost = sum(1 for m in LOST_MARK.finditer(text) if m.group(1) in valid)
    converted = _T2S.convert(text)
    traditional = sum(1 for a, b in zip(text, converted, strict=False) if a != b)
    return annotations, lost, traditional


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("repair_dir", nargs="?", type=Path, default=REPO.parent / "shared/bench/repair")
    ap.add_argument("--gold", type=Path, default=REPO.parent / "shared/bench/zh-dev/gold.jsonl")
    ap.add_argument(
        "--no-pipeline", action="store_true", help="skip the zhangye_cli.extract column"
    )
    args = ap.parse_args()

    tools: dict[str, Repair] = {"zhangye": direct}
    if not args.no_pipeline:
        tools["pipeline"] = through_pipeline
    tools["ftfy.fix_text"] = fix_text
    tools["ftfy.fix_encoding"] = fix_encoding
    names = list(tools)
    direct("中國(guó)張掖網(wǎng) 涓浗鍥 ÖÐ¹ú")  # load word list, dictionaries and converters once

    synthetic = read_jsonl(args.repair_dir / "synthetic-dev.jsonl")
    real = read_jsonl(args.repair_dir / "annotated-real-dev.jsonl")
    gold_pages = read_jsonl(args.gold)

    rows: list[tuple[str, list[str]]] = []
    seconds = dict.fromkeys(names, 0.0)
    chars = 0
    for kind in KINDS:
        items = [r for r in synthetic if r["kind"] == kind]
        exact = dict.fromkeys(names, 0)
        acc = dict.fromkeys(names, 0.0)
        for item in items:
            chars += len(item["damaged"])
            for name, tool in tools.items():
                start = time.perf_counter()
                out = tool(item["damaged"])
                seconds[name] += time.perf_counter() - start
                exact[name] += out == item["gold"]
                acc[name] += accuracy(out, item["gold"])
        n = len(items)
        rows.append((f"{kind} ({n}): exact", [f"{exact[t] / n:.0%} ({exact[t]})" for t in names]))
        rows.append((f"{kind} ({n}): char accuracy", [f"{acc[t] / n:.4f}" for t in names]))

    before = [0, 0, 0]
    left = {t: [0, 0, 0] for t in names}
    for item in real:
        for i, v in enumerate(count_marks(item["text"])):
            before[i] += v
        chars += len(item["text"])
        for name, tool in tools.items():
            start = time.perf_counter()
            if name == "pipeline":
                out = "\n".join(pipeline_lines(item["text"].split("\n")))
            else:
                out = tool(item["text"])
            seconds[name] += time.perf_counter() - start
            for i, v in enumerate(count_marks(out)):
                left[name][i] += v
    label = f"real excerpts ({len(real)})"
    for i, what in enumerate(("annotations", "lost-char marks", "traditional chars")):
        rows.append((f"{label}: {what} left (of {before[i]})", [str(left[t][i]) for t in names]))

    paragraphs = [p for g in gold_pages for p in g["text"].split("\n") if p.strip()]
    changed = dict.fromkeys(names, 0)
    for p in paragraphs:
        chars += len(p)
        for name, tool in tools.items():
            if name == "pipeline":
                continue
            start = time.perf_counter()
            out = tool(p)
            seconds[name] += time.perf_counter() - start
            changed[name] += squeeze(out) != squeeze(p)
    if "pipeline" in tools:
        start = time.perf_counter()
        only_private = 0
        for g in gold_pages:
            lines = [p for p in g["text"].split("\n") if p.strip()]
            wanted = {squeeze(p) for p in lines}
            without_private = {PRIVATE_USE.sub("", w) for w in wanted}
            for out in pipeline_lines(lines):
                if squeeze(out) not in wanted:
                    changed["pipeline"] += 1
                    only_private += squeeze(out) in without_private
        seconds["pipeline"] += time.perf_counter() - start
    cells = [str(changed[t]) for t in names]
    if "pipeline" in tools:
        cells[names.index("pipeline")] += f" ({only_private} only lost private-use chars)"
    rows.append((f"zh-dev clean paragraphs ({len(paragraphs)}): changed", cells))

    whole = "\n".join(g["text"] for g in gold_pages)
    start = time.perf_counter()
    repair_text(whole)
    clean_speed = len(whole) / (time.perf_counter() - start)
    speed = []
    for t in names:
        if t == "pipeline":
            pages = len(synthetic) + len(real) + len(gold_pages)
            speed.append(f"{pages / seconds[t]:,.0f} pages/s")
        else:
            speed.append(f"{chars / seconds[t]:,.0f} chars/s")
    rows.append(("speed over all items above", speed))
    rows.append(
        (
            f"speed, zh-dev gold as one clean text ({len(whole):,} chars)",
            [f"{clean_speed:,.0f} chars/s"] + [""] * (len(names) - 1),
        )
    )

    width = max(len(r[0]) for r in rows)
    cols = [max(len(n), *(len(r[1][i]) for r in rows)) for i, n in enumerate(names)]
    header = " | ".join(n.ljust(w) for n, w in zip(names, cols, strict=True))
    print(f"| {'measure'.ljust(width)} | {header} |")
    print(f"|{'-' * (width + 2)}|" + "|".join("-" * (w + 2) for w in cols) + "|")
    for label_, values in rows:
        cells = " | ".join(v.ljust(w) for v, w in zip(values, cols, strict=True))
        print(f"| {label_.ljust(width)} | {cells} |")
    print("\nchar accuracy: difflib.SequenceMatcher(autojunk=False).ratio(), mean over paragraphs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
