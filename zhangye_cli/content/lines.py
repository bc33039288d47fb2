"""Line rules: judge each body block's text once the body is known.

The headline repeated in the body, the info line (来源 / 时间 / 作者 ...), short lines carrying a
boilerplate cue and rights notices (moved to ``Article.notices``) leave the body here.
"""

from __future__ import annotations

from ..dates import find_date
from ..rules import CUE_LINE_MAX, CUES, INFO_CUE, INFO_LINE_MAX, NOTICE, NOTICE_LINE_MAX

_CUE_RULE = tuple((cue, rule) for rule, cues in CUES.items() for cue in cues)


def _key(text: str) -> str:
    return "".join(text.split())


def judge_line(text: str, title: str | None, info: frozenset[str]) -> tuple[str, str] | None:
    """(verdict, reason) for a line that is not article text, None for article text.

    The verdict is ``notice`` for a rights notice, else the name of the rule that drops it.
    """
    key = _key(text)
    if title and key == _key(title):
        return "headline", "the headline repeated"
    n = len(key)
    if n <= NOTICE_LINE_MAX and NOTICE.search(text) and (
        "转载" in text or "授权" in text or "声明" in text or n <= 40
    ):
        return "notice", "rights notice"
    if n <= INFO_LINE_MAX:
        cues = len(INFO_CUE.findall(text))
        if cues >= 2 or (cues == 1 and n <= 60 and find_date(text) is not None):
            return "info line", "source/time/author line"
        if key in info and n <= 60 and (cues or find_date(text)):
            return "info line", "part of the info line under the headline"
        if n <= 30 and find_date(text) is not None:
            found = find_date(text)
            if found and len(_key(text.replace(found.raw, ""))) <= 6:
                return "info line", "a bare date"
    if n <= CUE_LINE_MAX:
        for cue, rule in _CUE_RULE:
            if cue in text:
                return rule, f"short line with {cue!r}"
    return None
