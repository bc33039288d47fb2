"""Dates as pages write them → ISO 8601 (zhangye_cli/dates.py).

Only a full day counts: a year, or a year and a month, must never become a date with an
invented day. Chinese forms get the page's offset when they carry a time; a zone written in the
text is kept as written.
"""

from __future__ import annotations

import pytest

from zhangye_cli.dates import FoundDate, date_in_url, find_date, from_timestamp


def iso(text: str, offset: str | None = "+08:00") -> str | None:
    found = find_date(text, offset)
    return found.iso if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022年03月03日 23:55", "2022-03-03T23:55:00+08:00"),
        ("2022年3月3日", "2022-03-03"),
        ("发布时间：2022-03-03", "2022-03-03"),
        ("发布时间：2022-03-03 08:05:09", "2022-03-03T08:05:09+08:00"),
        ("2022/3/3", "2022-03-03"),
        ("2022.03.03 08:05", "2022-03-03T08:05:00+08:00"),
        ("2022年3月3日 9时5分", "2022-03-03T09:05:00+08:00"),
        ("更新于 2022-03-03 08:00:00.000", "2022-03-03T08:00:00+08:00"),
    ],
)
def test_chinese_and_numeric_forms(text: str, expected: str) -> None:
    assert iso(text) == expected


def test_a_date_alone_gets_no_time_and_no_offset() -> None:
    """The offset belongs to a time of day: a bare day stays a bare day."""
    found = find_date("日期：2022-03-03")
    assert found == FoundDate("2022-03-03", "2022-03-03", False)


def test_the_raw_string_is_kept() -> None:
    found = find_date("　发布时间：2022年03月03日 23:55　浏览：12")
    assert found is not None
    assert found.raw == "2022年03月03日 23:55"
    assert found.has_time


def test_without_an_offset_the_time_stays_local() -> None:
    assert iso("2022年03月03日 23:55", None) == "2022-03-03T23:55:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-03-03T15:55:00Z", "2022-03-03T15:55:00+00:00"),
        ("2022-03-03T15:55:00+05:30", "2022-03-03T15:55:00+05:30"),
        ("2022-03-03T15:55:00-0400", "2022-03-03T15:55:00-04:00"),
        ("2022-03-03T08:00:00.123+08:00", "2022-03-03T08:00:00+08:00"),
    ],
)
def test_a_written_zone_beats_the_page_offset(text: str, expected: str) -> None:
    assert iso(text, "+08:00") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 3, 2022 at 5:30 pm", "2022-03-03T17:30:00"),
        ("March 3, 2022 at 12:10 a.m.", "2022-03-03T00:10:00"),
        ("Mar. 3, 2022", "2022-03-03"),
        ("Updated 3 March 2022", "2022-03-03"),
        ("Sept 21st, 2021 10:05", "2021-09-21T10:05:00"),
    ],
)
def test_english_forms(text: str, expected: str) -> None:
    assert iso(text, None) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2022-13-40",
        "2022-02-29",  # not a leap year
        "2022年02月30日",
        "1985-01-01",  # before the web pages we read
        "July 32, 2022",
        "Smarch 3, 2022",
    ],
)
def test_impossible_dates_give_none(text: str) -> None:
    assert find_date(text) is None


def test_an_impossible_date_does_not_hide_a_real_one_after_it() -> None:
    assert iso("2022-13-40 见 2022-03-05") == "2022-03-05"


def test_a_leap_day_is_a_day() -> None:
    assert iso("2024-02-29") == "2024-02-29"


def test_an_impossible_time_keeps_only_the_day() -> None:
    assert iso("2022-03-03 25:61") == "2022-03-03"


@pytest.mark.parametrize(
    "text",
    [
        "2022年",
        "发布时间：2022年",
        "2022年3月",
        "2022年03月",
        "2022-3",
        "2022年度工作报告",
        "第2022期",
        "March 2022",
        "In March 2022, 15 people came.",
        "©2022 中国张掖网",
    ],
)
def test_a_year_or_a_month_alone_is_never_a_date(text: str) -> None:
    assert find_date(text) is None


@pytest.mark.parametrize("text", ["2022年3月 10:30", "发布：2022年3月 18家企业获评"])
def test_year_and_month_then_other_numbers_invent_no_day(text: str) -> None:
    assert find_date(text) is None


@pytest.mark.parametrize(
    ("url", "expected", "raw"),
    [
        ("http://www.zgzyw.com.cn/zgzywxw/2022/0303/a.html", "2022-03-03", "2022/0303"),
        ("http://www.gansu.gov.cn/gsszf/c100002/t20220303_1.shtml", "2022-03-03", "20220303"),
        ("http://www.news.cn/local/2022-03/03/c_1128434.htm", "2022-03-03", "2022-03/03"),
        ("https://example.com/news/2022/3/3/story", "2022-03-03", "2022/3/3"),
        ("https://example.com/2022-03-03/story.html", "2022-03-03", "2022-03-03"),
    ],
)
def test_dates_in_urls(url: str, expected: str, raw: str) -> None:
    found = date_in_url(url)
    assert found is not None
    assert (found.iso, found.raw, found.has_time) == (expected, raw, False)


@pytest.mark.parametrize(
    "url",
    [
        "http://www.zgzyw.com.cn/2022/1340/a.html",  # month 13
        "http://www.zgzyw.com.cn/zgzywxw/2022/a.html",  # a year only
        "http://www.zgzyw.com.cn/zgzywxw/202203/a.html",  # a month only
        "http://www.zgzyw.com.cn/show.php?id=20220303",  # in the query, not the path
        "http://www.zgzyw.com.cn/content/12022030345.html",  # digits of a longer number
    ],
)
def test_urls_without_a_full_day(url: str) -> None:
    assert date_in_url(url) is None


def test_timestamps_take_the_page_offset() -> None:
    assert from_timestamp(1646322900, "+08:00") == "2022-03-03T23:55:00+08:00"
    assert from_timestamp(1646322900, None) == "2022-03-03T15:55:00+00:00"
    assert from_timestamp(1646322900, "-05:30") == "2022-03-03T10:25:00-05:30"
