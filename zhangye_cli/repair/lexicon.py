"""How plausible a piece of Chinese text is: a word list with frequencies and a best-path search.

The repairs that must guess lost bytes (UTF-8 read as GBK, content-farm annotations) or judge
whether a decoding makes sense (GBK read as latin-1) ask this module. The word list is the
dictionary that the jieba package ships (dict.txt: word, frequency, part of speech), of which the
words of one to four Han characters are read on first use.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

# Relative weight of common punctuation, as multiples of the commonest single-character word.
_PUNCTUATION_WEIGHT = {
    "，": 4.0,
    "。": 2.0,
    "、": 1.0,
    "“": 0.5,
    "”": 0.5,
    "：": 0.3,
    "（": 0.15,
    "）": 0.15,
    "；": 0.1,
    "？": 0.1,
    "！": 0.1,
    "《": 0.1,
    "》": 0.1,
    "—": 0.05,
    "…": 0.05,
    "·": 0.03,
}
_MAX_WORD = 4
# Units and measure words that follow a number ("0" stands for any digit): 2月, 10日, 48小时;
# and words that come before one: 为10, 于2022, 第3.
_AFTER_DIGIT = "年月日时分秒点号个位名人次元万亿岁天周届期项条件家米里克度倍"
_BEFORE_DIGIT = "为于达约第共占至到近超逾每"
_DIGIT = "0"
# How punctuation sits in running text, as multiples of the commonest single character: a
# closing quote follows the end of a sentence, an opening one a colon; questions end in ？.
_PUNCTUATION_PAIRS = {
    "。”": 0.5,
    "！”": 0.2,
    "？”": 0.2,
    "…”": 0.1,
    "，”": 0.1,
    "：“": 0.3,
    "，“": 0.2,
    "吗？": 0.2,
    "呢？": 0.1,
    "么？": 0.1,
    "说：": 0.2,
    "道：": 0.1,
}


@dataclass(frozen=True)
class Lexicon:
    words: Mapping[str, float]  # word -> log probability
    prefixes: frozenset[str]
    floor: float  # log probability of a Han character the list does not know

    def char_score(self, char: str) -> float:
        """Log probability of one character standing alone."""
        score = self.words.get(char)
        if score is not None:
            return score
        if char.isascii():
            return self.words["的"] - (1.0 if char.isalnum() or char == " " else 3.0)
        return self.floor

    def knows(self, char: str) -> bool:
        return char in self.words


_DICTIONARY_LINE = re.compile(r"^([\u3400-\u9fff]{1,4}) (\d+)", re.M)


def _dictionary_text() -> str:
    from importlib import resources

    return resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    counts: dict[str, float] = {
        word: float(freq) for word, freq in _DICTIONARY_LINE.findall(_dictionary_text())
    }
    top = max(v for k, v in counts.items() if len(k) == 1)
    for mark, share in _PUNCTUATION_WEIGHT.items():
        counts[mark] = top * share
    for unit in _AFTER_DIGIT:
        counts[_DIGIT + unit] = counts.get(unit, 1.0)
    for word in _BEFORE_DIGIT:
        counts[word + _DIGIT] = counts.get(word, 1.0) / 4
    for pair, share in _PUNCTUATION_PAIRS.items():
        counts[pair] = top * share
    total = sum(counts.values())
    words = {w: math.log(c / total) for w, c in counts.items()}
    prefixes = frozenset(w[:i] for w in words for i in range(1, len(w)))
    return Lexicon(words=words, prefixes=prefixes, floor=math.log(0.5 / total))


def plausibility(text: str) -> float:
    """Share of the Han characters in ``text`` that the word list knows (1.0 when none)."""
    lex = lexicon()
    han = [c for c in text if "\u3400" <= c <= "\u9fff"]
    if not han:
        return 1.0
    return sum(1 for c in han if lex.knows(c)) / len(han)


def mean_char_score(text: str) -> float:
    """Mean log probability of the Han characters of ``text`` taken one by one (0.0 when none)."""
    lex = lexicon()
    scores = [lex.char_score(c) for c in text if "\u3400" <= c <= "\u9fff"]
    return sum(scores) / len(scores) if scores else 0.0


def segment_score(text: str) -> float:
    """Log probability of ``text`` read as its best sequence of words (higher is likelier)."""
    lattice = {i: [(i + 1, c)] for i, c in enumerate(text)}
    return _best(lattice, len(text))[0]


# A lattice: for each start position, the (end position, character) edges leaving it.
Lattice = Mapping[int, Sequence[tuple[int, str]]]


def best_path(lattice: Lattice, end: int) -> str | None:
    """The most probable text spelled by a path from 0 to ``end`` (words score as wholes).

    Dynamic programming over positions: each step takes either one character or a run of
    characters that is a known word; a word scores its own probability, so "一个" beats the two
    characters scored apart. Returns None when no path reaches ``end``.
    """
    return _best(lattice, end)[1]


def _best(lattice: Lattice, end: int) -> tuple[float, str | None]:
    lex = lexicon()
    best: dict[int, tuple[float, int, str]] = {0: (0.0, -1, "")}  # score, previous stop, piece
    for pos in range(end):
        here = best.get(pos)
        if here is None:
            continue
        score = here[0]
        stack: list[tuple[int, str, str]] = [(pos, "", "")]  # position, text, lookup key
        while stack:
            at, word, key = stack.pop()
            for stop, char in lattice.get(at, ()):
                candidate = word + char
                candidate_key = key + (_DIGIT if char in "0123456789" else char)
                if len(candidate) == 1:
                    gain: float | None = lex.char_score(char)
                else:
                    gain = lex.words.get(candidate_key)
                if gain is not None:
                    total = score + gain
                    known = best.get(stop)
                    if known is None or known[0] < total:
                        best[stop] = (total, pos, candidate)
                if len(candidate) < _MAX_WORD and candidate_key in lex.prefixes:
                    stack.append((stop, candidate, candidate_key))
    if end not in best:
        return float("-inf"), None
    pieces: list[str] = []
    at = end
    while at > 0:
        _, previous, piece = best[at]
        pieces.append(piece)
        at = previous
    return best[end][0], "".join(reversed(pieces))
