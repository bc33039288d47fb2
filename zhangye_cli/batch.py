"""The batch behind ``zhangye convert``: pages converted in worker processes, written as they
finish, resumable, one failure never stopping the rest, a progress bar on a terminal."""

from __future__ import annotations

import json
import multiprocessing
import signal
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from .config import Config
from .errors import ExitCode, InputError, ZhangyeError, one_line
from .sources import Expansion, Task, load_task, output_name
from .writers import EXTENSIONS, render
from .writers.output import JsonlSink, atomic_write


@dataclass(frozen=True)
class Outcome:
    """What a worker returns for one task: the rendered output, or why it failed."""

    index: int
    text: str = ""
    error: str = ""  # ExitCode name, e.g. "NOT_HTML"; empty on success
    exit_code: int = 0
    message: str = ""
    traceback: str = ""


def convert_one(index: int, task: Task, config: Config, fmt: str, debug: bool) -> Outcome:
    """Read, extract and render one page; any failure becomes an Outcome, never an exception."""
    from . import extract_raw

    try:
        article = extract_raw(load_task(task, config), config)
        return Outcome(index, text=render(article, fmt))
    except ZhangyeError as error:
        code = error.exit_code
        message = str(error)
        trace = traceback.format_exc() if debug else ""
    except Exception as error:  # a bug on one page must not stop the batch
        code = ExitCode.ERROR
        message = (
            f"{task.origin}: unexpected internal error ({type(error).__name__}: {error}); "
            "this is a bug: please report it (rerun with --debug for the traceback)"
        )
        trace = traceback.format_exc() if debug else ""
    return Outcome(
        index,
        error=code.name,
        exit_code=int(code),
        message=one_line(message),
        traceback=trace,
    )


def _convert_chunk(
    chunk: Sequence[tuple[int, Task]], config: Config, fmt: str, debug: bool
) -> list[Outcome]:
    return [convert_one(index, task, config, fmt, debug) for index, task in chunk]


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C


def task_key(task: Task) -> str:
    """A stable identity for a page across runs (for the JSONL state file)."""
    if task.kind == "url":
        return task.location
    location = str(Path(task.location).resolve())
    return f"{location}@{task.offset}" if task.kind == "warc" else location


