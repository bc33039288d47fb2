#!/usr/bin/env python3
"""Benchmark zhangye against its peers on the shared gold sets, in one process.

    python benchmarks/run_bench.py [--bench-dir PATH] [--sets zh-dev,aeb]
        [--only zhangye,trafilatura,...] [--repeat N] [--limit N] [--per-page [N]]

For every page, each extractor runs on the page's bytes in turn (so machine noise hits all
alike); predictions go to results/<set>/<extractor>.jsonl and are scored by the bench's
score.py, run unchanged as a subprocess. One Markdown table goes to stdout and, for a full run,
to benchmarks/results/latest.md. See benchmarks/README.md for what each column means.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

sys.dont_write_bytecode = True  # leave no __pycache__ in benchmarks/

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
if str(REPO) not in sys.path:  # zhangye from this checkout, installed or not
    sys.path.insert(1, str(REPO))

from peers import FACTORIES, PUBLISHED, Extractor, Output, load  # noqa: E402
from textchecks import BOILERPLATE, boilerplate_kept, find_mojibake  # noqa: E402

DEFAULT_SETS = ("zh-dev", "aeb")
DEFAULT_ONLY = tuple(FACTORIES)
META = ("title", "published", "author")
META_LABEL = {"title": "title", "published": "date", "author": "author"}
# Issue 3's targets for zhangye: (set, metric, bound); counts must not exceed the bound, the
# other metrics must reach it. Speed targets are checked over all pages run.
TARGETS: tuple[tuple[str, str, float], ...] = (
    ("zh-dev", "f1", 0.94),
    ("zh-dev", "title", 0.90),
    ("zh-dev", "published", 0.93),
    ("zh-dev", "author", 0.80),
    ("zh-dev", "boilerplate", 0),
    ("zh-dev", "mojibake", 0),
    ("aeb", "f1", 0.965),
)


@dataclass
class Page:
    id: str
    url: str | None
    data: bytes
    gold: dict[str, Any]


@dataclass
class PageResult:
    output: Output
    error: str | None = None  # "ExcType: message" when the extractor raised
    expected: bool = False  # the error is one the extractor documents (e.g. no article)
    times: list[float] = field(default_factory=list)


@dataclass
class SetScore:
    summary: dict[str, Any]
    rows: dict[str, dict[str, float]]


def read_set(bench: Path, name: str, limit: int | None) -> list[Page]:
    pages: list[Page] = []
    with open(bench / name / "gold.jsonl", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            gold = json.loads(line)
            path = bench / name / "pages" / f"{gold['id']}.html.gz"
            if not path.exists():
                path = bench / name / "pages" / f"{gold['id']}.html"
                data = path.read_bytes()
            else:
                data = gzip.decompress(path.read_bytes())
            pages.append(Page(gold["id"], gold.get("url"), data, gold))
            if limit and len(pages) >= limit:
                break
    return pages


def call(ext: Extractor, page: Page) -> tuple[PageResult, float]:
    """Run one extractor on one page; any exception becomes an empty output."""
    start = time.perf_counter()
    try:
        out = ext.run(page.data, page.url)
        elapsed = time.perf_counter() - start
        return PageResult(out), elapsed
    except Exception as exc:  # a peer's failure on one page must not stop the run
        elapsed = time.perf_counter() - start
        message = " ".join(str(exc).split())[:160]
        return (
            PageResult(
                Output(), f"{type(exc).__name__}: {message}", isinstance(exc, ext.expected_errors)
            ),
            elapsed,
        )


def rotated(items: Sequence[Extractor], k: int) -> Iterator[Extractor]:
    n = len(items)
    for i in range(n):
        yield items[(i + k) % n]


def run_all(
    sets: dict[str, list[Page]], extractors: list[Extractor], repeat: int
) -> dict[str, dict[str, list[PageResult]]]:
    """results[set][extractor key][page index]; predictions come from the first repetition."""
    results: dict[str, dict[str, list[PageResult]]] = {
        s: {e.key: [] for e in extractors} for s in sets
    }
    # Warm up (imports, compiled patterns, lazy tables) outside the clock, then move everything
    # alive so far out of the collector's way.
    for pages in sets.values():
        for ext in extractors if pages else ():
            call(ext, pages[0])
    gc.collect()
    gc.freeze()
    for r in range(repeat):
        for name, pages in sets.items():
            started = time.perf_counter()
            for i, page in enumerate(pages):
                gc.collect()
                # Each page starts with a different extractor, so none always runs first.
                for ext in rotated(extractors, i + r):
                    res, elapsed = call(ext, page)
                    slot = results[name][ext.key]
                    if r == 0:
                        slot.append(res)
                    slot[i].times.append(elapsed)
            print(
                f"repeat {r + 1}/{repeat}: {name}, {len(pages)} pages, "
                f"{time.perf_counter() - started:.1f}s",
                file=sys.stderr,
                flush=True,
            )
    if repeat > 1:
        warn_if_cached(sets, extractors, results)
    return results


def warn_if_cached(
    sets: dict[str, list[Page]],
    extractors: list[Extractor],
    results: dict[str, dict[str, list[PageResult]]],
) -> None:
    """Say so when later passes run much faster than the first (a cache would flatter a tool)."""
    for ext in extractors:
        first = sum(r.times[0] for n in sets for r in results[n][ext.key])
        median = sum(statistics.median(r.times) for n in sets for r in results[n][ext.key])
        if median and first / median > 1.5:
            print(
                f"warning: {ext.key}: first pass {first:.2f}s, median {median:.2f}s; "
                "later passes may be served from a cache",
                file=sys.stderr,
            )


def write_predictions(path: Path, pages: list[Page], res: list[PageResult]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for page, r in zip(pages, res, strict=True):
            row: dict[str, Any] = {
                "id": page.id,
                "text": r.output.text,
                "title": r.output.title,
                "published": r.output.published,
                "author": r.output.author,
            }
            if r.error:
                row["error"] = r.error
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def score(score_py: Path, gold_dir: Path, pred: Path) -> SetScore:
    """Run score.py unchanged and parse what it prints (per-page lines, then the summary)."""
    proc = subprocess.run(
        [sys.executable, str(score_py), str(gold_dir), str(pred), "--per-page"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    summary = json.loads(lines[-1])
    rows: dict[str, dict[str, float]] = {}
    for ln in lines[:-1]:
        pid, _, rest = ln.partition(" ")
        rows[pid] = json.loads(rest)
    return SetScore(summary, rows)


def median_rate(res: list[PageResult]) -> tuple[float, float]:
    """(seconds for all pages, pages per second), each page's time the median of its runs."""
    total = sum(statistics.median(r.times) for r in res)
    return total, (len(res) / total if total else 0.0)


