"""``python -m zhangye_cli``: the same as the ``zhangye`` command."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    main(prog_name="zhangye")
