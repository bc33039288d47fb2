"""Text repair: undo damage done to text before it reached us (wrong decodes, content farms).

``repair_text`` takes any string (a whole decoded page or one field) and returns the repaired
string with the steps that changed something. It leaves clean text alone.
"""

from __future__ import annotations

from ..records import RepairStep


def repair_text(text: str) -> tuple[str, tuple[RepairStep, ...]]:
    """Not written yet: returns the text unchanged, with no step."""
    return text, ()
