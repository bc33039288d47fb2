"""The page as a rich Tree: encoding, metadata strategies, cleaning removals, body candidates,
the body's blocks kept or dropped, notices.

Every piece of page text goes in as ``rich.text.Text`` (never as markup), clipped to a number
of terminal cells so that the tree stays readable at 80 columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..pipeline import Trace
from ..records import Removal
from ..text import describe, squash
from .facts import BlockVerdict, Candidate, body_blocks, candidates

KEPT = "green"
DROPPED = "red"
HEAD = "bold"
DIM = "dim"
PER_RULE = 12  # removals listed under one rule before "... more"


def clip(text: str, cells: int) -> str:
    """``text`` on one line, cut to ``cells`` terminal cells (CJK characters take two)."""
    text = squash(text)
    if cell_len(text) <= cells:
        return text
    out: list[str] = []
    used = 0
    for char in text:
        width = cell_len(char)
        if used + width > cells - 1:
            break
        out.append(char)
        used += width
    return "".join(out) + "…"


def _quoted(text: str, cells: int) -> Text:
    return Text(f"“{clip(text, cells)}”", style=DIM) if text else Text("(no text)", style=DIM)


def _value(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _encoding(trace: Trace, tree: Tree) -> None:
    decision = trace.decoded.encoding
    label = Text.assemble(
        ("encoding ", HEAD),
        (decision.name, "cyan"),
        f"  by {decision.method}",
        f", declared {decision.declared}" if decision.declared else ", none declared",
    )
    node = tree.add(label)
    if decision.reason:
        node.add(Text(decision.reason))
    repairs = trace.article.repairs if trace.article else trace.decoded.repairs
    if repairs:
        fixes = node.add(Text("text repairs", style=HEAD))
        for step in repairs:
            fixes.add(Text(f"{step.step} ×{step.count}"))


def _metadata(trace: Trace, tree: Tree, width: int) -> None:
    how = f"profile {trace.profile.name}" if trace.profile else "generic extractor"
    node = tree.add(Text.assemble(("metadata", HEAD), f"  ({how})"))
    findings = trace.metadata.findings
    if not findings:
        node.add(Text("nothing found", style=DIM))
    for name, finding in findings.items():
        value = _value(finding.value)
        how = f"  ← {finding.strategy}"
        if cell_len(f"{name}  {value}{how}") <= width:
            node.add(Text.assemble((name, "cyan"), "  ", value, (how, DIM)))
        else:
            line = Text.assemble((name, "cyan"), "  ", clip(value, width - cell_len(name) - 2))
            node.add(Group(line, Text(how, style=DIM)))


def _grouped(removals: Iterable[Removal]) -> dict[str, list[Removal]]:
    groups: dict[str, list[Removal]] = {}
    for removal in removals:
        groups.setdefault(removal.rule, []).append(removal)
    return groups


def _cleaning(trace: Trace, tree: Tree, width: int) -> None:
    removals = trace.cleaned.removals
    chars = sum(r.chars for r in removals)
    node = tree.add(
        Text.assemble(("cleaning", HEAD), f"  {_plural(len(removals), 'removal')}, {chars} chars")
    )
    for rule, group in _grouped(removals).items():
        total = sum(r.chars for r in group)
        branch = node.add(
            Text.assemble((rule, DROPPED), f"  ×{len(group)}, {total} chars"),
        )
        for removal in group[:PER_RULE]:
            head = Text.assemble(
                (removal.where, "cyan"), f"  {removal.chars} chars  ", (removal.reason, DIM)
            )
            if removal.text:
                branch.add(Group(head, _quoted(removal.text, width - 16)))
            else:
                branch.add(head)
        if len(group) > PER_RULE:
            branch.add(Text(f"… {len(group) - PER_RULE} more", style=DIM))


def _candidates_table(found: list[Candidate]) -> Table:
    table = Table(box=None, show_edge=False, pad_edge=False, padding=(0, 1))
    table.add_column("candidate", overflow="fold")
    table.add_column("score", justify="right")
    table.add_column("good", justify="right")
    table.add_column("bad", justify="right")
    table.add_column("", overflow="fold")
    for c in found:
        style = KEPT if c.chosen else ""
        table.add_row(
            Text(c.where, style=style),
            f"{c.score:.0f}",
            f"{c.good:.0f}",
            f"{c.bad:.0f}",
            Text("◀ chosen" if c.chosen else c.relation, style=style or DIM),
        )
    return table


def _body(trace: Trace, tree: Tree) -> None:
    body = trace.content.body
    strategy = dict(trace.content.strategies).get("body", "")
    where = describe(body) if body is not None else "(none)"
    node = tree.add(Text.assemble(("body ", HEAD), (where, KEPT), f"  by {strategy}"))
    found = candidates(trace)
    if found:
        node.add(
            Group(
                _candidates_table(found),
                Text(
                    "score = good − bad: prose minus links and furniture, in characters; "
                    "elements near the headline are favoured",
                    style=DIM,
                ),
            )
        )


def _block_label(verdict: BlockVerdict, width: int) -> Group | Text:
    style = KEPT if verdict.kept else DROPPED
    head = Text.assemble(
        ("kept " if verdict.kept else "drop ", style),
        f"{verdict.kind:<9} {verdict.chars:>5}  ",
    )
    head.append(clip(verdict.text, max(10, width - cell_len(head.plain))), style=style)
    if verdict.removal is None:
        return head
    return Group(head, Text(f"  ↳ {verdict.removal.rule}: {verdict.removal.reason}", style=DIM))


def _blocks(trace: Trace, tree: Tree, width: int) -> None:
    verdicts, walked = body_blocks(trace)
    kept = sum(1 for v in verdicts if v.kept)
    dropped = len(verdicts) - kept + len(walked)
    node = tree.add(
        Text.assemble(
            ("blocks", HEAD),
            f"  {kept} kept, {dropped} dropped  (kind, chars, text)",
        )
    )
    for verdict in verdicts:
        node.add(_block_label(verdict, width))
    for removal in walked:
        node.add(
            Group(
                Text.assemble(
                    ("drop ", DROPPED),
                    f"{removal.rule:<9} {removal.chars:>5}  ",
                    (clip(removal.text, max(10, width - 24)), DROPPED),
                ),
                Text(f"  ↳ {removal.reason} (dropped while walking the body)", style=DIM),
            )
        )


def _notices(trace: Trace, tree: Tree, width: int) -> None:
    notices = trace.content.notices
    if not notices:
        return
    node = tree.add(Text("notices", style=HEAD))
    for notice in notices:
        node.add(_quoted(notice, width))


def explain_tree(trace: Trace, width: int = 80) -> Tree:
    """The page's tree of decisions; ``width`` is the terminal width the labels are cut for."""
    inner = max(40, width - 16)  # room left after the tree's guides
    blocks = trace.article.blocks if trace.article else ()
    origin = trace.decoded.raw.origin
    title = trace.metadata.value("title") or "(no title)"
    root = Tree(
        Group(
            Text.assemble(("explain ", HEAD), (origin, "cyan")),
            Text.assemble(("title ", HEAD), clip(title, inner)),
            Text(
                f"{_plural(len(blocks), 'block')}, "
                f"{sum(len(b.plain_text()) for b in blocks)} chars of text"
                + ("" if trace.article else ": no article found"),
                style=DIM,
            ),
        )
    )
    _encoding(trace, root)
    _metadata(trace, root, inner)
    _cleaning(trace, root, inner)
    _body(trace, root)
    _blocks(trace, root, inner)
    _notices(trace, root, inner)
    return root