def machine(packages: Sequence[str]) -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = []
    for dist in packages:
        try:
            versions.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{dist} {_module_version(dist)}")
    return (
        f"{cpu}, {os.cpu_count()} logical cores ({usable} usable), "
        f"Python {platform.python_version()} on {platform.system()} {platform.release()}; "
        + ", ".join(versions)
    )


def _module_version(dist: str) -> str:
    """The version a not-installed package (this checkout) declares in its module."""
    try:
        module = __import__(dist.replace("-cli", "_cli").replace("-", "_"))
    except Exception:
        return "(not installed)"
    return f"{getattr(module, '__version__', '?')} (from the checkout)"


def git_state() -> str:
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--", "zhangye_cli"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        return "unknown"
    if not head:
        return "no commit yet (working tree)"
    return head + (" + uncommitted changes in zhangye_cli/" if dirty else "")


def fmt(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def fmt_rate(rate: float) -> str:
    return f"{rate:.0f}" if rate >= 10 else f"{rate:.1f}"


@dataclass
class Report:
    sets: dict[str, list[Page]]
    extractors: list[Extractor]
    results: dict[str, dict[str, list[PageResult]]]
    scores: dict[str, dict[str, SetScore]]
    meta_sets: dict[str, list[str]]  # the metadata fields each set's gold has

    def checks(
        self, name: str, key: str
    ) -> tuple[list[tuple[str, list[str]]], list[tuple[str, str]]]:
        """Pages keeping boilerplate the gold lacks, and pages with mojibake: (id, evidence)."""
        kept: list[tuple[str, list[str]]] = []
        moji: list[tuple[str, str]] = []
        for page, res in zip(self.sets[name], self.results[name][key], strict=True):
            strings = boilerplate_kept(res.output.text, page.gold.get("text", ""))
            if strings:
                kept.append((page.id, strings))
            found = find_mojibake(res.output.text)
            if found:
                moji.append((page.id, "; ".join(str(f) for f in found)))
        return kept, moji

    def table(self) -> list[str]:
        head = ["extractor"]
        for name in self.sets:
            head += [f"{name} F1", "P", "R"]
            head += [META_LABEL[m] for m in self.meta_sets[name]]
            head += ["boilerplate", "mojibake", "empty"]
        head += [f"pages/s {name}" for name in self.sets]
        if len(self.sets) > 1:
            head.append("pages/s all")
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for ext in self.extractors:
            cells = [ext.label]
            for name in self.sets:
                res = self.results[name][ext.key]
                if ext.scored:
                    s = self.scores[name][ext.key].summary
                    cells += [fmt(s.get("f1")), fmt(s.get("precision")), fmt(s.get("recall"))]
                    cells += [fmt(s.get(m), 2) for m in self.meta_sets[name]]
                    kept, moji = self.checks(name, ext.key)
                    empty = sum(1 for r in res if not r.output.text.strip())
                    cells += [str(len(kept)), str(len(moji)), str(empty)]
                else:
                    cells += ["—"] * (6 + len(self.meta_sets[name]))
            total_t, total_n = 0.0, 0
            for name in self.sets:
                t, rate = median_rate(self.results[name][ext.key])
                cells.append(fmt_rate(rate))
                total_t += t
                total_n += len(self.sets[name])
            if len(self.sets) > 1:
                cells.append(fmt_rate(total_n / total_t if total_t else 0.0))
            lines.append("| " + " | ".join(cells) + " |")
        for label, figures in PUBLISHED.items():
            cells = [f"{label} †"]
            for name in self.sets:
                cells += [figures.get(f"{name} F1", ""), "", ""]
                cells += [figures.get(f"{name} {META_LABEL[m]}", "") for m in self.meta_sets[name]]
                cells += ["", "", ""]
            cells += [figures.get(f"{name} pages/s", "") for name in self.sets]
            if len(self.sets) > 1:
                cells.append("")
            lines.append("| " + " | ".join(cells) + " |")
        return lines

    def ratios(self) -> list[str]:
        keys = {e.key for e in self.extractors}
        if "zhangye" not in keys:
            return []
        out = []
        scopes: list[tuple[str, list[str]]] = [(n, [n]) for n in self.sets]
        if len(self.sets) > 1:
            scopes.append(("all pages", list(self.sets)))

        def seconds(key: str, names: list[str]) -> float:
            return sum(median_rate(self.results[n][key])[0] for n in names)

        for scope, names in scopes:
            z = seconds("zhangye", names)
            parts = []
            for peer, what in (
                ("trafilatura", "trafilatura"),
                ("trafilatura-precision", "favor_precision"),
            ):
                if peer in keys and z:
                    parts.append(f"{seconds(peer, names) / z:.2f}x the speed of {what}")
            if "lxml" in keys:
                lx = seconds("lxml", names)
                if lx:
                    parts.append(f"{z / lx:.2f}x the time of a bare lxml parse")
            if parts:
                out.append(f"- zhangye on {scope}: " + ", ".join(parts))
        return out

    def targets(self) -> list[str]:
        """Issue 3's targets for zhangye, each with the measured value and whether it is met."""
        keys = {e.key for e in self.extractors}
        if "zhangye" not in keys:
            return []
        checks: list[tuple[str, float, float, bool]] = []  # (what, value, bound, higher is better)
        for name, metric, bound in TARGETS:
            if name not in self.sets or "zhangye" not in self.scores.get(name, {}):
                continue
            s = self.scores[name]["zhangye"].summary
            if metric in ("boilerplate", "mojibake"):
                kept, moji = self.checks(name, "zhangye")
                value = float(len(kept) if metric == "boilerplate" else len(moji))
                checks.append((f"{name} pages with {metric}", value, bound, False))
            elif metric in s:
                label = META_LABEL.get(metric, metric.upper())
                checks.append((f"{name} {label}", float(s[metric]), bound, True))
        if self.sets:
            names = list(self.sets)
            z = sum(median_rate(self.results[n]["zhangye"])[0] for n in names)
            if "trafilatura" in keys and z:
                t = sum(median_rate(self.results[n]["trafilatura"])[0] for n in names)
                checks.append(("speed vs trafilatura (x its pages/s)", t / z, 4.0, True))
            if "lxml" in keys:
                lx = sum(median_rate(self.results[n]["lxml"])[0] for n in names)
                if lx:
                    checks.append(("time vs bare lxml parse (x)", z / lx, 5.0, False))
        out = []
        for what, value, bound, higher in checks:
            ok = value >= bound if higher else value <= bound
            sign = "≥" if higher else "≤"
            shown = (
                f"{value:.0f}" if bound == 0 else f"{value:.3f}" if bound < 1 else f"{value:.2f}"
            )
            out.append(f"  - {'✓' if ok else '✗'} {what}: {shown} (target {sign} {bound:g})")
        return ["- zhangye against the targets of issue 3:", *out] if out else []

    def details(self) -> list[str]:
        lines = []
        for ext in self.extractors:
            if not ext.scored:
                continue
            for name in self.sets:
                kept, moji = self.checks(name, ext.key)
                res = self.results[name][ext.key]
                errors = [
                    (p.id, r.error, r.expected)
                    for p, r in zip(self.sets[name], res, strict=True)
                    if r.error
                ]
                if not (kept or moji or errors):
                    continue
                lines.append(f"- **{ext.label}**, {name}:")
                for pid, strings in kept:
                    lines.append(f"  - boilerplate `{pid}`: {' '.join(strings)}")
                for pid, why in moji:
                    lines.append(f"  - mojibake `{pid}`: {why}")
                for pid, err, expected in errors:
                    kind = "no result" if expected else "crash"
                    lines.append(f"  - {kind} `{pid}`: {err}")
        return lines


def per_page(report: Report, name: str, top: int | None) -> list[str]:
    """zhangye's per-page F1 on one set next to the best peer's, worst first."""
    peers = [e for e in report.extractors if e.scored and e.key != "zhangye"]
    if "zhangye" not in report.scores.get(name, {}):
        return [f"(--per-page: zhangye was not run on {name})"]
    zrows = report.scores[name]["zhangye"].rows
    best = (
        max(peers, key=lambda e: report.scores[name][e.key].summary.get("f1", 0.0))
        if peers
        else None
    )
    results = dict(
        zip((p.id for p in report.sets[name]), report.results[name]["zhangye"], strict=True)
    )
    pages = {p.id: p for p in report.sets[name]}

    def mark(row: dict[str, float], field_: str) -> str:
        if field_ not in row:
            return "·"
        return "✓" if row[field_] else "✗"

    order = sorted(
        zrows,
        key=lambda pid: (
            zrows[pid]["f1"],
            -(report.scores[name][best.key].rows[pid]["f1"] if best else 0.0),
        ),
    )
    if top:
        order = order[:top]
    best_label = best.label if best else "no peer"
    lines = [
        f"### zhangye per page on {name}, worst F1 first (best peer overall: {best_label})",
        "",
        "| # | id | zhangye F1 | P | R | best peer F1 | best on page | gold chars | zhangye chars"
        " | title | date | author | notes |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for rank, pid in enumerate(order, 1):
        row = zrows[pid]
        peer_f1 = report.scores[name][best.key].rows[pid]["f1"] if best else None
        on_page = max(
            ((report.scores[name][e.key].rows[pid]["f1"], e.key) for e in peers),
            default=None,
        )
        res = results[pid]
        notes = []
        if res.error:
            notes.append(res.error)
        kept = boilerplate_kept(res.output.text, pages[pid].gold.get("text", ""))
        if kept:
            notes.append("boilerplate: " + " ".join(kept))
        moji = find_mojibake(res.output.text)
        if moji:
            notes.append("mojibake: " + "; ".join(str(f) for f in moji))
        lines.append(
            f"| {rank} | {pid} | {row['f1']:.3f} | {row['precision']:.3f} | {row['recall']:.3f}"
            f" | {fmt(peer_f1)} | {f'{on_page[0]:.3f} {on_page[1]}' if on_page else '—'}"
            f" | {len(pages[pid].gold.get('text', ''))} | {len(res.output.text)}"
            f" | {mark(row, 'title')} | {mark(row, 'published')} | {mark(row, 'author')}"
            f" | {'; '.join(notes).replace('|', '/')} |"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--bench-dir",
        type=Path,
        default=REPO.parent / "shared" / "bench",
        help="folder with score.py and the sets (default: <repo>/../shared/bench)",
    )
    ap.add_argument("--sets", default=",".join(DEFAULT_SETS), help="comma-separated set names")
    ap.add_argument(
        "--only",
        default=",".join(DEFAULT_ONLY),
        help=f"comma-separated extractors (default: {','.join(DEFAULT_ONLY)})",
    )
    ap.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="timed passes; each page's time is the median of its passes (default 3)",
    )
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    ap.add_argument(
        "--per-page",
        nargs="?",
        type=int,
        const=0,
        default=None,
        metavar="N",
        help="also print zhangye's per-page F1 on zh-dev next to the best peer's, "
        "worst first (only the N worst if N is given)",
    )
    ap.add_argument("--per-page-set", default="zh-dev", help="set for --per-page (default zh-dev)")
    ap.add_argument(
        "--out",
        type=Path,
        default=None,
        help="where predictions and latest.md go (default: benchmarks/results for a "
        "full run; a partial run (--limit/--sets/--only) saves only with --out)",
    )
    args = ap.parse_args(argv)

    bench: Path = args.bench_dir.resolve()
    score_py = bench / "score.py"
    set_names = [s for s in args.sets.split(",") if s]
    keys = [k for k in args.only.split(",") if k]
    unknown = [k for k in keys if k not in FACTORIES]
    if unknown or args.repeat < 1:
        ap.error(
            f"unknown extractor(s) {unknown}; choose from {list(FACTORIES)}"
            if unknown
            else "--repeat must be at least 1"
        )
    full = args.limit is None and tuple(set_names) == DEFAULT_SETS and tuple(keys) == DEFAULT_ONLY
    out_dir: Path | None = args.out or (HERE / "results" if full else None)

    extractors, missing = load(keys)
    for key, why in missing.items():
        print(f"skipping {key}: {why}", file=sys.stderr)
    if not extractors:
        print("no extractor could be loaded", file=sys.stderr)
        return 1
    sets = {name: read_set(bench, name, args.limit) for name in set_names}

    # zhangye may still be under construction: a failure on a trivial page says so up front.
    for ext in extractors:
        if ext.key == "zhangye":
            probe = (
                b"<html><head><title>t</title></head><body><p>"
                + "正文。".encode() * 80
                + b"</p></body></html>"
            )
            res, _ = call(ext, Page("probe", None, probe, {}))
            if res.error and not res.expected:
                print(f"warning: zhangye fails on a trivial page: {res.error}", file=sys.stderr)

    started = time.time()
    results = run_all(sets, extractors, args.repeat)

    with tempfile.TemporaryDirectory(prefix="zhangye-bench-") as tmp:
        pred_root = out_dir or Path(tmp)
        scores: dict[str, dict[str, SetScore]] = {}
        meta_sets: dict[str, list[str]] = {}
        for name, pages in sets.items():
            gold_dir = bench / name
            if args.limit:  # score.py counts a gold page without a prediction as 0: score a subset
                gold_dir = Path(tmp) / "gold" / name
                gold_dir.mkdir(parents=True)
                with open(gold_dir / "gold.jsonl", "w", encoding="utf-8") as f:
                    for p in pages:
                        f.write(json.dumps(p.gold, ensure_ascii=False) + "\n")
            meta_sets[name] = [m for m in META if any(p.gold.get(m) for p in pages)]
            scores[name] = {}
            for ext in extractors:
                if not ext.scored:
                    continue
                pred = pred_root / name / f"{ext.key}.jsonl"
                write_predictions(pred, pages, results[name][ext.key])
                scores[name][ext.key] = score(score_py, gold_dir, pred)

    report = Report(sets, extractors, results, scores, meta_sets)
    packages = [
        "zhangye-cli",
        "trafilatura",
        "readability-lxml",
        "gne",
        "lxml",
        "charset-normalizer",
    ]
    command = "python benchmarks/run_bench.py" + (
        " " + " ".join(sys.argv[1:]) if sys.argv[1:] else ""
    )
    n_pages = ", ".join(f"{n}: {len(p)} pages" for n, p in sets.items())
    gold_meta = "; ".join(
        f"{n} gold has "
        + ", ".join(
            f"{META_LABEL[m]} on {sum(1 for p in sets[n] if p.gold.get(m))}" for m in meta_sets[n]
        )
        for n in sets
        if meta_sets[n]
    )
    legend = "F1/P/R: token bag scores of score.py, averaged over pages. "
    if gold_meta:
        legend += (
            "title/date/author: exact-match accuracy on pages whose gold has the field "
            f"({gold_meta}). "
        )
    legend += (
        f"boilerplate: pages whose text keeps one of {'/'.join(BOILERPLATE)} while the gold "
        "lacks it. mojibake: pages whose text shows wrong decoding (benchmarks/textchecks.py). "
        "empty: pages with no text (including errors). pages/s: pages over the sum of each "
        "page's median time, each extractor timed page by page in turn. † figures published in "
        "the bench README, not measured in this run."
    )
    out: list[str] = [
        f"## Benchmark, {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        "",
        f"- Command: `{command}` ({n_pages}; {args.repeat} timed pass(es), "
        f"run took {time.time() - started:.0f}s)",
        f"- Machine: {machine(packages)}",
        f"- zhangye source: {git_state()}",
        "",
        *report.table(),
        "",
        legend,
        "",
        *report.ratios(),
        *report.targets(),
    ]
    if missing:
        out += ["", *(f"- not run: {k} ({why})" for k, why in missing.items())]
    details = report.details()
    if details:
        out += ["", "<details><summary>Flagged pages</summary>", "", *details, "", "</details>"]
    if args.per_page is not None:
        name = args.per_page_set
        out += [""]
        out += (
            per_page(report, name, args.per_page)
            if name in sets
            else [f"(--per-page: set {name} was not run)"]
        )
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "latest.md").write_text(text, encoding="utf-8")
        print(f"saved {out_dir / 'latest.md'} and predictions under {out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
