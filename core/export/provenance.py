"""What every export says of where it comes from: both documents, the product, the author.

A document is named by its side in the relation's words, its file name, its title and
its date, so that two versions bearing the same title are told apart; the product names
itself with its version, and revisions and comments bear the user's account name.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core.dates import document_dates
from core.document import Document
from core.errors import printable
from core.export.report_wording import NO_SECTION, wording
from core.normalize import fold_char, normalize, to_simplified
from core.resources import version
from core.result import Comparison

PRODUCT = "对照 Duizhao"
AUTHOR = "对照"  # revision author when the account name is unknown


@dataclass(frozen=True)
class DocumentFacts:
    """One compared document as the report's head names it."""

    side: str  # 原稿 / 修改稿 / 上级文件 / 落实文件
    file: str
    title: str
    date: str  # the document's own date, else the file's; "—" when neither is known


def file_name(path: str) -> str:
    """The file name a reader recognises (no folders), readable even when it is not valid
    UTF-8 (a GBK name from a Windows share): no document format takes lone surrogates."""
    return printable(Path(path).name or path)


def document_date(document: Document) -> str:
    """The document's own date (title block, adoption line, signature), else its file's date."""
    reference = document_dates(_comparison_text(document.text)).reference
    if reference:
        return "".join(f"{value}{unit}" for value, unit in zip(reference, "年月日", strict=False))
    try:
        stamp = os.stat(document.path).st_mtime
    except OSError:
        return NO_SECTION
    return datetime.fromtimestamp(stamp).strftime("%Y-%m-%d") + "（文件日期）"


class _Folded(dict[int, str]):
    """``str.translate`` table of ``fold_char``, filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLDED = _Folded()


def _comparison_text(display: str) -> str:
    """``normalize(display).text`` without the offset maps nobody here reads.

    Building the maps costs a Python step per character of both documents, on every
    export; the text alone is one conversion and one ``str.translate``. A tab may be a
    cell boundary kept as a tab, which only ``normalize`` decides: such texts go through it.
    """
    source = to_simplified(display)
    if "\t" in source:
        return normalize(display).text
    return source.translate(_FOLDED)


def document_facts(comparison: Comparison) -> tuple[DocumentFacts, DocumentFacts]:
    """Both documents as every output names them: side in the relation's words, file, title, date."""
    words, left, right = wording(comparison), comparison.left, comparison.right
    return (
        DocumentFacts(words.left_side, file_name(left.path), left.title, document_date(left)),
        DocumentFacts(words.right_side, file_name(right.path), right.title, document_date(right)),
    )


def header_line(documents: Sequence[DocumentFacts]) -> str:
    """A page header naming each document distinctly, even when both bear the same title."""
    return "　｜　".join(f"{d.side}：{d.file}（{d.date}）" for d in documents)


def product_version() -> str:
    """The product and its version, as document properties name the producer."""
    return f"{PRODUCT} {version()}"


def account_name() -> str:
    """The user's account name for revision marks, or 对照 when the system does not tell."""
    for variable in ("USERNAME", "USER", "LOGNAME"):
        name = os.environ.get(variable, "").strip()
        if name:
            return name
    try:
        import getpass

        return getpass.getuser() or AUTHOR
    except (OSError, KeyError, ImportError):
        return AUTHOR
