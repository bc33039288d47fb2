"""Pinyin readings of characters (pypinyin's dictionary, every reading), loaded on first use."""

from __future__ import annotations

from functools import lru_cache

# Letters a syllable in parentheses may use: plain, with precomposed tone marks, ü and ê.
LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêḿńňǹ"


_BARE = str.maketrans(
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜḿńňǹ",
    "aaaaeeeeiiiioooouuuuüüüümnnn",
)


def _toneless(syllable: str) -> set[str]:
    """The syllable without tone marks, ü also spelt u and v (lǜ → lü, lu, lv)."""
    bare = syllable.translate(_BARE)
    if "ü" in bare:
        return {bare, bare.replace("ü", "u"), bare.replace("ü", "v")}
    return {bare}


@lru_cache(maxsize=1)
def _dictionary() -> dict[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict

    return dict(pinyin_dict)


@lru_cache(maxsize=8192)
def readings(char: str) -> frozenset[str]:
    """Every reading of ``char``, with tone marks and without; empty for a non-Han character."""
    if len(char) != 1:
        return frozenset()
    entry = _dictionary().get(ord(char))
    if not entry:
        return frozenset()
    out: set[str] = set()
    for syllable in entry.split(","):
        out.add(syllable)
        out |= _toneless(syllable)
    return frozenset(out)


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every syllable pypinyin knows for any character (tone-marked and bare)."""
    out: set[str] = set()
    for entry in _dictionary().values():
        for syllable in entry.split(","):
            out.add(syllable)
            out |= _toneless(syllable)
    return frozenset(out)


def is_reading(syllable: str, char: str) -> bool:
    """Whether ``syllable`` is one of the readings of ``char``."""
    return syllable in readings(char)
