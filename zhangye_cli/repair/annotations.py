"""Content-farm pinyin annotations: 中國(guó)張掖網(wǎng), 張掖日?qǐng)?bào).

How the damage was made (see the bench README): a simplified page was turned into traditional
characters, encoded as GBK, and "(pinyin)" was inserted after every byte pair that spells one of
the page's annotated characters, also where the pair straddles two characters. A lossy decoder
then turned each lead byte followed by "(" into one "?", so a straddling annotation loses a byte
("?qǐng)") and the text after it may be read out of step until the next ASCII byte.

The repair works on those bytes: it re-encodes the text, drops every "(syllable)" whose
preceding two bytes spell a character with that reading, puts back each lost byte as the one
that makes the preceding byte and it a character read as the syllable of its "?syllable)" mark,
and decodes again, which also brings the out-of-step runs back into step. It only runs on text
that is densely annotated: legitimate glosses such as 汉字“行(háng)” are left alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .gbk import decode_skipping, gbk_reads_pair, is_lead, is_trail, pair_char
from .lexicon import lexicon, segment_score
from .pinyin import LETTERS, is_reading, syllables
from .script import convert, count_traditional, is_traditional_char

_HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN = re.compile(f"[{_HAN_CLASS}]")
# "(syllable)" or, where the decoder swallowed the "(", "?syllable)".
MARK = re.compile(f"\\(([{LETTERS}]{{1,6}})\\)|\\?([{LETTERS}]{{1,6}})\\)")
# The same marks found faster: a pattern that starts with one literal character is scanned for
# in C at memory speed (a two-character class, [(?], is tried at every position). An
# annotation follows a Han character (looked behind only at each "(": scripts are full of
# "(e)" that need no Python-side check).
_ANNOTATION = re.compile(f"\\((?<=[{_HAN_CLASS}]\\()([{LETTERS}]{{1,6}})\\)")
_LOST_MARK = re.compile(f"\\?([{LETTERS}]{{1,6}})\\)")


def has_marks(text: str) -> bool:
    """Whether ``text`` holds anything shaped like the farm's marks (the cheap gate)."""
    return bool(_ANNOTATION.search(text) or _LOST_MARK.search(text))


def _marks(text: str) -> list[tuple[int, str, str]]:
    """(position, "(" or "?", syllable) of every mark (annotations after a Han character), in
    order of position."""
    found = [(m.start(), "(", m.group(1)) for m in _ANNOTATION.finditer(text)]
    found += [(m.start(), "?", m.group(1)) for m in _LOST_MARK.finditer(text)]
    found.sort()
    return found


# Density: how much of the text must look like the content farm's before anything is removed.
MIN_MARKS = 2  # annotations and lost-character marks together
MIN_TRADITIONAL_SHARE = 0.1  # traditional characters among Han characters (the farm converts)
MIN_MARKS_PER_TRADITIONAL = 0.05  # the farm annotates 11-64% of the characters it converts
MAX_INCONSISTENT_SHARE = 0.2  # the farm gives a character one syllable; glosses vary
_MAX_CONTEXT_FILLS = 500  # replaced bytes weighed among their neighbours; the rest alone


@dataclass(frozen=True)
class Evidence:
    """What a scan of the whole text found, for the page-level judgement."""

    annotations: int = 0  # 字(zì) where the syllable is a reading of the character before it
    lost_marks: int = 0  # ?zì) where zì is a syllable
    han: int = 0
    traditional: int = 0
    inconsistent: int = 0  # annotated characters seen with more than one syllable
    annotated_chars: int = 0
    by_syllable: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def marks(self) -> int:
        return self.annotations + self.lost_marks

    @property
    def dense(self) -> bool:
        """Whether the text carries the farm's damage throughout (the page-level judgement)."""
        if self.marks < MIN_MARKS or self.han == 0:
            return False
        if self.traditional < MIN_TRADITIONAL_SHARE * self.han:
            return False
        if self.marks < MIN_MARKS_PER_TRADITIONAL * self.traditional:
            return False
        return self.inconsistent <= MAX_INCONSISTENT_SHARE * max(self.annotated_chars, 1)


def scan(text: str) -> Evidence:
    """Count the farm's marks in ``text`` (cheap when there are none)."""
    candidates = _marks(text)
    if len(candidates) < MIN_MARKS:
        return Evidence()
    valid = syllables()
    if sum(1 for _start, _opener, syllable in candidates if syllable in valid) < MIN_MARKS:
        return Evidence()  # "(a)", "?id)" in scripts: no syllables, so no farm
    annotations = lost = 0
    seen: dict[str, set[str]] = defaultdict(set)
    for start, opener, syllable in candidates:
        if syllable not in valid:
            continue
        if opener == "?":
            lost += 1
            continue
        before = text[start - 1]
        if is_reading(syllable, before):
            annotations += 1
            seen[before].add(syllable)
    if annotations + lost < MIN_MARKS:
        return Evidence(annotations=annotations, lost_marks=lost)
    # Only now count the whole text's characters (a page of plain Chinese stops above).
    han = len(_HAN.findall(text))
    traditional = count_traditional(text)
    if traditional < MIN_TRADITIONAL_SHARE * han:  # not the farm's
        return Evidence(annotations=annotations, lost_marks=lost, han=han, traditional=traditional)
    by_syllable: dict[str, set[str]] = defaultdict(set)
    for char, sylls in seen.items():
        for syllable in sylls:
            by_syllable[syllable].add(char)
    return Evidence(
        annotations=annotations,
        lost_marks=lost,
        han=han,
        traditional=traditional,
        inconsistent=sum(1 for s in seen.values() if len(s) > 1),
        annotated_chars=len(seen),
        by_syllable={k: frozenset(v) for k, v in by_syllable.items()},
    )


