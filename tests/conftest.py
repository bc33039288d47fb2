"""Shared test options and fixtures.

``--update-golden`` makes tests/test_golden.py rewrite fixtures/pages/<slug>/expected.json and
expected.md from the current output instead of comparing with them; review the diff after.

Tests that take a ``page_case`` argument run once per fixtures/pages/<slug>/ folder; tests that
take a ``decode_case`` run once per entry of fixtures/decode/cases.json.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.localserver import Route, serve

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PAGES = FIXTURES / "pages"
DECODE = FIXTURES / "decode"

# How the local server serves every page case: name -> Content-Type header.
HTTP_VARIANTS = {
    "no-charset": "text/html",
    "lying-utf8": "text/html; charset=utf-8",
    "latin1": "text/html; charset=iso-8859-1",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite fixtures/pages/*/expected.json and expected.md from the current output "
        "instead of comparing with them (review the diff afterwards)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@dataclass(frozen=True)
class PageCase:
    slug: str
    folder: Path
    data: bytes
    url: str
    headers: dict[str, str]
    truth: dict[str, Any]

    def http_path(self, variant: str) -> str:
        """Where the local server serves this page with the given Content-Type variant."""
        return f"/{self.slug}/{variant}{urlsplit(self.url).path}"


@dataclass(frozen=True)
class DecodeCase:
    file: str
    data: bytes
    headers: dict[str, str]
    spec: dict[str, Any]


def load_page_cases() -> list[PageCase]:
    cases: list[PageCase] = []
    if not PAGES.is_dir():
        return cases
    for folder in sorted(p for p in PAGES.iterdir() if p.is_dir()):
        response = json.loads((folder / "response.json").read_text(encoding="utf-8"))
        cases.append(
            PageCase(
                slug=folder.name,
                folder=folder,
                data=(folder / "source.html").read_bytes(),
                url=response["url"],
                headers=dict(response["headers"]),
                truth=json.loads((folder / "truth.json").read_text(encoding="utf-8")),
            )
        )
    return cases


def load_decode_cases() -> tuple[list[DecodeCase], list[dict[str, Any]]]:
    if not (DECODE / "cases.json").is_file():
        return [], []
    listing = json.loads((DECODE / "cases.json").read_text(encoding="utf-8"))
    cases = [
        DecodeCase(
            file=spec["file"],
            data=(DECODE / spec["file"]).read_bytes(),
            headers=dict(spec["headers"]),
            spec=spec,
        )
        for spec in listing["cases"]
    ]
    return cases, listing["overrides"]


PAGE_CASES = load_page_cases()
DECODE_CASES, DECODE_OVERRIDES = load_decode_cases()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "page_case" in metafunc.fixturenames:
        metafunc.parametrize("page_case", PAGE_CASES, ids=[c.slug for c in PAGE_CASES])
    if "decode_case" in metafunc.fixturenames:
        metafunc.parametrize("decode_case", DECODE_CASES, ids=[c.file for c in DECODE_CASES])
    if "decode_override" in metafunc.fixturenames:
        metafunc.parametrize(
            "decode_override",
            DECODE_OVERRIDES,
            ids=[f"{o['file']}-as-{o['encoding']}" for o in DECODE_OVERRIDES],
        )
    if "http_variant" in metafunc.fixturenames:
        metafunc.parametrize("http_variant", list(HTTP_VARIANTS))


@pytest.fixture(scope="session")
def page_server() -> Iterator[str]:
    """One local server for the whole run: every page case under every Content-Type variant."""
    routes = {
        case.http_path(variant): Route(
            case.data, headers={"Content-Type": content_type, "Server": "nginx"}
        )
        for case in PAGE_CASES
        for variant, content_type in HTTP_VARIANTS.items()
    }
    with serve(routes) as base_url:
        yield base_url
