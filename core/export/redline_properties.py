"""What the redline says of itself: document properties naming both files, and its word on scripts.

When the two documents are in different scripts, the properties (and the page header of
a new layout) say how the comparison treated them.
"""

from __future__ import annotations

from typing import Any

from core.export.docx_format import set_properties
from core.export.provenance import document_facts, product_version
from core.export.redline_body import FORM_REVIEWER
from core.result import Comparison
from core.script import Conversion, script_of

_SCRIPT_NAMES: dict[str | None, str] = {"traditional": "繁体", "simplified": "简体"}


def _scripts_note(comparison: Comparison, scripts: Conversion | None, author: str) -> str:
    """What the redline says of scripts: "" when both documents are in one, else how it compared them."""
    left, right = document_facts(comparison)
    if scripts is None:
        written = script_of(comparison.left.text), script_of(comparison.right.text)
        if not comparison.options.t2s or None in written or written[0] == written[1]:
            return ""
        sides = f"{left.side}{_SCRIPT_NAMES[written[0]]}、{right.side}{_SCRIPT_NAMES[written[1]]}"
        return (f"两份文件繁简不同（{sides}），按原文逐字比较："
                f"仅繁简等写法不同的文字记在修订人“{author}{FORM_REVIEWER}”名下。")
    target = _SCRIPT_NAMES[scripts.right]
    return (f"两份文件繁简不同：{left.side}已转换为{target}（OpenCC {scripts.config}）后与{right.side}比较，"
            f"仅繁简写法不同的文字不作修订；“全部拒绝”得到{left.side}的措辞、{target}的写法。")


def header_note(left_side: str, scripts: Conversion | None) -> str:
    """The page header's word on scripts, so that the printed redline says it too."""
    return "" if scripts is None else f"　｜　{left_side}转为{_SCRIPT_NAMES[scripts.right]}后比较"


def redline_properties(document: Any, comparison: Comparison, author: str, scripts: Conversion | None) -> None:
    """Document properties naming both compared files, the product and the date, and the
    script the comparison was made in when the two documents are written in different ones."""
    left, right = document_facts(comparison)
    set_properties(
        document,
        title=comparison.right.title,
        subject=f"修订：{left.side} {left.file} → {right.side} {right.file}",
        author=author,
        comments=f"{right.side}“{right.file}”相对于{left.side}“{left.file}”的修订，由 {product_version()} 生成。"
                 + _scripts_note(comparison, scripts, author),
        keywords=f"修订；{left.file}；{right.file}",
        producer=product_version(),
    )
