"""Writing results safely: atomic files, and a resumable JSON Lines file.

A file is written to a temporary name in the same folder and moved into place with
``os.replace``, so readers (and a rerun after a crash) only ever see complete files.

A JSON Lines output ``articles.jsonl`` has a state file beside it, ``articles.jsonl.state``: after
each record is appended, one line ``[end_offset, key]`` is appended to the state file. The state
file is the truth: on a rerun, the JSONL file is cut back to the end of the last recorded record
(dropping a record whose state line was never written) and the recorded keys are skipped. Each
line is appended with one unbuffered write, so even a killed run leaves whole lines.
"""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import suppress
from pathlib import Path
from types import TracebackType
from typing import IO

from ..errors import InputError

_UMASK: int | None = None


def _file_mode() -> int:
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0)
        os.umask(_UMASK)
    return 0o666 & ~_UMASK


def atomic_write(path: Path, text: str, durable: bool = True) -> None:
    """Write ``text`` (UTF-8) to ``path`` all at once, or not at all.

    ``durable`` also flushes the data to disk before the rename (survives a power cut).
    """
    folder = path.parent
    if not folder.is_dir():
        raise InputError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise InputError(f"cannot write in {folder} ({error.strerror or error})") from error
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.chmod(temp, _file_mode())
        os.replace(temp, path)
    except BaseException as error:
        with suppress(OSError):
            os.unlink(temp)
        if isinstance(error, OSError):
            raise InputError(f"cannot write {path} ({error.strerror or error})") from error
        raise


def _append(stream: IO[bytes], data: bytes) -> None:
    """Append ``data`` with as few system calls as the OS allows (one, for a regular file)."""
    view = memoryview(data)
    while view:
        written = stream.write(view)
        if written is None:  # pragma: no cover (only non-blocking streams return None)
            continue
        view = view[written:]


class JsonlSink:
    """Append records to a JSON Lines file, remembering which keys are done (see module doc)."""

    def __init__(self, path: Path, force: bool = False) -> None:
        self.path = path
        self.state_path = path.with_name(path.name + ".state")
        self.done: set[str] = set()
        path.parent.mkdir(parents=True, exist_ok=True)
        if force:
            for file in (path, self.state_path):
                file.write_bytes(b"")
        else:
            self.done = self._recover()
        self._out: IO[bytes] = path.open("ab", buffering=0)
        self._state: IO[bytes] = self.state_path.open("ab", buffering=0)

    def _recover(self) -> set[str]:
        if not self.path.exists():
            with suppress(FileNotFoundError):
                self.state_path.unlink()
            return set()
        size = self.path.stat().st_size
        if not self.state_path.exists():
            if size == 0:
                return set()
            raise InputError(
                f"{self.path} exists but has no {self.state_path.name} (not written by zhangye "
                "convert, or its state was deleted); use --force to overwrite it, or another -o"
            )
        entries: list[tuple[int, str]] = []
        raw = self.state_path.read_bytes()
        lines = raw.split(b"\n")[:-1]  # the last piece has no newline: incomplete or empty
        for line in lines:
            try:
                end, key = json.loads(line)
            except (ValueError, TypeError):
                break
            if not isinstance(end, int) or not isinstance(key, str) or end > size:
                break
            if entries and end < entries[-1][0]:
                break
            entries.append((end, key))
        end = entries[-1][0] if entries else 0
        if size > end:
            os.truncate(self.path, end)  # drop a record written without its state line
        text = "".join(json.dumps([e, k], ensure_ascii=False) + "\n" for e, k in entries)
        if text.encode("utf-8") != raw:
            atomic_write(self.state_path, text)
        return {key for _, key in entries}

    def write(self, key: str, line: str) -> None:
        """Append one record (``line`` ends with a newline) and then its state entry."""
        _append(self._out, line.encode("utf-8"))
        end = self._out.tell()
        _append(self._state, (json.dumps([end, key], ensure_ascii=False) + "\n").encode("utf-8"))
        self.done.add(key)

    def close(self) -> None:
        for stream in (self._out, self._state):
            with suppress(OSError):
                stream.flush()
                os.fsync(stream.fileno())
            stream.close()

    def __enter__(self) -> JsonlSink:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
