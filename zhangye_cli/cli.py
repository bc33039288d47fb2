"""The ``zhangye`` command: a thin adapter from options to a Config, library calls and a writer.

Data goes to stdout (or the ``-o`` file); progress and diagnostics go to stderr. ZhangyeError is
caught in one place, ``ZhangyeGroup.invoke``, and becomes one line ``zhangye: error: ...`` and
the exit code of its class (errors.ExitCode); ``--debug`` lets the traceback through instead.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import click

from . import __version__
from .batch import Batch
from .charsets import forced_codec
from .config import Config
from .errors import ExitCode, InputError, ZhangyeError, one_line
from .sources import expand_inputs, load_source
from .writers import render
from .writers.output import atomic_write

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
DEBUG_KEY = "zhangye.debug"

EXIT_CODES_HELP = """
\b
Exit codes:
  0   success
  1   unexpected internal error (a bug: rerun with --debug and report it)
  2   bad command line (unknown option, bad value)
  3   input problem: file missing or unreadable, a folder given to extract, page too
      large, nothing matched (convert), or an output file that cannot be written
  4   network problem: host unreachable, DNS failure, connection refused, timeout, TLS
  5   the server answered with an HTTP error status (404, 500, ...)
  6   not an HTML page (PDF, image, JSON, binary data)
  7   the page is empty or has no article text
  8   the bytes cannot be decoded with the requested encoding
  9   a site profile is missing or invalid
  10  convert: some pages failed (the others were written; see errors.jsonl)
  130 stopped with Ctrl-C (convert keeps what it wrote; rerun to finish)
