"""``zhangye explain``: how a page was read, as a rich tree for the terminal and as an annotated
copy of the page.

``explain_tree(trace)`` builds the tree, ``render_tree(trace, ...)`` renders it to text for a
terminal or a pipe, ``annotated_html(trace)`` writes the page with its body and every removed
block outlined. ``trace`` is ``zhangye_cli.pipeline.trace(raw, config)``.
"""

from __future__ import annotations

import io
import shutil

from rich.console import Console

from ..pipeline import Trace
from .html import annotated_html
from .tree import explain_tree

__all__ = ["annotated_html", "explain_tree", "render_tree"]


def render_tree(trace: Trace, terminal: bool = False, no_color: bool = False) -> str:
    """The tree as text: styled for a terminal (``terminal``), plain for a pipe or a file.

    The width is the terminal's (or $COLUMNS), else 80; NO_COLOR in the environment or
    ``no_color`` turns colour off.
    """
    width = shutil.get_terminal_size((80, 24)).columns if terminal else 80
    width = max(width, 40)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=terminal,
        no_color=True if no_color else None,
        color_system="auto" if terminal else None,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        legacy_windows=False,
    )
    console.print(explain_tree(trace, width))
    text = buffer.getvalue()
    if terminal:
        return text
    return "".join(line.rstrip() + "\n" for line in text.splitlines())
