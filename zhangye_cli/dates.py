"""Dates as pages write them (2022年03月03日 23:55, 2022-03-03, 2022/3/3, March 3, 2022, URL
forms) → ISO 8601. Only a full day counts: a year or a month alone is never turned into a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ]
    )
    for m in names.split()
}

_TIME = r"(?:[T\s]*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?(?:\.\d+)?)?"
_ZONE = r"\s*(Z|[+-]\d{2}:?\d{2}(?![\d]))?"
_NUMERIC = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.]\s*|月)(\d{1,2})(?!\d)\s*[日号]?"
    + _TIME
    + _ZONE
)
_ENGLISH = re.compile(
    r"\b(?:(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d{2})"
    r"|([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2}))\b"
    r"(?:,?\s*(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?",
    re.I,
)
# Every form above holds a year: a text without one is passed over by one quick scan.
_YEAR = re.compile(r"(?:19|20)\d\d")
_URL = re.compile(
    r"(?<![\d])((?:19|20)\d{2})(?:[-/_]?(\d{2})[-/_]?(\d{2})|/(\d{1,2})/(\d{1,2}))(?![\d])"
)


@dataclass(frozen=True)
class FoundDate:
    iso: str
    raw: str
    has_time: bool


def _build(
    y: int,
    mo: int,
    d: int,
    h: int | None,
    mi: int | None,
    s: int | None,
    zone: str | None,
    offset: str | None,
) -> str | None:
    try:
        day = date(y, mo, d)
    except ValueError:
        return None
    if not 1990 <= y <= 2100:
        return None
    if h is None or mi is None:
        return day.isoformat()
    if h > 23 or mi > 59 or (s or 0) > 59:
        return day.isoformat()
    tz = ""
    if zone:
        tz = "+00:00" if zone == "Z" else (zone if ":" in zone else f"{zone[:3]}:{zone[3:]}")
    elif offset:
        tz = offset
    return f"{day.isoformat()}T{h:02d}:{mi:02d}:{s or 0:02d}{tz}"


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def find_date(text: str, offset: str | None = "+08:00") -> FoundDate | None:
    """The first full date in ``text``, with its time when the text gives one."""
    if not _YEAR.search(text):
        return None
    for m in _NUMERIC.finditer(text):
        if "月" in m[0] and not re.search(r"\d\s*[日号]", m[0]):
            continue  # 2022年3月 18家…: a month, and a number that is no day
        iso = _build(
            int(m[1]), int(m[2]), int(m[3]), _int(m[4]), _int(m[5]), _int(m[6]), m[7], offset
        )
        if iso:
            return FoundDate(iso, m[0].strip(), "T" in iso)
    for m in _ENGLISH.finditer(text):
        if m[1]:
            day, month_name, year = m[1], m[2], m[3]
        else:
            month_name, day, year = m[4], m[5], m[6]
        month = _MONTHS.get(month_name.lower().rstrip("."))
        if month is None:
            continue
        hour = _int(m[7])
        if hour is not None and m[10]:
            pm = m[10].lower().startswith("p")
            hour = (hour % 12) + (12 if pm else 0)
        iso = _build(int(year), month, int(day), hour, _int(m[8]), _int(m[9]), None, None)
        if iso:
            return FoundDate(iso, m[0].strip(), hour is not None)
    return None


def date_in_url(url: str) -> FoundDate | None:
    """A full date written in a URL path: /2022/0303/, /2022-03/03/, t20220303_, /20220303/."""
    path = url.split("?", 1)[0]
    for m in _URL.finditer(path):
        if m[2]:
            y, mo, d = int(m[1]), int(m[2]), int(m[3])
        else:
            y, mo, d = int(m[1]), int(m[4]), int(m[5])
        iso = _build(y, mo, d, None, None, None, None, None)
        if iso:
            return FoundDate(iso, m[0], False)
    return None


def from_timestamp(seconds: int, offset: str | None) -> str:
    """A Unix timestamp as ISO 8601 in the page's time zone (UTC when it has none)."""
    tz = UTC
    if offset:
        sign = -1 if offset.startswith("-") else 1
        hours, minutes = offset.lstrip("+-").split(":")
        tz = timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))
    return datetime.fromtimestamp(seconds, tz).isoformat()
