"""The library's exceptions and the exit code each maps to (one table, used by the CLI)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1  # unexpected internal error (a bug: please report it with --debug output)
    USAGE = 2  # bad command line (Click's own code)
    INPUT = 3  # file missing, unreadable, a directory, or not a page
    NETWORK = 4  # host unreachable, timeout, TLS failure
    HTTP = 5  # server answered with an error status
    NOT_HTML = 6  # the response or file is not an HTML page
    NO_ARTICLE = 7  # the page is empty or has no article text
    ENCODING = 8  # the bytes cannot be decoded with the requested codec
    PROFILE = 9  # a site profile is missing or invalid
    PARTIAL = 10  # convert: some pages failed (the others were written)
    INTERRUPTED = 130  # stopped with Ctrl-C (convert keeps what it had written)


class ZhangyeError(Exception):
    """Base class: ``str(error)`` is one line that says what happened and what to try."""

    exit_code: ExitCode = ExitCode.ERROR


class InputError(ZhangyeError):
    exit_code = ExitCode.INPUT


class NetworkError(ZhangyeError):
    exit_code = ExitCode.NETWORK


class HTTPStatusError(ZhangyeError):
    exit_code = ExitCode.HTTP

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status  # the HTTP status code the server answered with


class NotHTMLError(ZhangyeError):
    exit_code = ExitCode.NOT_HTML


class NoArticleError(ZhangyeError):
    exit_code = ExitCode.NO_ARTICLE


class EncodingError(ZhangyeError):
    exit_code = ExitCode.ENCODING


class ProfileError(ZhangyeError):
    exit_code = ExitCode.PROFILE


def one_line(message: str) -> str:
    """A message folded onto one line (error output is one line per error)."""
    return " ".join(message.split())
