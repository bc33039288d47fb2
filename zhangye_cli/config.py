"""One frozen configuration object, built by the CLI or the API and passed explicitly."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

Script = Literal["keep", "simplified", "traditional"]
Punct = Literal["keep", "ascii", "fullwidth"]

USER_AGENT = "zhangye-cli/0.1 (+article extractor; contact via project README)"


@dataclass(frozen=True)
class Config:
    encoding: str | None = None  # force this codec; None decides from BOM, header, meta, bytes
    url: str | None = None  # original address of a saved page
    profile: str = "auto"  # "auto" | "none" | a profile name
    profiles_dir: Path | None = None  # extra user profiles (TOML), beside the bundled ones
    timeout: float = 20.0
    max_bytes: int = 20 * 1024 * 1024
    user_agent: str = USER_AGENT
    repair: bool = True
    script: Script = "keep"
    punct: Punct = "keep"
    offset: str = "+08:00"  # time zone of dates on Chinese pages that give none

    def __post_init__(self) -> None:
        if self.script not in ("keep", "simplified", "traditional"):
            raise ValueError(f"script must be keep, simplified or traditional, not {self.script!r}")
        if self.punct not in ("keep", "ascii", "fullwidth"):
            raise ValueError(f"punct must be keep, ascii or fullwidth, not {self.punct!r}")
        if not self.timeout > 0:  # also refuses NaN
            raise ValueError(f"timeout must be a positive number of seconds, not {self.timeout!r}")
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, not {self.max_bytes!r}")
        if self.profiles_dir is not None and not isinstance(self.profiles_dir, Path):
            object.__setattr__(self, "profiles_dir", Path(self.profiles_dir))

    def with_options(self, **options: Any) -> Config:
        """A copy with the given fields changed; unknown names raise TypeError, bad values
        ValueError."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(options) - known)
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(unknown)}")
        return replace(self, **options)