"""


# --- the error boundary -------------------------------------------------------------------------


def _set_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    if value:
        ctx.meta[DEBUG_KEY] = True
    return value


def debug_option(func: F) -> F:
    return click.option(
        "--debug",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_set_debug,
        help="Show the full traceback of an error instead of one line.",
    )(func)


def fail(message: str, code: int) -> None:
    """Print ``zhangye: error: message`` on stderr and exit with ``code``."""
    click.echo(f"zhangye: error: {one_line(message)}", err=True)
    raise click.exceptions.Exit(code)


class ZhangyeGroup(click.Group):
    """A Click group whose ``invoke`` is the one place errors become messages and exit codes."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except ZhangyeError as error:
            if ctx.meta.get(DEBUG_KEY):
                raise
            fail(str(error), error.exit_code)
        except BrokenPipeError:
            # stdout closed early (e.g. piped into head): not worth a message. Point stdout at
            # /dev/null so that the interpreter's final flush does not complain either.
            with contextlib.suppress(OSError, ValueError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
            raise click.exceptions.Exit(ExitCode.ERROR) from None
        except Exception as error:
            if ctx.meta.get(DEBUG_KEY):
                raise
            fail(
                f"unexpected internal error ({type(error).__name__}: {error}); this is a bug: "
                "please rerun with --debug and report the traceback",
                ExitCode.ERROR,
            )
        return None


# --- options shared by the commands -------------------------------------------------------------


def _check_encoding(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    if forced_codec(value) is None:
        raise click.BadParameter(
            f"unknown text encoding {value!r}; try gb18030, big5, utf-8 or another codec name"
        )
    return value


def _check_timeout(_ctx: click.Context, _param: click.Parameter, value: float) -> float:
    if value != value:  # NaN passes every range check
        raise click.BadParameter("give a number of seconds, such as 30")
    return value


def extraction_options(with_url: bool = True) -> Callable[[F], F]:
    """The options that shape extraction, shared by extract, convert (and explain)."""

    def decorate(func: F) -> F:
        options: list[Callable[[F], F]] = [
            click.option(
                "--encoding",
                metavar="ENC",
                callback=_check_encoding,
                help="Read the bytes with this codec instead of deciding from BOM, HTTP header, "
                "<meta> and the bytes (e.g. gb18030, big5, utf-8).",
            ),
        ]
        if with_url:
            options.append(
                click.option(
                    "--url",
                    metavar="URL",
                    help="The original address of a saved page: picks the site profile and "
                    "resolves relative links.",
                )
            )
        options += [
            click.option(
                "--profile",
                default="auto",
                show_default=True,
                metavar="auto|none|NAME",
                help="Site profile: auto (chosen by the URL's host), none (generic extractor "
                "only) or a profile name.",
            ),
            click.option(
                "--profiles-dir",
                type=click.Path(exists=True, file_okay=False, path_type=Path),
                metavar="DIR",
                help="A folder of extra site profiles (*.toml), used beside the bundled ones.",
            ),
            click.option(
                "--timeout",
                type=click.FloatRange(min=0, min_open=True, max=3600),
                callback=_check_timeout,
                default=Config.timeout,
                show_default=True,
                metavar="SECONDS",
                help="Network timeout when fetching a URL.",
            ),
            click.option(
                "--no-repair",
                "repair",
                is_flag=True,
                flag_value=False,
                default=True,
                help="Keep the text as decoded: skip the repair of damaged characters.",
            ),
            click.option(
                "--script",
                type=click.Choice(["keep", "simplified", "traditional"]),
                default="keep",
                show_default=True,
                help="Convert Chinese text to simplified or traditional characters.",
            ),
            click.option(
                "--punct",
                type=click.Choice(["keep", "ascii", "fullwidth"]),
                default="keep",
                show_default=True,
                help="Convert punctuation between full-width (，。：) and ASCII forms.",
            ),
            debug_option,
        ]
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def build_config(
    *,
    encoding: str | None = None,
    url: str | None = None,
    profile: str = "auto",
    profiles_dir: Path | None = None,
    timeout: float | None = None,
    repair: bool = True,
    script: str = "keep",
    punct: str = "keep",
) -> Config:
    """The one place command-line options become a Config."""
    options: dict[str, Any] = {
        "encoding": encoding,
        "url": url,
        "profile": profile,
        "profiles_dir": profiles_dir,
        "repair": repair,
        "script": script,
        "punct": punct,
    }
    if timeout is not None:
        options["timeout"] = timeout
    return Config().with_options(**options)


def write_output(text: str, output: Path | None) -> None:
    """``text`` to the ``-o`` file (atomically) or to stdout."""
    if output is None or str(output) == "-":
        sys.stdout.flush()
        stream = getattr(sys.stdout, "buffer", None)
        if stream is not None:  # bytes: UTF-8 whatever the terminal's locale
            stream.write(text.encode("utf-8"))
            stream.flush()
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    else:
        atomic_write(output, text)


def _stdin() -> BinaryIO:
    stream: BinaryIO = sys.stdin.buffer
    return stream


# --- the commands -------------------------------------------------------------------------------


@click.group(
    cls=ZhangyeGroup,
    context_settings=CONTEXT_SETTINGS,
    epilog="""
\b
Examples:
  zhangye extract https://www.zgzyw.com.cn/zhzx/zyxw/2022-03-03/870591.html
  zhangye extract saved.html --format json -o article.json
  zhangye convert pages/ -o out/ --format markdown
  zhangye convert crawl.warc.gz -o articles.jsonl

Run 'zhangye COMMAND --help' for the options of a command.
"""
    + EXIT_CODES_HELP,
)
@click.version_option(__version__, "-V", "--version", prog_name="zhangye")
@debug_option
def main() -> None:
    """Turn Chinese (and English) news and government article pages into clean data.

    Reads a page (a URL, a saved file, standard input, or many at once), finds the article, and
    writes its title, date, authors, source, section and body as Markdown, JSON or text.
    """


@main.command(
    epilog="""
\b
Examples:
  zhangye extract https://www.zgzyw.com.cn/zhzx/zyxw/2022-03-03/870591.html
  zhangye extract page.html --url https://www.zgzyw.com.cn/zhzx/zyxw/2022-03-03/870591.html
  zhangye extract page.html --format json -o article.json
  zhangye extract page.html --format text --encoding gb18030
  curl -s https://example.cn/news/1.html | zhangye extract - --format json
  zhangye extract page.html --script simplified --punct keep

\b
SOURCE is an http(s) URL, a file path (.gz files are read too) or - for standard input.
Pages over 20 MB are refused. Data goes to stdout (or -o FILE, written atomically);
messages go to stderr.
""",
)
@click.argument("source")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["json", "markdown", "text"]),
    default="markdown",
    show_default=True,
    help="Output format: Markdown with YAML front matter, the JSON record, or plain text.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE (atomically: never a partial file) instead of stdout.",
)
@extraction_options(with_url=True)
def extract(source: str, fmt: str, output: Path | None, **options: Any) -> None:
    """Extract the article from one page: a URL, a saved file, or - (stdin)."""
    from . import extract_raw

    config = build_config(**options)
    raw = load_source(source, config, stdin=_stdin())
    article = extract_raw(raw, config)
    write_output(render(article, fmt), output)


