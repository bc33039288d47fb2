"""Site profiles: the bundled zgzyw profile, host matching, --profile auto/none/NAME, and
validation of user profiles (zhangye_cli/profiles/)."""

from __future__ import annotations

from pathlib import Path

import pytest

import zhangye_cli
from zhangye_cli import Config
from zhangye_cli.errors import ExitCode, ProfileError
from zhangye_cli.profiles import (
    SELECTOR_FIELDS,
    Drop,
    Profile,
    load_profiles,
    profile_from_dict,
    select_profile,
)

ZGZYW_URL = "http://www.zgzyw.com.cn/zgzywxw/system/2022/03/03/030.shtml"
PROSE = "张掖市今年以来持续推进城乡环境整治工作，各县区按照统一部署，扎实开展各项整治行动。"
PAGE = (
    "<html><head><title>张掖市推进环境整治_中国张掖网</title></head><body>"
    '<div class="art"><h1>张掖市推进环境整治</h1>'
    f'<div class="con"><p>{PROSE * 2}</p><p>{PROSE}</p></div></div></body></html>'
)


def bundled() -> Profile:
    return next(p for p in load_profiles(None) if p.name == "zgzyw")


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_bundled_zgzyw_profile_loads_valid() -> None:
    profile = bundled()
    assert profile.hosts == ("zgzyw.com.cn",)
    assert profile.site_name == "中国张掖网"
    assert profile.offset == "+08:00"
    assert "_中国张掖网" in profile.title_suffixes
    assert profile.selector("title") == ("//h1",)
    assert profile.selector("body") == ()
    assert profile.drops
    assert all(isinstance(d, Drop) and d.reason.strip() for d in profile.drops)


@pytest.mark.parametrize(
    "host",
    ["www.zgzyw.com.cn", "m.zgzyw.com.cn", "zgzyw.com.cn", "WWW.ZGZYW.COM.CN", "zgzyw.com.cn."],
)
def test_zgzyw_serves_its_hosts(host: str) -> None:
    assert bundled().serves(host)


@pytest.mark.parametrize(
    "host", ["zgzyw.com.cn.evil.com", "evilzgzyw.com.cn", "zgzyw.com", "www.gansu.gov.cn"]
)
def test_zgzyw_does_not_serve_other_hosts(host: str) -> None:
    assert not bundled().serves(host)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (ZGZYW_URL, "zgzyw"),
        ("https://m.zgzyw.com.cn/a/1.html", "zgzyw"),
        ("http://zgzyw.com.cn.evil.com/a/1.html", None),
        ("http://www.zgzyw.com.cn.evil.com/a/1.html", None),
        ("http://www.example.cn/a/1.html", None),
        (None, None),
        ("page.html", None),
    ],
)
def test_auto_selects_by_host(url: str | None, expected: str | None) -> None:
    profile = select_profile(url, Config())
    assert (profile.name if profile else None) == expected


def test_profile_none_turns_profiles_off() -> None:
    assert select_profile(ZGZYW_URL, Config(profile="none")) is None
    article = zhangye_cli.extract(PAGE.encode(), url=ZGZYW_URL, profile="none")
    assert article.extractor.method == "generic"
    assert article.extractor.profile is None


def test_a_named_profile_applies_whatever_the_host() -> None:
    profile = select_profile("http://www.example.cn/a.html", Config(profile="zgzyw"))
    assert profile is not None and profile.name == "zgzyw"
    article = zhangye_cli.extract(PAGE.encode(), profile="zgzyw")
    assert (article.extractor.method, article.extractor.profile) == ("profile", "zgzyw")
    assert article.site_name == "中国张掖网"


def test_an_unknown_profile_name_is_an_error_listing_the_known_ones() -> None:
    with pytest.raises(ProfileError) as error:
        select_profile(ZGZYW_URL, Config(profile="xinhua"))
    assert "'xinhua'" in str(error.value)
    assert "zgzyw" in str(error.value)
    assert error.value.exit_code == ExitCode.PROFILE
    with pytest.raises(ProfileError):
        zhangye_cli.extract(PAGE.encode(), profile="xinhua")


GOOD = {"name": "demo", "hosts": ["demo.cn"]}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"hosts": ["demo.cn"]}, "needs a non-empty `name`"),
        ({"name": "demo", "hosts": []}, "`hosts` must be a non-empty list"),
        ({"name": "demo", "hosts": "demo.cn"}, "`hosts` must be a non-empty list"),
        ({**GOOD, "colour": "red"}, "unknown keys ['colour']"),
        ({**GOOD, "selectors": {"headline": "//h1"}}, "unknown selector 'headline'"),
        ({**GOOD, "selectors": {"body": []}}, "selector 'body' is empty"),
        ({**GOOD, "selectors": {"body": "  "}}, "non-empty XPath"),
        ({**GOOD, "selectors": {"title": "//h1["}}, "is not valid XPath"),
        ({**GOOD, "drop": [{"xpath": "//div[@class='ad']"}]}, "drop #1 needs a `reason`"),
        ({**GOOD, "drop": [{"xpath": "//div", "reason": " "}]}, "drop #1 needs a `reason`"),
        ({**GOOD, "drop": [{"xpath": "//div[", "reason": "ads"}]}, "is not valid XPath"),
        ({**GOOD, "drop": [{"reason": "ads"}]}, "non-empty XPath"),
    ],
)
def test_invalid_profiles_are_refused_with_a_clear_message(
    data: dict[str, object], message: str
) -> None:
    with pytest.raises(ProfileError) as error:
        profile_from_dict(data, "demo.toml")
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_the_second_drop_is_named_in_the_message() -> None:
    data = {**GOOD, "drop": [{"xpath": "//nav", "reason": "menu"}, {"xpath": "//div"}]}
    with pytest.raises(ProfileError, match="drop #2 needs a `reason`"):
        profile_from_dict(data, "demo.toml")


