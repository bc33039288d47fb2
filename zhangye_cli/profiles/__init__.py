"""Site profiles: per-site rules as data (TOML), validated when loaded.

A profile names the hosts it serves and may give XPath selectors for fields (tried before the
generic strategies), extra blocks to drop (each with a reason), title suffixes to trim and the
site's time zone. Bundled profiles live beside this file; users add their own with
``--profiles-dir``. Unknown sites go through the generic extractor.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from lxml import etree

from ..config import Config
from ..errors import ProfileError
from ..text import url_host

SELECTOR_FIELDS = ("title", "body", "published", "source", "authors", "editors", "section")


@dataclass(frozen=True)
class Drop:
    xpath: str
    reason: str


@dataclass(frozen=True)
class Profile:
    name: str
    hosts: tuple[str, ...]
    site_name: str | None = None
    offset: str = "+08:00"
    title_suffixes: tuple[str, ...] = ()
    selectors: tuple[tuple[str, tuple[str, ...]], ...] = ()
    drops: tuple[Drop, ...] = ()

    def selector(self, field: str) -> tuple[str, ...]:
        return dict(self.selectors).get(field, ())

    def serves(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == h or host.endswith("." + h) for h in self.hosts)


_OFFSET = re.compile(r"^[+-](?:0\d|1[0-4]):[0-5]\d$")


def _check_xpath(name: str, where: str, xpath: Any) -> str:
    if not isinstance(xpath, str) or not xpath.strip():
        raise ProfileError(f"profile {name}: {where} must be a non-empty XPath string")
    try:
        found = etree.XPath(xpath)(etree.fromstring("<html><head/><body/></html>"))
    except etree.XPathError as exc:
        raise ProfileError(f"profile {name}: {where} {xpath!r} is not valid XPath ({exc})") from exc
    if not isinstance(found, list):  # count(//p), string(//h1): a number or text, not elements
        raise ProfileError(
            f"profile {name}: {where} {xpath!r} must select elements or text nodes, "
            "not compute a value"
        )
    return xpath


def profile_from_dict(data: dict[str, Any], origin: str) -> Profile:
    """Validate one parsed TOML document and build its Profile."""
    name = data.get("name")
    if not isinstance(name, str) or not name:
        raise ProfileError(f"{origin}: a profile needs a non-empty `name`")
    hosts = data.get("hosts")
    if not isinstance(hosts, list) or not hosts or not all(isinstance(h, str) and h for h in hosts):
        raise ProfileError(f"profile {name} ({origin}): `hosts` must be a non-empty list of names")
    unknown = set(data) - {
        "name",
        "hosts",
        "site_name",
        "offset",
        "title_suffixes",
        "selectors",
        "drop",
        "description",
    }
    if unknown:
        raise ProfileError(f"profile {name} ({origin}): unknown keys {sorted(unknown)}")
    for key, kind in (("site_name", str), ("description", str), ("offset", str)):
        if key in data and not isinstance(data[key], kind):
            raise ProfileError(f"profile {name} ({origin}): `{key}` must be text")
    if "offset" in data and not _OFFSET.match(data["offset"]):
        raise ProfileError(
            f"profile {name} ({origin}): `offset` must look like +08:00, not {data['offset']!r}"
        )
    suffixes = data.get("title_suffixes") or []
    if not isinstance(suffixes, list) or not all(isinstance(s, str) and s for s in suffixes):
        raise ProfileError(f"profile {name} ({origin}): `title_suffixes` must be a list of text")
    raw_selectors = data.get("selectors") or {}
    if not isinstance(raw_selectors, dict):
        raise ProfileError(f"profile {name} ({origin}): `selectors` must be a table")
    drops_data = data.get("drop") or []
    if not isinstance(drops_data, list):
        raise ProfileError(f"profile {name} ({origin}): `drop` must be a list of tables")
    selectors: list[tuple[str, tuple[str, ...]]] = []
    for field, xpaths in raw_selectors.items():
        if field not in SELECTOR_FIELDS:
            raise ProfileError(
                f"profile {name}: unknown selector {field!r}; "
                f"use one of {', '.join(SELECTOR_FIELDS)}"
            )
        if isinstance(xpaths, str):
            xpaths = [xpaths]
        if not isinstance(xpaths, list) or not xpaths:
            raise ProfileError(f"profile {name}: selector {field!r} is empty")
        selectors.append((field, tuple(_check_xpath(name, f"selector {field}", x) for x in xpaths)))
    drops = []
    for i, drop in enumerate(drops_data):
        reason = drop.get("reason") if isinstance(drop, dict) else None
        if not isinstance(reason, str) or not reason.strip():
            raise ProfileError(f"profile {name}: drop #{i + 1} needs a `reason`")
        drops.append(Drop(_check_xpath(name, f"drop #{i + 1}", drop.get("xpath")), reason))
    return Profile(
        name=name,
        hosts=tuple(h.lower() for h in hosts),
        site_name=data.get("site_name"),
        offset=str(data.get("offset", "+08:00")),
        title_suffixes=tuple(suffixes),
        selectors=tuple(selectors),
        drops=tuple(drops),
    )


def _load_file(text: str, origin: str) -> Profile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{origin}: not valid TOML ({exc})") from exc
    return profile_from_dict(data, origin)


@lru_cache(maxsize=8)
def load_profiles(profiles_dir: Path | None = None) -> tuple[Profile, ...]:
    """The bundled profiles, then those in ``profiles_dir`` (which override same-named ones)."""
    found: dict[str, Profile] = {}
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            profile = _load_file(entry.read_text(encoding="utf-8"), entry.name)
            found[profile.name] = profile
    if profiles_dir is not None:
        if not profiles_dir.is_dir():
            raise ProfileError(f"--profiles-dir {profiles_dir}: not a folder")
        for path in sorted(profiles_dir.glob("*.toml")):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise ProfileError(
                    f"{path}: cannot read the profile as UTF-8 text ({exc})"
                ) from exc
            profile = _load_file(text, str(path))
            found[profile.name] = profile
    return tuple(found.values())


def select_profile(url: str | None, config: Config) -> Profile | None:
    """The profile for ``url`` (``--profile auto``), the named one, or None (``--profile none``)."""
    if config.profile == "none":
        return None
    profiles = load_profiles(config.profiles_dir)
    if config.profile != "auto":
        for profile in profiles:
            if profile.name == config.profile:
                return profile
        names = ", ".join(p.name for p in profiles)
        raise ProfileError(f"no site profile named {config.profile!r}; known profiles: {names}")
    host = url_host(url)
    if not host:
        return None
    for profile in profiles:
        if profile.serves(host):
            return profile
    return None
