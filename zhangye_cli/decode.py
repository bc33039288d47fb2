"""Decode stage: RawPage bytes → DecodedPage text, with the EncodingDecision that says why.

Order: the user's --encoding; a byte-order mark; bytes that are valid UTF-8 (they beat any legacy
declaration); the HTTP header charset, then the ``<meta>`` charset, each trusted only if the bytes
decode cleanly under it; detection (gb18030 and big5 checked for plausible Chinese text, then
charset-normalizer); last, a weak latin-1 family label.
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from .charsets import (
    CJK,
    WEAK,
    bom_codec,
    codec_for,
    forced_codec,
    header_charset,
    meta_charset,
)
from .config import Config
from .errors import EncodingError
from .records import DecodedPage, EncodingDecision, RawPage
from .sources import check_page

# The commonest Chinese characters, simplified and traditional: in real Chinese text they are a
# good share of all characters; in bytes read with the wrong CJK codec they are rare.
COMMON_HANZI = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年"
    "过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心"
    "她本前开但因只从想实日月市区县省工作记者报道新闻网"
    "這個們來為國會對時說後裡過發現當沒動麼經學從還進開實區縣記報導聞網與將業長門問間"
)


def _decode_counting(data: bytes, codec: str) -> tuple[str, int]:
    """Decode with replacement; return the text and how many bad sequences were replaced."""
    try:
        return data.decode(codec), 0
    except UnicodeDecodeError:
        text = data.decode(codec, "replace")
        return text, text.count("\ufffd")


_PROBE = 65536


def _utf8_probe(data: bytes) -> tuple[str, int]:
    """Like ``_decode_counting(data, "utf-8")``, but bytes that are plainly not UTF-8 (a GBK
    page) are told by their first part, without decoding the whole page with replacements."""
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    if len(data) > _PROBE:
        head = data[:_PROBE].decode("utf-8", "replace").count("\ufffd")
        if not _clean_enough(data, head - 1):  # the cut may split one character
            return "", head
    return _decode_counting(data, "utf-8")


def _clean_enough(data: bytes, errors: int) -> bool:
    """A handful of bad bytes in a large page is damage, not a wrong codec."""
    return errors <= 2 + len(data) // 20000


_CJK_CHAR = re.compile("[\u4e00-\u9fff]")
_COMMON_CHAR = re.compile("[" + "".join(sorted(COMMON_HANZI)) + "]")


def hanzi_plausibility(text: str, sample: int = 20000) -> float:
    """Share of common characters among the CJK characters of ``text`` (0 when there are none).
    Both are counted by regular-expression scans in C."""
    part = text[:sample]
    cjk = len(_CJK_CHAR.findall(part))
    if cjk < 10:
        return 0.0
    return len(_COMMON_CHAR.findall(part)) / cjk


def _reads_as_chinese(text: str) -> bool:
    """A declared Chinese codec's text has some common characters: a short sample tells when it
    holds enough Chinese; else the longer one decides."""
    quick = hanzi_plausibility(text, sample=5000)
    if quick > 0.05:
        return True
    return hanzi_plausibility(text) > 0.05


def _detect_chinese(data: bytes) -> tuple[str, str, str] | None:
    """(codec, text, reason) when the bytes read as Chinese under gb18030 or big5."""
    best: tuple[float, str, str, int] | None = None
    for codec in ("gb18030", "big5hkscs"):
        text, errors = _decode_counting(data, codec)
        if not _clean_enough(data, errors):
            continue
        score = hanzi_plausibility(text)
        if score >= 0.08 and (best is None or score > best[0]):
            best = (score, codec, text, errors)
    if best is not None:
        score, codec, text, errors = best
        return codec, text, f"reads as Chinese under {codec} ({score:.0%} common characters)"
    return None


def _detect_other(data: bytes) -> tuple[str, str, str] | None:
    """(codec, text, reason) as charset-normalizer guesses it."""
    match = from_bytes(data[:200000]).best()
    if match is None or match.encoding is None:
        return None
    codec = codec_for(match.encoding) or match.encoding
    text, _ = _decode_counting(data, codec)
    return codec, text, f"charset-normalizer guessed {match.encoding}"


def _declared_codec(label: str) -> str | None:
    """A declared label's codec; a UTF-16/32 label without a byte-order mark cannot be right for
    bytes whose markup reads as ASCII, and is taken as UTF-8 (as browsers do)."""
    codec = codec_for(label)
    if codec and codec.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
        return "utf-8"
    return codec


def decode_page(raw: RawPage, config: Config) -> DecodedPage:
    data = check_page(raw).data
    header_label = header_charset(raw.headers)
    meta_label = meta_charset(data)
    declared = header_label or meta_label

    def done(
        codec: str, text: str, method: str, reason: str, lossless: bool = False
    ) -> DecodedPage:
        decision = EncodingDecision(codec, method, declared, reason, lossless)
        return DecodedPage(raw=raw, text=text, encoding=decision)

    if raw.text is not None:
        return done("unicode", raw.text, "text", "given as text: nothing to decode")

    if config.encoding:
        codec = forced_codec(config.encoding)
        if codec is None:
            raise EncodingError(
                f"unknown text encoding {config.encoding!r}; try gb18030, big5 or utf-8"
            )
        text, errors = _decode_counting(data, codec)
        if not _clean_enough(data, errors):
            raise EncodingError(
                f"{raw.origin}: {errors} byte sequences cannot be read as {config.encoding}; "
                "leave out --encoding to let zhangye decide, or try gb18030, big5 or utf-8"
            )
        return done(
            codec, text, "override", f"--encoding {config.encoding}; {errors} bad bytes", not errors
        )

    bom = bom_codec(data)
    if bom:
        text, _ = _decode_counting(data, bom)
        return done(bom.replace("-sig", ""), text, "bom", "byte-order mark")

    declared_codecs = [
        (method, label, _declared_codec(label))
        for method, label in (("header", header_label), ("meta", meta_label))
        if label
    ]

    if data.isascii():
        for method, label, codec in declared_codecs:
            if codec and codec not in WEAK:
                return done(codec, data.decode(codec, "replace"), method, f"ASCII bytes, {label}")
        return done("utf-8", data.decode("ascii"), "utf8", "ASCII bytes", True)

    text, errors = _utf8_probe(data)
    if _clean_enough(data, errors):
        for method, _label, codec in declared_codecs:
            if codec == "utf-8":
                return done("utf-8", text, method, "declared utf-8 and the bytes agree", not errors)
        reason = "bytes are valid UTF-8"
        if declared:
            reason += f"; declared {declared} ignored"
        return done("utf-8", text, "utf8", reason, not errors)

    for method, label, codec in declared_codecs:
        if codec is None or codec in WEAK or codec == "utf-8":
            continue
        text, errors = _decode_counting(data, codec)
        if _clean_enough(data, errors) and (codec not in CJK or _reads_as_chinese(text)):
            return done(codec, text, method, f"declared {label}; decodes cleanly", not errors)

    detected = _detect_chinese(data)
    if detected is not None:
        codec, text, reason = detected
        return done(codec, text, "detect", reason)

    for method, label, codec in declared_codecs:
        if codec in WEAK:
            text, _ = _decode_counting(data, codec)
            return done(codec, text, method, f"declared {label}; the bytes are not Chinese")

    detected = _detect_other(data)
    if detected is not None:
        codec, text, reason = detected
        return done(codec, text, "detect", reason)

    for method, label, codec in declared_codecs:
        if codec:
            text, _ = _decode_counting(data, codec)
            return done(codec, text, method, f"declared {label}; nothing better found")
    return done(
        "utf-8", data.decode("utf-8", "replace"), "detect", "fallback: utf-8 with replacement"
    )