def _lost_byte(previous: int | None, syllable: str, evidence: Evidence) -> int | None:
    """The byte a "?syllable)" mark lost: with ``previous`` it spells a character so read."""
    if previous is None or not is_lead(previous):
        return None
    page_chars = evidence.by_syllable.get(syllable, frozenset())
    lex = lexicon()
    best: tuple[tuple[bool, bool, float], int] | None = None
    for trail in range(0x40, 0xFF):
        if not is_trail(trail):
            continue
        char = pair_char(previous, trail)
        if char is None or not is_reading(syllable, char):
            continue
        rank = (
            char in page_chars,
            is_traditional_char(char),
            lex.char_score(convert(char, "tw2s")),
        )
        if best is None or rank > best[0]:
            best = (rank, trail)
    return best[1] if best else None


def _chars_before(out: bytearray) -> list[str]:
    """The character the last two bytes spell; also as if an ASCII mark before them had been
    full-width (text normalised after the damage: "，" became ",")."""
    if len(out) < 2:
        return []
    chars = []
    char = pair_char(out[-2], out[-1])
    if char is not None:
        chars.append(char)
    if 0x21 <= out[-2] <= 0x7E and not chr(out[-2]).isalnum():
        wide = chr(out[-2] + 0xFEE0).encode("gbk")
        char = pair_char(wide[-1], out[-1])
        if char is not None:
            chars.append(char)
    return chars


@dataclass(frozen=True)
class Restored:
    text: str
    removed: int  # annotations taken out (lost-character marks included)
    restored: int  # lost characters put back


def _encode(chunk: str, out: bytearray, holes: list[int]) -> None:
    """Append the chunk's GB18030 bytes; each U+FFFD becomes a one-byte hole to fill later."""
    pieces = chunk.split("\ufffd")
    for i, piece in enumerate(pieces):
        if i:
            holes.append(len(out))
            out.append(0)
        out += piece.encode("gb18030")


def _in_context(before: bytes, pair: bytes, after: bytes) -> float:
    """How likely the character ``pair`` spells is between its neighbours (read as simplified)."""
    text = decode_skipping(before) + decode_skipping(pair) + decode_skipping(after)
    return segment_score(convert(text, "tw2s"))


def _fill_holes(out: bytearray, holes: list[int]) -> tuple[bytes, int]:
    """Put back bytes a GBK decoder replaced with U+FFFD while it read out of step.

    Once the stream is back in step, such a byte is the second byte of a character: the one
    that with the lead before it spells the likeliest character among its neighbours and with
    the byte after it spells none (which is why the decoder failed). A hole anywhere else stays
    a U+FFFD.
    """
    marked = set(holes)
    fixed = bytearray()
    starts: list[int] = []  # where each character of ``fixed`` starts
    filled = 0
    i, n = 0, len(out)
    while i < n:
        byte = out[i]
        starts.append(len(fixed))
        if i in marked:
            fixed += "\ufffd".encode("gb18030")
            i += 1
            continue
        if byte < 0x80 or i + 1 >= n:
            fixed.append(byte)
            i += 1
            continue
        if i + 1 in marked:
            after = out[i + 2] if i + 2 < n and i + 2 not in marked else None
            before = bytes(fixed[starts[-3] if len(starts) >= 3 else 0 : starts[-1]])
            following = bytes(out[i + 2 : i + 8])
            best: tuple[float, int] | None = None
            weigh_context = filled < _MAX_CONTEXT_FILLS
            for trail in range(0x40, 0xFF):
                char = pair_char(byte, trail) if is_trail(trail) else None
                if char is None or (after is not None and gbk_reads_pair(trail, after)):
                    continue
                if weigh_context:
                    score = _in_context(before, bytes((byte, trail)), following)
                else:
                    score = lexicon().char_score(convert(char, "tw2s"))
                if best is None or score > best[0]:
                    best = (score, trail)
            if best is not None:
                fixed += bytes((byte, best[1]))
                filled += 1
                i += 2
                continue
            fixed.append(byte)
            i += 1
            continue
        size = 4 if 0x30 <= out[i + 1] <= 0x39 else 2
        fixed += out[i : i + size]
        i += size
    return bytes(fixed), filled


def restore(text: str, evidence: Evidence) -> Restored:
    """Remove the annotations and put back lost characters (call only when ``evidence.dense``)."""
    valid = syllables()
    out = bytearray()
    holes: list[int] = []
    removed = restored = 0
    position = 0
    for match in MARK.finditer(text):
        _encode(text[position : match.start()], out, holes)
        position = match.end()
        syllable = match.group(1) or match.group(2)
        if syllable not in valid:
            out += match.group(0).encode("gb18030")
            continue
        if match.group(1) is not None:
            if any(is_reading(syllable, c) for c in _chars_before(out)):
                removed += 1
            else:
                out += match.group(0).encode("gb18030")
            continue
        lost = _lost_byte(out[-1] if out else None, syllable, evidence)
        removed += 1
        if lost is not None:
            out.append(lost)
            restored += 1
    _encode(text[position:], out, holes)
    data = bytes(out)
    if holes:
        data, filled = _fill_holes(out, holes)
        restored += filled
    return Restored(text=decode_skipping(data), removed=removed, restored=restored)
