"""A Markdown file's text as a drafter reads it: the words without the markup.

Collections of laws and policies are often kept as Markdown (``# 标题``, ``## 第一章 总则``,
``<!-- 注释 -->``). Read as plain text, the markup would stay in the display text and keep the
outline from seeing a chapter (``## 第二章 …`` does not open with its number), so a law's
articles would all hang under its title. The file is parsed by markdown-it-py (CommonMark,
with tables) and each block gives the lines it shows: a heading or a paragraph its text, each
of its source lines a line as in a plain-text file (reflow joins the ones broken at the page
width); a list item its text, after its number in a numbered list; a table row its cells,
separated by a space; a code block its lines; an HTML block the text between its tags. HTML
comments, rules, images and the marks of emphasis and links go.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from core import patterns

_COMMENT = patterns.compiled(r"<!--.*?(?:-->|$)", re.DOTALL)
_TAG = patterns.compiled(r"<[^>]*>")
_LINE_BREAK_TAG = patterns.compiled(r"<br\s*/?>", re.IGNORECASE)


def markdown_text(source: str) -> str:
    """The text ``source`` (Markdown) shows, one line per line of each block."""
    lines: list[str] = []
    number = ""  # the number of the numbered list item whose first line comes next
    row: list[str] | None = None  # the cells of the table row being read
    for token in MarkdownIt("commonmark").enable("table").parse(source):
        if token.type == "list_item_open":
            number = f"{token.info}{token.markup} " if token.info else ""
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            lines.append(" ".join(cell for cell in row if cell))
            row = None
        elif token.type == "inline":
            text = _inline_text(token.children or ())
            if row is not None:
                row.append(" ".join(text.split("\n")).strip())
            else:
                lines.extend((number + text).split("\n"))
                number = ""
        elif token.type in ("fence", "code_block"):
            lines.extend(token.content.rstrip("\n").split("\n"))
        elif token.type == "html_block":
            lines.extend(_html_text(token.content).split("\n"))
    return "\n".join(line for line in lines if line.strip())


def _inline_text(children: Sequence[Token]) -> str:
    """The text of a block's inline content: its words and line breaks, no marks, no images."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "html_inline":
            parts.append("\n" if _LINE_BREAK_TAG.fullmatch(child.content) else "")
    return "".join(parts)


def _html_text(content: str) -> str:
    """The text between the tags of a raw HTML block; nothing of a comment."""
    return _TAG.sub("", _LINE_BREAK_TAG.sub("\n", _COMMENT.sub("", content)))
