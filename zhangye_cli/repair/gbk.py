"""GBK byte facts shared by the repairs: which byte pairs are characters, and safe decoding.

Tables are built on first use (about 24,000 two-byte decodes), never at import time.
"""

from __future__ import annotations

from functools import lru_cache


def is_lead(byte: int) -> bool:
    """A byte that starts a two-byte GBK character."""
    return 0x81 <= byte <= 0xFE


def is_trail(byte: int) -> bool:
    """A byte that can end a two-byte GBK character."""
    return 0x40 <= byte <= 0xFE and byte != 0x7F


@lru_cache(maxsize=1)
def _pairs() -> dict[int, str]:
    """(lead << 8 | trail) -> the character Python's gbk codec reads for that pair."""
    table: dict[int, str] = {}
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                char = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            table[lead << 8 | trail] = char
    return table


def pair_char(lead: int, trail: int) -> str | None:
    """The character the two bytes spell in GBK, or None when they spell none."""
    return _pairs().get(lead << 8 | trail)


def gbk_reads_pair(lead: int, trail: int) -> bool:
    """Whether a GBK decoder reads these two bytes as one character."""
    return (lead << 8 | trail) in _pairs()


def decode_skipping(data: bytes) -> str:
    """Decode GB18030 bytes, dropping each byte that starts no valid sequence (never raises)."""
    parts: list[str] = []
    start = 0
    while start < len(data):
        try:
            parts.append(data[start:].decode("gb18030"))
            break
        except UnicodeDecodeError as error:
            parts.append(data[start : start + error.start].decode("gb18030"))
            start += error.start + 1
    return "".join(parts)