@dataclass
class Batch:
    expansion: Expansion
    config: Config
    fmt: str
    output: Path
    jobs: int
    force: bool
    debug: bool

    def run(self) -> int:
        started = time.monotonic()
        tasks = self.expansion.tasks
        failures: list[dict[str, Any]] = [
            {
                "source": spec,
                "error": e.exit_code.name,
                "exit_code": int(e.exit_code),
                "message": one_line(str(e)),
            }
            for spec, e in self.expansion.failures
        ]
        sink: JsonlSink | None = None
        targets: list[Path] = []
        if self.fmt == "jsonl":
            jsonl = (
                self.output
                if self.output.suffix.lower() == ".jsonl"
                else (self.output / "articles.jsonl")
            )
            errors_path = jsonl.with_name(
                "errors.jsonl" if jsonl.name == "articles.jsonl" else f"{jsonl.stem}.errors.jsonl"
            )
            try:
                sink = JsonlSink(jsonl, force=self.force)
            except OSError as error:
                raise InputError(
                    f"{jsonl}: cannot write there ({error.strerror or error}); "
                    "give -o a writable folder or .jsonl file"
                ) from None
            todo = [i for i, t in enumerate(tasks) if task_key(t) not in sink.done]
            where = str(jsonl)
        else:
            if self.output.exists() and not self.output.is_dir():
                raise InputError(
                    f"{self.output} is a file; give a folder for -o (or --format "
                    "jsonl with a .jsonl file)"
                )
            try:
                self.output.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise InputError(
                    f"{self.output}: cannot create the folder ({error.strerror or error}); "
                    "give -o a writable folder"
                ) from None
            errors_path = self.output / "errors.jsonl"
            targets = self._targets(tasks)
            todo = [i for i, path in enumerate(targets) if self.force or not path.exists()]
            where = str(self.output)
        skipped = len(tasks) - len(todo)
        converted = 0
        progress = _Progress(len(todo))
        interrupted = False
        try:
            with progress:
                for outcome in self._outcomes([(i, tasks[i]) for i in todo]):
                    task = tasks[outcome.index]
                    if outcome.error:
                        failure: dict[str, Any] = {
                            "source": task.origin,
                            "error": outcome.error,
                            "exit_code": outcome.exit_code,
                            "message": outcome.message,
                        }
                        if outcome.traceback:
                            failure["traceback"] = outcome.traceback
                        failures.append(failure)
                        progress.note(f"failed: {outcome.message}")
                    elif sink is not None:
                        sink.write(task_key(task), outcome.text)
                        converted += 1
                    else:
                        path = targets[outcome.index]
                        path.parent.mkdir(parents=True, exist_ok=True)
                        atomic_write(path, outcome.text, durable=False)
                        converted += 1
                    progress.advance()
        except KeyboardInterrupt:  # Ctrl-C: keep what is done, report, and stop
            interrupted = True
        finally:
            if sink is not None:
                sink.close()
        failures.sort(key=lambda f: str(f["source"]))
        if failures:
            atomic_write(
                errors_path,
                "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in failures),
            )
        elif errors_path.exists() and not interrupted:
            errors_path.unlink()  # failures of an earlier run have all been redone
        listed = 0 if progress.active else 5  # a live bar has already shown each failure
        self._summary(len(tasks), converted, skipped, failures, where, errors_path, started, listed)
        if interrupted:
            click.echo(
                "zhangye: interrupted; what was converted is kept: run the same command again "
                "to finish the rest",
                err=True,
            )
            return ExitCode.INTERRUPTED
        return ExitCode.PARTIAL if failures else ExitCode.OK

    def _targets(self, tasks: Sequence[Task]) -> list[Path]:
        extension = EXTENSIONS[self.fmt]
        used: set[str] = set()
        targets: list[Path] = []
        for task in tasks:
            name = output_name(task.name, extension)
            candidate, n = name, 1
            while candidate.lower() in used:  # two pages mirror to one name: number the later
                n += 1
                candidate = f"{name[: -len(extension)]}~{n}{extension}"
            used.add(candidate.lower())
            targets.append(self.output / candidate)
        return targets

    def _outcomes(self, work: list[tuple[int, Task]]) -> Iterator[Outcome]:
        jobs = min(self.jobs, len(work))
        if jobs <= 1:
            for index, task in work:
                yield convert_one(index, task, self.config, self.fmt, self.debug)
            return
        size = max(1, min(16, len(work) // (jobs * 4)))
        chunks = iter([work[i : i + size] for i in range(0, len(work), size)])
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_ignore_sigint)
        running: dict[Future[list[Outcome]], Sequence[tuple[int, Task]]] = {}

        def submit() -> None:
            chunk = next(chunks, None)
            if chunk is not None:
                future = pool.submit(_convert_chunk, chunk, self.config, self.fmt, self.debug)
                running[future] = chunk

        try:
            for _ in range(jobs * 2):  # a bounded number in flight: memory stays flat
                submit()
            while running:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    chunk = running.pop(future)
                    try:
                        yield from future.result()
                    except Exception as error:  # a worker died (e.g. out of memory)
                        for index, task in chunk:
                            yield Outcome(
                                index,
                                error=ExitCode.ERROR.name,
                                exit_code=int(ExitCode.ERROR),
                                message=f"{task.origin}: the worker process failed "
                                f"({type(error).__name__}); rerun (done pages are skipped), "
                                "or use --jobs 1",
                            )
                    submit()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)

    def _summary(
        self,
        total: int,
        converted: int,
        skipped: int,
        failures: list[dict[str, Any]],
        where: str,
        errors_path: Path,
        started: float,
        listed: int,
    ) -> None:
        parts = [f"{converted} converted"]
        if skipped:
            parts.append(f"{skipped} skipped (already done; --force redoes them)")
        if failures:
            parts.append(f"{len(failures)} failed")
        seconds = time.monotonic() - started
        pages = "page" if total == 1 else "pages"
        line = f"zhangye: {total} {pages}: {', '.join(parts)} in {seconds:.1f} s → {where}"
        if self.expansion.skipped_records:
            line += f" ({self.expansion.skipped_records} non-page WARC records ignored)"
        click.echo(line, err=True)
        if failures:
            for failure in failures[:listed]:
                click.echo(f"  {failure['error']}: {failure['message']}", err=True)
            more = f" ({len(failures) - listed} more)" if 0 < listed < len(failures) else ""
            click.echo(f"  failures are listed in {errors_path}{more}", err=True)


class _Progress:
    """A rich progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar: Any = None
        self.task_id: Any = None
        if sys.stderr.isatty() and total > 0:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("converting"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )

    @property
    def active(self) -> bool:
        return self.bar is not None

    def __enter__(self) -> _Progress:
        if self.bar is not None:
            self.bar.start()
            self.task_id = self.bar.add_task("convert", total=self.total)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task_id)

    def note(self, message: str) -> None:
        if self.bar is not None:
            self.bar.console.print(message, markup=False, highlight=False, soft_wrap=True)
