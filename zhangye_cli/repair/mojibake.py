"""Undo wrong decodes: UTF-8 or GBK bytes read as latin-1/cp1252, and UTF-8 bytes read as GBK.

Each repair works on runs of text that show its damage (never across HTML markup), re-creates the
bytes the wrong decoder saw, decodes them the right way and keeps the result only when it reads
as Chinese. Each returns the text and how many characters it restored.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from .gbk import gbk_reads_pair
from .lexicon import best_path, mean_char_score, plausibility

# --- bytes read as latin-1 or cp1252 ---------------------------------------------------------

# cp1252 puts printable characters on 0x80-0x9F where latin-1 has C1 controls; map both back.
_CP1252_BYTE = {
    bytes((b,)).decode("cp1252"): b
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_HIGH = "\u0080-\u00ff" + "".join(_CP1252_BYTE)
# A run: high latin-1/cp1252 characters with the ASCII that can sit between them (no markup),
# from the first high character to the last (the ASCII after it needs no repair). A lone high
# character (a quotation mark, an accented letter) is no run: it never needs repair.
_LATIN_RUN = re.compile(f"[{_HIGH}][{_HIGH}\\x20-\\x3b\\x3d\\x3f-\\x7e]*[{_HIGH}]")
_HIGH_CHAR = re.compile(f"[{_HIGH}]")
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
_MIN_HIGH = 4  # fewer high characters than this is a foreign word, not mojibake
# UTF-8 read as latin-1: a lead byte's character followed by a continuation byte's.
_UTF8_SHAPE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf" + "".join(c for c, b in _CP1252_BYTE.items() if b < 0xC0) + "]"
)
# Mean log probability of the characters of real Chinese text is -6 to -9 (-13 for a list of
# names); a short run must clear the stricter bar.
_MIN_MEAN_SCORE = -10.0
_MIN_MEAN_SCORE_LONG = -13.5
_SHORT = 8


def _latin_bytes(run: str) -> bytes | None:
    out = bytearray()
    for char in run:
        code = ord(char)
        if code < 0x100:
            out.append(code)
        elif char in _CP1252_BYTE:
            out.append(_CP1252_BYTE[char])
        else:
            return None
    return bytes(out)


def _fix_latin_run(run: str) -> tuple[str, str | None]:
    """Repair one run: (new text, step name) or (run, None) when it is not mojibake."""
    raw = _latin_bytes(run)
    if raw is None:
        return run, None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if text != run and not text.isascii():
            return text, "mojibake-utf8-as-latin1"
    try:
        text = raw.decode("gbk")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            return run, None
    han = len(_HAN.findall(text))
    wide = sum(1 for c in text if not c.isascii())
    if han < 2 or han * 2 < wide or plausibility(text) < 0.9:
        return run, None
    # Accented letters of a European word also pair up into Han characters, but rare ones
    # (ÀÁÂÃ → 懒旅): Chinese text keeps to common characters.
    if mean_char_score(text) >= (_MIN_MEAN_SCORE if han <= _SHORT else _MIN_MEAN_SCORE_LONG):
        return text, "mojibake-gbk-as-latin1"
    return run, None


def _ftfy_fix(run: str) -> str:
    import ftfy

    return str(ftfy.fix_encoding(run))


def fix_latin1_mojibake(text: str) -> tuple[str, dict[str, int]]:
    """Repair UTF-8 or GBK bytes that were read as latin-1 or cp1252.

    UTF-8 is tried first (its byte structure rarely fits by chance; ftfy's ``fix_encoding``
    covers the sloppy cases), then GBK, kept only when it decodes cleanly into common Chinese.
    Returns the text and, per step name, the number of characters restored.
    """
    counts: dict[str, int] = defaultdict(int)

    def repl(match: re.Match[str]) -> str:
        run = match.group(0)
        # A run is high characters and printable ASCII: the ASCII ones are counted in C.
        high = len(run) - len(run.encode("ascii", "ignore"))
        if high < _MIN_HIGH:
            return run
        # GBK read as latin-1 turns every Chinese character into two high characters; a
        # European text's accented letters are a few among many (and need not be looked at
        # unless they are shaped like UTF-8).
        utf8_shaped = _UTF8_SHAPE.search(run) is not None
        if not utf8_shaped and high * 2 < len(run) - run.count(" "):
            return run
        # Chinese text uses cp1252's “”…— itself; mojibake is mostly latin-1 letters and signs.
        latin = sum(1 for c in run if "\u00a0" <= c <= "\u00ff")
        if latin * 2 < high:
            return run
        fixed, step = _fix_latin_run(run)
        if step is None:
            if not utf8_shaped:
                return run
            candidate = _ftfy_fix(run)
            if candidate != run and _HAN.search(candidate):
                fixed, step = candidate, "mojibake-utf8-as-latin1"
            else:
                return run
        counts[step] += sum(1 for c in fixed if not c.isascii())
        return fixed

    return _LATIN_RUN.sub(repl, text), dict(counts)


# --- UTF-8 read as GBK -----------------------------------------------------------------------

_MAX_SPELLINGS = 4096  # candidate byte sequences weighed for one character (two lost bytes)
_MAX_HOLE_SHARE = 0.34  # lost bytes among all bytes (Chinese UTF-8 read as GBK loses 4-17%)
_WORK_PER_BYTE = 16  # spellings weighed per byte of a run before the search gives up
# A run: text between markup and line breaks (what a GBK decoder made of it is checked later).
_GBK_RUN = re.compile("[^<>&\\r\\n]+")


def _utf8_byte(byte: int) -> bool:
    """A byte that UTF-8 uses in Chinese text: a continuation byte or a three-byte lead."""
    return 0x80 <= byte <= 0xBF or 0xE0 <= byte <= 0xEF


@lru_cache(maxsize=1)
def _utf8_shaped() -> tuple[frozenset[str], frozenset[str]]:
    """Characters whose two GBK bytes are both UTF-8 bytes; and those that start like UTF-8
    Chinese (a lead E4-E9 then a continuation byte), which clean text seldom uses."""
    loose: set[str] = set()
    strong: set[str] = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if not (_utf8_byte(lead) and _utf8_byte(trail)):
                continue
            try:
                char = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            loose.add(char)
            if 0xE4 <= lead <= 0xE9 and trail <= 0xBF:
                strong.add(char)
    return frozenset(loose), frozenset(strong)


def _run_bytes(run: str) -> list[int | None] | None:
    """The bytes a GBK decoder read to produce ``run``; None marks a byte it replaced."""
    out: list[int | None] = []
    for char in run:
        if char == "\ufffd":
            out.append(None)
            continue
        try:
            out.extend(char.encode("gbk"))
        except UnicodeEncodeError:
            return None
    return out


def _looks_like_utf8(stream: list[int | None]) -> bool:
    """Cheap test before the search: apart from the holes, the bytes must be UTF-8."""
    holes = stream.count(None)
    if holes > _MAX_HOLE_SHARE * len(stream):
        return False
    data = bytes(0x80 if b is None else b for b in stream)
    if not holes:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True
    return data.decode("utf-8", errors="replace").count("\ufffd") <= 3 * holes


def _hole_options(stream: list[int | None], i: int) -> list[int]:
    """Bytes that a GBK decoder would have replaced at position ``i`` (one byte consumed)."""
    nxt = stream[i + 1] if i + 1 < len(stream) else None
    return [
        b
        for b in range(0x80, 0x100)
        if b in (0x80, 0xFF) or nxt is None or not gbk_reads_pair(b, nxt)
    ]


def _decoder_would_fail(seq: list[int], stream: list[int | None], pos: int) -> bool:
    """Two lost bytes in a row: the GBK decoder failed on the first, so with the second it
    must not spell a character (else it would have read them as one)."""
    for k in range(len(seq) - 1):
        if stream[pos + k] is None and stream[pos + k + 1] is None:
            first, second = seq[k], seq[k + 1]
            if first not in (0x80, 0xFF) and gbk_reads_pair(first, second):
                return False
    return True


def _utf8_length(lead: int) -> int:
    if lead < 0x80:
        return 1
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def _decode_holed_utf8(stream: list[int | None]) -> str | None:
    """The most plausible UTF-8 text that fits ``stream`` (holes filled), or None."""
    n = len(stream)
    options: list[list[int]] = [
        _hole_options(stream, i) if b is None else [b] for i, b in enumerate(stream)
    ]
    lattice: dict[int, list[tuple[int, str]]] = {}
    budget = _WORK_PER_BYTE * n + 4 * _MAX_SPELLINGS
    for pos in range(n):
        edges: list[tuple[int, str]] = []
        for first in options[pos]:
            size = _utf8_length(first)
            if not size or pos + size > n:
                continue
            seqs = [[first]]
            for j in range(pos + 1, pos + size):
                seqs = [[*s, b] for s in seqs for b in options[j] if 0x80 <= b <= 0xBF]
                if len(seqs) > _MAX_SPELLINGS:
                    seqs = []  # more lost bytes in one character than can be weighed
                    break
            budget -= len(seqs)
            if budget < 0:
                return None  # lost bytes everywhere: not text worth the search
            for seq in seqs:
                if not _decoder_would_fail(seq, stream, pos):
                    continue
                try:
                    char = bytes(seq).decode("utf-8")
                except UnicodeDecodeError:
                    continue
                edges.append((pos + size, char))
        if edges:
            lattice[pos] = edges
    return best_path(lattice, n)


def fix_utf8_as_gbk(text: str) -> tuple[str, int]:
    """Repair UTF-8 text that a GBK decoder read (each U+FFFD there hides one lost byte).

    A run qualifies when many of its characters have UTF-8-shaped GBK bytes. Its bytes are
    re-created; every lost byte is one of the few values the decoder would have replaced there,
    and the most plausible Chinese text over all those choices is kept, only if reading it back
    as GBK gives exactly the damaged run. Returns the text and the characters restored.
    """
    loose, _ = _utf8_shaped()
    strong = _shaped_pattern()
    restored = 0

    def repl(match: re.Match[str]) -> str:
        nonlocal restored
        run = match.group(0)
        if not strong.search(run):
            return run
        wide = [c for c in run if not c.isascii()]
        shaped = sum(1 for c in wide if c in loose or c == "\ufffd")
        if len(wide) < 3 or shaped < 0.9 * len(wide):
            return run
        stream = _run_bytes(run)
        if stream is None or not _looks_like_utf8(stream):
            return run
        fixed = _decode_holed_utf8(stream)
        if fixed is None or fixed == run or not _HAN.search(fixed):
            return run
        if fixed.encode("utf-8").decode("gbk", errors="replace") != run:
            return run
        if plausibility(fixed) < 0.9 or mean_char_score(fixed) <= mean_char_score(run):
            return run
        restored += sum(1 for c in fixed if not c.isascii())
        return fixed

    return _GBK_RUN.sub(repl, text), restored


@lru_cache(maxsize=1)
def _shaped_pattern() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted(_utf8_shaped()[1]))) + "]")


def has_utf8_shaped(text: str) -> bool:
    """Whether ``text`` holds a character that starts like UTF-8 Chinese read as GBK (what
    ``fix_utf8_as_gbk`` mends runs around)."""
    return _shaped_pattern().search(text) is not None


def utf8_shaped_count(text: str) -> int:
    """How many characters of ``text`` start like UTF-8 Chinese read as GBK (the cheap scan)."""
    return len(_shaped_pattern().findall(text))
