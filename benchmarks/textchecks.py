"""Page-level text checks for the benchmark: leftover boilerplate and mojibake.

Both checks answer "does this page's extracted text show the defect?" and return the evidence
(a few short strings) so a reviewer can see why a page was counted.

Boilerplate: one of ``BOILERPLATE`` occurs in the predicted text but not in the gold text
(white space, including U+3000, is ignored on both sides, so "当 前 位 置" still counts).

Mojibake: text that was decoded with the wrong codec. Each rule targets one mechanism and
confirms it by re-encoding the suspect run and decoding it with the codec the bytes really were
in; a rule fires only when that round trip yields the kind of text the mistake destroyed:

- ``U+FFFD``: a replacement character, left where a decoder met bytes it could not read.
- ``utf8-as-latin1``: a run of latin-1 / cp1252 characters (Ã©, â€™, Ã¤Â½...) whose bytes
  are valid UTF-8 that decodes to non-ASCII text.
- ``gbk-as-latin1``: a run of at least 4 latin-1 / cp1252 characters, at least 3 distinct, whose
  bytes are valid GB18030 that decodes to CJK characters only (ÖÐ¹ú → 中国).
- ``utf8-as-gbk``: UTF-8 Chinese read as GBK. Two signals: ``锟斤拷`` (U+FFFD's UTF-8 bytes read
  as GBK), or the characters 锛 / 銆 / 鈥, which are what the first two UTF-8 bytes of ，：（）！？
  / 、。《》【】 / “”‘’… become and are vanishingly rare in real text, found at least twice; or a
  run of non-ASCII characters whose GB18030 bytes decode as UTF-8 into CJK characters covering at
  least half of those bytes (real Chinese re-read that way yields almost none).
- ``lost-char``: a character lost together with the "(" of an inserted pinyin gloss, which
  leaves "?" followed by a tone-marked syllable and ")" (日?qǐng)).

The detector is checked against the gold texts of every set (it must flag none) and against
damaged text, see ``self_test``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

BOILERPLATE: tuple[str, ...] = (
    "版权所有",
    "责任编辑",
    "人参与",
    "当前位置",
    "当前的位置",
    "上一篇",
    "下一篇",
    "分享到",
    "ICP备",
)

_SPACE = re.compile(r"\s+")


def boilerplate_kept(pred: str, gold: str) -> list[str]:
    """The boilerplate strings present in ``pred`` and absent from ``gold``."""
    p, g = _SPACE.sub("", pred or ""), _SPACE.sub("", gold or "")
    return [s for s in BOILERPLATE if s in p and s not in g]


# cp1252 maps these code points to bytes 0x80-0x9f; latin-1 maps U+0080-U+00FF to themselves.
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_TO_BYTE: dict[int, int] = {ord(ch): ch.encode("cp1252")[0] for ch in _CP1252_HIGH}
_TO_BYTE.update({cp: cp for cp in range(0x80, 0x100)})
_LATIN_RUN = re.compile("[\u0080-\u00ff" + re.escape(_CP1252_HIGH) + "]{2,}")

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f\s]{4,}")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_GBK_SIGNS = ("锛", "銆", "鈥")
_LOST_CHAR = re.compile("\\?[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*\\)")


def _latin_bytes(run: str) -> bytes:
    return bytes(_TO_BYTE[ord(ch)] for ch in run)


@dataclass(frozen=True)
class Finding:
    rule: str
    sample: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.sample!r}"


def find_mojibake(text: str) -> list[Finding]:
    """Evidence of wrong decoding in ``text`` (an empty list for clean text)."""
    found: list[Finding] = []
    if not text:
        return found
    pos = text.find("\ufffd")
    if pos >= 0:
        found.append(Finding("U+FFFD", text[max(0, pos - 8) : pos + 8]))
    for m in _LATIN_RUN.finditer(text):
        run = m.group()
        raw = _latin_bytes(run)
        try:
            as_utf8 = raw.decode("utf-8")
        except UnicodeDecodeError:
            as_utf8 = ""
        if as_utf8 and not as_utf8.isascii():
            found.append(Finding("utf8-as-latin1", run[:24]))
            break
        letters = sum(1 for ch in run if "\u00c0" <= ch <= "\u00ff")
        if len(run) >= 4 and len(set(run)) >= 3 and 4 * letters >= len(run):
            han = len(_HAN.findall(raw.decode("gb18030", "replace")))
            if 2 * han >= 0.6 * len(raw):
                found.append(Finding("gbk-as-latin1", run[:24]))
                break
    signs = sum(text.count(s) for s in _GBK_SIGNS)
    if "锟斤拷" in text or signs >= 2:
        found.append(
            Finding("utf8-as-gbk", "锟斤拷" if "锟斤拷" in text else f"{signs} x 锛/銆/鈥")
        )
    else:
        for m in _NON_ASCII_RUN.finditer(text):
            run = m.group()
            try:
                raw = run.encode("gb18030")
            except UnicodeEncodeError:
                continue
            han = len(_HAN.findall(raw.decode("utf-8", "replace")))
            if han >= 3 and 3 * han >= len(raw) / 2:
                found.append(Finding("utf8-as-gbk", run[:24]))
                break
    m2 = _LOST_CHAR.search(text)
    if m2:
        found.append(Finding("lost-char", text[max(0, m2.start() - 4) : m2.end()]))
    return found


def _damage(text: str) -> Iterable[tuple[str, str]]:
    """The ways a text gets damaged by a wrong codec (for the self test)."""
    if text.isascii():
        return
    utf8 = text.encode("utf-8")
    yield "utf8-as-latin1", utf8.decode("latin-1")
    yield "utf8-as-cp1252", utf8.decode("cp1252", "replace")
    if len(_HAN.findall(text)) >= len(text) / 5:
        # The Chinese codecs matter for Chinese text (GBK bytes of English are ASCII).
        yield "utf8-as-gbk", utf8.decode("gbk", "replace")
        try:
            gbk = text.encode("gb18030")
        except UnicodeEncodeError:
            return
        yield "gbk-as-utf8", gbk.decode("utf-8", "replace")
        yield "gbk-as-latin1", gbk.decode("latin-1")


def self_test(texts: Sequence[tuple[str, str]]) -> tuple[list[str], dict[str, tuple[int, int]]]:
    """Run the detector over clean texts ``(id, text)`` and over damaged copies of them.

    Returns the clean texts it (wrongly) flags, as "id: finding", and per kind of damage
    (flagged, damaged texts with CJK or accented letters) for the damaged copies.
    """
    false_alarms = [f"{tid}: {f}" for tid, t in texts for f in find_mojibake(t)]
    caught: dict[str, tuple[int, int]] = {}
    for _tid, t in texts:
        # Damage a paragraph-sized piece: the run rules look at runs, not at whole pages.
        piece = t[:400]
        for kind, damaged in _damage(piece):
            if damaged == piece:
                continue
            hit, total = caught.get(kind, (0, 0))
            caught[kind] = (hit + bool(find_mojibake(damaged)), total + 1)
    return false_alarms, caught


def main() -> int:
    """Check the detector on the gold texts of each set: ``python benchmarks/textchecks.py``."""
    import argparse
    import json
    from pathlib import Path

    ap = argparse.ArgumentParser(description=main.__doc__)
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"
    ap.add_argument("--bench-dir", type=Path, default=default)
    ap.add_argument("--sets", default="zh-dev,aeb")
    args = ap.parse_args()
    texts: list[tuple[str, str]] = []
    for name in args.sets.split(","):
        with open(args.bench_dir / name / "gold.jsonl", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    gold = json.loads(line)
                    texts += [
                        (f"{name}/{gold['id']}:{k}", gold[k])
                        for k in ("text", "title", "author")
                        if gold.get(k)
                    ]
    false_alarms, caught = self_test(texts)
    print(f"{len(texts)} gold texts (text, title, author), flagged: {len(false_alarms)}")
    for alarm in false_alarms:
        print("  false alarm", alarm)
    for kind, (hit, total) in caught.items():
        print(f"damaged as {kind}: {hit}/{total} flagged")
    return 1 if false_alarms else 0


if __name__ == "__main__":
    raise SystemExit(main())