@main.command(
    epilog="""
\b
Examples:
  zhangye explain https://www.zgzyw.com.cn/zhzx/zyxw/2022-03-03/870591.html
  zhangye explain page.html --url https://www.zgzyw.com.cn/zhzx/zyxw/2022-03-03/870591.html
  zhangye explain page.html --html annotated.html
  zhangye explain page.html --encoding gb18030 --profile none | less -R
  NO_COLOR=1 zhangye explain page.html

\b
The tree shows the encoding and how it was chosen, each metadata field with the strategy
that found it, the blocks the cleaning rules removed (by rule, with their reason, length and
first characters), the body element with the candidates and their scores, and the body's
blocks, kept (green) or dropped (red) by a line rule. --html FILE writes the page with the
body outlined green and every removed block outlined red; hover a box for its rule.
Scripts are emptied in that copy; styles are kept. SOURCE is a URL, a file or - (stdin).
""",
)
@click.argument("source")
@click.option(
    "--html",
    "html_file",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Also write the annotated page to FILE (UTF-8, written atomically).",
)
@click.option("--no-color", is_flag=True, help="No colours in the tree (also: NO_COLOR=1).")
@extraction_options(with_url=True)
def explain(source: str, html_file: Path | None, no_color: bool, **options: Any) -> None:
    """Show how a page was read: encoding, metadata, removals, body and blocks, as a tree."""
    from .explain import annotated_html, render_tree
    from .pipeline import trace

    config = build_config(**options)
    raw = load_source(source, config, stdin=_stdin())
    page = trace(raw, config)
    if html_file is not None:
        atomic_write(html_file, annotated_html(page))
    write_output(render_tree(page, terminal=sys.stdout.isatty(), no_color=no_color), None)
    if html_file is not None:
        click.echo(f"zhangye: wrote the annotated page to {html_file}", err=True)
    if page.article is None:
        raise page.no_article()


@main.command(
    epilog="""
\b
Examples:
  zhangye convert pages/ -o out/                     one JSON file per page, mirroring pages/
  zhangye convert pages/ -o out/ --format markdown   one .md file per page
  zhangye convert 'saved/**/*.html' -o articles.jsonl
  zhangye convert crawl.warc.gz -o out/ --format jsonl --jobs 4
  zhangye convert --from-list urls.txt -o out/

\b
INPUTS are folders (searched recursively for .html, .htm, .shtml, .xhtml, their .gz forms
and WARC files), glob patterns, files, WARC/WARC.gz archives (HTML response records) and
http(s) URLs; --from-list FILE reads one of those a line (- for stdin; # starts a comment).

\b
Outputs already present are skipped, so a rerun after an interruption completes the rest;
--force redoes everything. A page that fails does not stop the batch: failures are listed in
OUTDIR/errors.jsonl (source, error, exit_code, message) and the exit code is 10.
""",
)
@click.argument("inputs", nargs=-1)
@click.option(
    "--from-list",
    "list_files",
    multiple=True,
    metavar="FILE",
    help="Read inputs (URLs, paths, folders, patterns) from FILE, one a line; - for stdin.",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    metavar="OUTDIR",
    help="Output folder, or a FILE.jsonl for --format jsonl.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "markdown"]),
    help="json or markdown: one file per page in the output folder; jsonl: one line per page in "
    "OUTDIR/articles.jsonl (or the -o FILE.jsonl). Default: jsonl when -o ends in .jsonl, "
    "else json.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Pages converted in parallel (processes). Default: all cores; 1 runs in this process.",
)
@click.option("--force", is_flag=True, help="Convert every page again, even if its output exists.")
@extraction_options(with_url=False)
def convert(
    inputs: tuple[str, ...],
    list_files: tuple[str, ...],
    output: Path,
    fmt: str | None,
    jobs: int | None,
    force: bool,
    **options: Any,
) -> None:
    """Convert many pages at once: folders, globs, files, WARC archives, lists of URLs."""
    if not inputs and not list_files:
        raise click.UsageError(
            "give at least one input (folder, file, pattern, WARC, URL) or --from-list FILE"
        )
    config = build_config(**options)
    if fmt is None:
        fmt = "jsonl" if output.suffix.lower() == ".jsonl" else "json"
    ctx = click.get_current_context()
    expansion = expand_inputs(inputs, config, list_files, stdin=_stdin())
    if not expansion.tasks:
        why = "; ".join(one_line(str(e)) for _, e in expansion.failures[:3])
        raise InputError(
            "nothing to convert: no page matched the inputs"
            + (f" ({why})" if why else "")
            + "; folders are searched for .html, .htm, .shtml, .xhtml, .gz and WARC files"
        )
    batch = Batch(
        expansion=expansion,
        config=config,
        fmt=fmt,
        output=output,
        jobs=jobs or os.cpu_count() or 1,
        force=force,
        debug=bool(ctx.meta.get(DEBUG_KEY)),
    )
    ctx.exit(batch.run())