def test_a_valid_profile_dict() -> None:
    profile = profile_from_dict(
        {
            "name": "demo",
            "hosts": ["Demo.CN"],
            "selectors": {"body": "//div[@id='text']", "published": ["//span[@class='t']"]},
            "drop": [{"xpath": "//div[@class='ad']", "reason": "advertising"}],
            "offset": "+09:00",
        },
        "demo.toml",
    )
    assert profile.hosts == ("demo.cn",)
    assert profile.selector("body") == ("//div[@id='text']",)
    assert profile.selector("published") == ("//span[@class='t']",)
    assert profile.drops == (Drop("//div[@class='ad']", "advertising"),)
    assert profile.offset == "+09:00"
    assert set(dict(profile.selectors)) <= set(SELECTOR_FIELDS)


def test_a_user_folder_with_a_bad_xpath(tmp_path: Path) -> None:
    folder = tmp_path / "bad-xpath"
    write(folder, "demo.toml", 'name = "demo"\nhosts = ["demo.cn"]\n[selectors]\nbody = "//div["\n')
    with pytest.raises(ProfileError, match=r"profile demo: selector body '//div\[' is not valid"):
        load_profiles(folder)
    with pytest.raises(ProfileError):
        zhangye_cli.extract(PAGE.encode(), url="http://demo.cn/1.html", profiles_dir=folder)


def test_a_user_folder_with_a_drop_without_reason(tmp_path: Path) -> None:
    folder = tmp_path / "no-reason"
    write(folder, "demo.toml", 'name = "demo"\nhosts = ["demo.cn"]\n[[drop]]\nxpath = "//nav"\n')
    with pytest.raises(ProfileError, match="drop #1 needs a `reason`"):
        load_profiles(folder)


def test_a_user_folder_with_an_unknown_key_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "unknown-key"
    path = write(folder, "demo.toml", 'name = "demo"\nhosts = ["demo.cn"]\nbody = "//div"\n')
    with pytest.raises(ProfileError) as error:
        load_profiles(folder)
    assert "unknown keys ['body']" in str(error.value)
    assert str(path) in str(error.value)


def test_a_user_folder_with_broken_toml_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    path = write(folder, "demo.toml", 'name = "demo\n')
    with pytest.raises(ProfileError, match="not valid TOML") as error:
        load_profiles(folder)
    assert str(path) in str(error.value)


def test_a_profiles_dir_that_is_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="not a folder"):
        load_profiles(tmp_path / "missing")


def test_a_user_profile_overrides_a_bundled_one_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "override"
    write(
        folder,
        "zgzyw.toml",
        'name = "zgzyw"\nhosts = ["zgzyw.com.cn"]\nsite_name = "张掖网（本地版）"\n',
    )
    profiles = load_profiles(folder)
    assert [p.name for p in profiles].count("zgzyw") == 1
    mine = select_profile(ZGZYW_URL, Config(profiles_dir=folder))
    assert mine is not None
    assert mine.site_name == "张掖网（本地版）"
    assert mine.drops == ()
    article = zhangye_cli.extract(PAGE.encode(), url=ZGZYW_URL, profiles_dir=folder)
    assert article.site_name == "张掖网（本地版）"
    assert article.extractor.profile == "zgzyw"


def test_a_user_profile_for_a_new_site_sharpens_the_extraction(tmp_path: Path) -> None:
    folder = tmp_path / "new-site"
    write(
        folder,
        "demo.toml",
        'name = "demo"\nhosts = ["demo.cn"]\nsite_name = "演示网"\n'
        "[selectors]\n"
        "published = \"//span[@class='when']\"\n"
        "[[drop]]\n"
        "xpath = \"//p[@class='promo']\"\n"
        'reason = "promotion line"\n',
    )
    page = (
        "<html><head><title>演示标题</title></head><body><h1>演示标题</h1>"
        '<span class="when">2022年3月3日 10:00</span>'
        f'<div><p>{PROSE * 2}</p><p class="promo">欢迎订阅本站的精彩内容。</p>'
        f"<p>{PROSE}</p></div></body></html>"
    )
    article = zhangye_cli.extract(
        page.encode(), url="https://www.demo.cn/a.html", profiles_dir=folder
    )
    assert article.extractor.profile == "demo"
    assert article.published == "2022-03-03T10:00:00+08:00"
    assert dict(article.extractor.fields)["published"] == "profile"
    assert article.site_name == "演示网"
    assert "欢迎订阅" not in article.text
    assert PROSE in article.text
    generic = zhangye_cli.extract(page.encode(), url="https://www.demo.cn/a.html", profile="none")
    assert "欢迎订阅" in generic.text  # the profile's drop took it, not a generic rule
