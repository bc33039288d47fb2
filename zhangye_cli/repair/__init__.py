"""Text repair: undo damage done to text before it reached us (wrong decodes, content farms).

``repair_text`` takes any string (a whole decoded page or one field) and returns the repaired
string with the steps that changed something. It leaves clean text alone: each repair first
looks for its own kind of damage with a cheap scan, and works only on the runs that show it.

Steps, in order:

- ``mojibake-utf8-as-latin1``: UTF-8 bytes read as latin-1/cp1252 (ä¸\\xadå\\x9b½ → 中国).
- ``mojibake-gbk-as-latin1``: GBK bytes read as latin-1 (ÖÐ¹ú → 中国).
- ``mojibake-utf8-as-gbk``: UTF-8 bytes read as GBK, lost bytes guessed (涓浗 → 中国).
- ``pinyin-annotations``: the content farm's "(pinyin)" after characters (中國(guó) → 中國).
- ``lost-characters``: characters the farm's decoder swallowed, put back (日?qǐng)?bào) → 日報).
- ``traditional-to-simplified``: text restored from annotations returns to simplified (OpenCC).
"""

from __future__ import annotations

import re

from ..records import RepairStep
from .annotations import has_marks, restore, scan
from .mojibake import fix_latin1_mojibake, fix_utf8_as_gbk, has_utf8_shaped, utf8_shaped_count
from .script import to_simplified

__all__ = ["RepairStep", "repair_annotations", "repair_text", "utf8_cjk", "utf8_latin_letters"]

# Two high latin-1 (or cp1252) characters in a row, one of them in latin-1's upper half (U+00A0-
# U+00FF): what mojibake of any multi-byte text shows (typographic pairs such as ”“ or …… are
# Chinese text's own, and every run the repair mends is mostly latin-1). The pattern opens with
# the class itself (not a group or a {2}): the engine then skips ahead to the characters in it.
_HIGH_LATIN = (
    "[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)
_LATIN_PAIR = re.compile(
    f"{_HIGH_LATIN}(?<=[\u00a0-\u00ff]){_HIGH_LATIN}|{_HIGH_LATIN}[\u00a0-\u00ff]"
)
# Cheap gates, run before the scans (a character-class scan of a whole page costs more than a
# few substring tests): mojibake of any kind through latin-1 leaves several distinct letters of
# the upper half of latin-1 in the text; UTF-8 Chinese read as GBK leaves some of the commonest
# punctuation and words as these characters (，。的中 → 锛銆鐨涓).
_LATIN_UPPER_HALF = tuple(chr(c) for c in range(0xC0, 0x100))
_MIN_LATIN_LETTERS = 3
_SHORT = 2000  # a text this short (a field, a paragraph) is scanned without the gates
_UTF8_AS_GBK_SIGNS = ("锛", "銆", "鐨", "涓", "鍦", "鏄", "浜", "锟")


def _latin_gate(text: str) -> bool:
    seen = 0
    for char in _LATIN_UPPER_HALF:
        if char in text:
            seen += 1
            if seen >= _MIN_LATIN_LETTERS:
                return True
    return False


_MIN_SHAPED = 2  # characters that start like UTF-8 read as GBK before that repair is tried


def repair_annotations(text: str) -> tuple[str, list[RepairStep]]:
    """Remove the content farm's annotations, put back lost characters, return to simplified.

    Only when the text as a whole is densely annotated (see ``annotations.Evidence.dense``).
    """
    evidence = scan(text)
    if not evidence.dense:
        return text, []
    try:
        result = restore(text, evidence)
    except UnicodeEncodeError:  # a lone surrogate has no bytes to rebuild
        return text, []
    steps: list[RepairStep] = []
    if result.removed:
        steps.append(RepairStep("pinyin-annotations", result.removed))
    if result.restored:
        steps.append(RepairStep("lost-characters", result.restored))
    out = result.text
    if steps:
        out, changed = to_simplified(out, inverse=True)
        if changed:
            steps.append(RepairStep("traditional-to-simplified", changed))
    return out, steps


_UTF8_LATIN_LETTER = re.compile(rb"\xc3[\x80-\xbf]")  # U+00C0-U+00FF written in UTF-8


def utf8_latin_letters(data: bytes, text: str) -> bool:
    """For ``text`` read from the UTF-8 ``data``: whether the latin-1 repair has letters to look
    at (what ``repair_text`` finds out from the text when not told), told from the bytes."""
    if b"\xc3" not in data:
        return False
    if len(text) <= _SHORT:
        return True
    seen = set()
    for match in _UTF8_LATIN_LETTER.finditer(data):
        seen.add(match.group())
        if len(seen) >= _MIN_LATIN_LETTERS:
            return True
    return False


# CJK characters (U+3000-U+9FFF, U+F900-U+FFEF) start with one of these bytes in UTF-8.
_CJK_LEADS = b"\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xef"


def utf8_cjk(data: bytes) -> bool:
    """For text read from the UTF-8 ``data``: whether it may hold a CJK character."""
    return any(lead in data for lead in _CJK_LEADS)


def repair_text(
    text: str, latin_letters: bool | None = None, cjk: bool = True
) -> tuple[str, tuple[RepairStep, ...]]:
    """Repair ``text`` and say what was done: (repaired text, steps that changed something).

    ``latin_letters`` says whether the text holds letters of U+00C0-U+00FF enough for mojibake
    through latin-1 when the caller knows (``utf8_latin_letters``), None to look; ``cjk``
    False that it holds no CJK character (read from UTF-8 bytes without the lead byte of one),
    so it shows neither UTF-8 read as GBK nor the content farm's annotations."""
    if text.isascii():
        return text, ()
    steps: list[RepairStep] = []
    if latin_letters is None:
        latin_letters = len(text) <= _SHORT or _latin_gate(text)
    if latin_letters and _LATIN_PAIR.search(text):
        text, counts = fix_latin1_mojibake(text)
        steps.extend(RepairStep(name, n) for name, n in sorted(counts.items()) if n)
    if not (cjk or steps):  # no CJK character, and none made by the repair above
        return text, ()
    # U+FFFD may be a byte the GBK decoder lost; a run is only mended around a UTF-8-shaped
    # character, though, so a text without one is left alone.
    if ("\ufffd" in text and has_utf8_shaped(text)) or (
        (len(text) <= _SHORT or any(sign in text for sign in _UTF8_AS_GBK_SIGNS))
        and utf8_shaped_count(text) >= _MIN_SHAPED
    ):
        text, restored = fix_utf8_as_gbk(text)
        if restored:
            steps.append(RepairStep("mojibake-utf8-as-gbk", restored))
    if has_marks(text):
        text, more = repair_annotations(text)
        steps.extend(more)
    return text, tuple(steps)
