"""zhangye convert: folders with good and bad pages, resuming, JSON Lines, WARC, lists, --jobs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.localserver import Route, serve
from tests.test_cli import NAV_ONLY, PAGE, PARAGRAPHS, article_html
from tests.test_sources import write_warc
from zhangye_cli.cli import main
from zhangye_cli.errors import ExitCode

GOOD = {
    "a.html": PAGE,
    "news/b.htm": article_html("临泽县召开会议", PARAGRAPHS, charset="gbk"),
    "news/2022/c.shtml": article_html("山丹县新闻发布", PARAGRAPHS),
}
BAD = {
    "empty.html": b"",
    "report.html": b"%PDF-1.4\n%...",
    "list.html": NAV_ONLY,
}


def run(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["convert", *args], input=input)


def make_site(root: Path, pages: dict[str, bytes]) -> Path:
    for name, data in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_good_and_bad_pages(work: Path) -> None:
    make_site(work / "site", {**GOOD, **BAD})
    result = run("site", "-o", "out", "--jobs", "1")
    assert result.exit_code == ExitCode.PARTIAL, result.stderr
    assert files_under(work / "out") == [
        "a.json",
        "errors.jsonl",
        "news/2022/c.json",
        "news/b.json",
    ]
    record = json.loads((work / "out/news/b.json").read_text(encoding="utf-8"))
    assert record["title"] == "临泽县召开会议"
    errors = [json.loads(line) for line in (work / "out/errors.jsonl").read_text().splitlines()]
    assert [(e["source"], e["error"], e["exit_code"]) for e in errors] == [
        (str(Path("site/empty.html")), "NO_ARTICLE", 7),
        (str(Path("site/list.html")), "NO_ARTICLE", 7),
        (str(Path("site/report.html")), "NOT_HTML", 6),
    ]
    assert all(e["message"] and "\n" not in e["message"] for e in errors)
    summary = result.stderr.splitlines()[0]
    assert summary.startswith("zhangye: 6 pages: 3 converted, 3 failed in ")
    assert "out/errors.jsonl" in result.stderr
    assert "Traceback" not in result.output


def test_resume_skips_done_pages_and_force_redoes_them(work: Path) -> None:
    make_site(work / "site", GOOD)
    first = run("site", "-o", "out", "--format", "markdown", "--jobs", "1")
    assert first.exit_code == 0, first.stderr
    assert files_under(work / "out") == ["a.md", "news/2022/c.md", "news/b.md"]
    done = work / "out/a.md"
    done.write_text("kept", encoding="utf-8")  # a second run must not touch it
    (work / "out/news/b.md").unlink()  # as if the first run had been killed before this page
    second = run("site", "-o", "out", "--format", "markdown", "--jobs", "1")
    assert second.exit_code == 0
    assert "1 converted, 2 skipped" in second.stderr
    assert done.read_text(encoding="utf-8") == "kept"
    assert (work / "out/news/b.md").read_text(encoding="utf-8").startswith("---\n")
    forced = run("site", "-o", "out", "--format", "markdown", "--jobs", "1", "--force")
    assert "3 converted" in forced.stderr
    assert done.read_text(encoding="utf-8").startswith("---\n")


def test_errors_file_is_removed_once_everything_succeeds(work: Path) -> None:
    make_site(work / "site", {"a.html": PAGE, "b.html": b""})
    assert run("site", "-o", "out", "--jobs", "1").exit_code == ExitCode.PARTIAL
    assert (work / "out/errors.jsonl").exists()
    (work / "site/b.html").write_bytes(PAGE)
    again = run("site", "-o", "out", "--jobs", "1")
    assert again.exit_code == 0
    assert "1 converted, 1 skipped" in again.stderr
    assert not (work / "out/errors.jsonl").exists()


def read_jsonl(path: Path) -> list[dict[str, object]]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.split("\n")[:-1]]


def test_jsonl_output_and_resume(work: Path) -> None:
    make_site(work / "site", {**GOOD, "bad.html": b"  "})
    first = run("site", "-o", "out", "--format", "jsonl", "--jobs", "1")
    assert first.exit_code == ExitCode.PARTIAL
    records = read_jsonl(work / "out/articles.jsonl")
    assert sorted(str(r["title"]) for r in records) == [
        "临泽县召开会议",
        "山丹县新闻发布",
        "张掖市调研创建全国文明城市工作",
    ]
    assert (work / "out/errors.jsonl").exists()
    second = run("site", "-o", "out", "--format", "jsonl", "--jobs", "1")
    assert "0 converted, 3 skipped" in second.stderr
    assert len(read_jsonl(work / "out/articles.jsonl")) == 3


def test_jsonl_recovers_from_a_killed_run(work: Path) -> None:
    make_site(work / "site", GOOD)
    out = work / "articles.jsonl"
    assert run("site", "-o", str(out), "--jobs", "1").exit_code == 0  # format from the suffix
    state = out.with_name("articles.jsonl.state")
    lines = state.read_text(encoding="utf-8").splitlines(keepends=True)
    # A run killed after writing the third record but before its state line, and in the
    # middle of writing a fourth record:
    state.write_text("".join(lines[:2]), encoding="utf-8")
    with out.open("ab") as stream:
        stream.write(b'{"schema_version": 1, "title": "half')
    result = run("site", "-o", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert "1 converted, 2 skipped" in result.stderr
    records = read_jsonl(out)
    assert len(records) == 3 and len({str(r["title"]) for r in records}) == 3
    assert len(state.read_text(encoding="utf-8").splitlines()) == 3


def test_jsonl_state_with_a_torn_last_line(work: Path) -> None:
    make_site(work / "site", GOOD)
    out = work / "all.jsonl"
    assert run("site", "-o", str(out), "--jobs", "1").exit_code == 0
    state = out.with_name("all.jsonl.state")
    text = state.read_text(encoding="utf-8")
    state.write_text(text[: text.rindex("[") + 3], encoding="utf-8")  # torn last state line
    result = run("site", "-o", str(out), "--jobs", "1")
    assert "1 converted, 2 skipped" in result.stderr
    assert len(read_jsonl(out)) == 3


def test_foreign_jsonl_is_not_appended_to(work: Path) -> None:
    make_site(work / "site", GOOD)
    (work / "mine.jsonl").write_text('{"a": 1}\n', encoding="utf-8")
    result = run("site", "-o", "mine.jsonl")
    assert result.exit_code == ExitCode.INPUT
    assert "use --force" in result.stderr
    forced = run("site", "-o", "mine.jsonl", "--force", "--jobs", "1")
    assert forced.exit_code == 0
    assert len(read_jsonl(work / "mine.jsonl")) == 3


def test_warc_archive(work: Path) -> None:
    write_warc(
        work / "crawl.warc.gz",
        [
            ("http://www.example.cn/news/1.html", PAGE, "text/html; charset=utf-8", "200 OK"),
            ("http://www.example.cn/style.css", b"body{}", "text/css", "200 OK"),
            ("http://www.example.cn/news/2.html", b"%PDF-1.4", "text/html", "200 OK"),
        ],
    )
    result = run("crawl.warc.gz", "-o", "out", "--jobs", "1")
    assert result.exit_code == ExitCode.PARTIAL
    assert "1 non-page WARC records ignored" in result.stderr
    record = json.loads((work / "out/crawl/www.example.cn/news/1.json").read_text("utf-8"))
    assert record["url"] == "http://www.example.cn/news/1.html"
    assert record["title"] == "张掖市调研创建全国文明城市工作"
    error = json.loads((work / "out/errors.jsonl").read_text("utf-8"))
    assert error["source"].startswith("crawl.warc.gz@") and error["error"] == "NOT_HTML"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    routes = {
        "/news/1.html": Route(PAGE),
        "/news/2.html": Route(article_html("甘州区新闻", PARAGRAPHS, charset="gbk")),
    }
    with serve(routes) as base:
        yield base


def test_list_of_urls_and_paths(work: Path, server: str) -> None:
    make_site(work / "site", {"a.html": PAGE})
    listing = work / "list.txt"
    listing.write_text(
        f"# to convert\n{server}/news/1.html\n{server}/news/2.html\n{server}/news/404.html\n"
        "site/a.html\nmissing.html\n",
        encoding="utf-8",
    )
    result = run("--from-list", "list.txt", "-o", "out", "--format", "markdown", "--jobs", "1")
    assert result.exit_code == ExitCode.PARTIAL, result.stderr
    host = "127.0.0.1_" + server.rsplit(":", 1)[1]
    assert files_under(work / "out") == [
        f"{host}/news/1.md",
        f"{host}/news/2.md",
        "errors.jsonl",
        "site/a.md",
    ]
    errors = [json.loads(line) for line in (work / "out/errors.jsonl").read_text().splitlines()]
    assert sorted(e["error"] for e in errors) == ["HTTP", "INPUT"]


def test_jobs_2_gives_the_same_output_as_jobs_1(work: Path) -> None:
    pages = {**GOOD, **{f"more/{i}.html": PAGE for i in range(6)}, "bad.html": b""}
    make_site(work / "site", pages)
    serial = run("site", "-o", "serial", "--jobs", "1")
    parallel = run("site", "-o", "parallel", "--jobs", "2")
    assert serial.exit_code == parallel.exit_code == ExitCode.PARTIAL, parallel.stderr
    assert files_under(work / "serial") == files_under(work / "parallel")
    for name in files_under(work / "serial"):
        assert (work / "serial" / name).read_bytes() == (work / "parallel" / name).read_bytes()


def test_glob_input(work: Path) -> None:
    make_site(work / "site", GOOD)
    result = run("site/**/*.htm", "-o", "out", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert files_under(work / "out") == ["site/news/b.json"]


def test_nothing_matched(work: Path) -> None:
    (work / "empty").mkdir()
    result = run("empty", "nothing-*.html", "-o", "out")
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr.startswith("zhangye: error: nothing to convert")
    assert len(result.stderr.splitlines()) == 1


def test_missing_input_among_good_ones_is_a_failure(work: Path) -> None:
    make_site(work / "site", GOOD)
    result = run("site", "nope.html", "-o", "out", "--jobs", "1")
    assert result.exit_code == ExitCode.PARTIAL
    error = json.loads((work / "out/errors.jsonl").read_text("utf-8"))
    assert error == {
        "source": "nope.html",
        "error": "INPUT",
        "exit_code": 3,
        "message": "nope.html: no such file or folder; check the path",
    }


def test_no_inputs_is_a_usage_error(work: Path) -> None:
    result = run("-o", "out")
    assert result.exit_code == ExitCode.USAGE
    assert "--from-list" in result.stderr


def test_output_must_be_a_folder(work: Path) -> None:
    make_site(work / "site", GOOD)
    (work / "out.txt").write_text("x")
    result = run("site", "-o", "out.txt")
    assert result.exit_code == ExitCode.INPUT
    assert "is a file" in result.stderr


def test_pages_that_mirror_to_one_name_are_numbered(work: Path) -> None:
    make_site(work / "site", {"a.html": PAGE, "a.htm": PAGE, "A.shtml": PAGE})
    result = run("site", "-o", "out", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert files_under(work / "out") == ["A.json", "a~2.json", "a~3.json"]


def test_debug_keeps_tracebacks_in_errors_file(work: Path) -> None:
    make_site(work / "site", {"a.html": PAGE, "b.html": b"%PDF-1.4"})
    result = run("site", "-o", "out", "--jobs", "1", "--debug")
    assert result.exit_code == ExitCode.PARTIAL
    error = json.loads((work / "out/errors.jsonl").read_text("utf-8"))
    assert "Traceback" in error["traceback"] and "NotHTMLError" in error["traceback"]
