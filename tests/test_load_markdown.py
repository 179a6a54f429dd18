"""A Markdown file is read as the text it shows (``core.load_markdown``)."""

from __future__ import annotations

import time
from pathlib import Path

from core.compare import compare
from core.load import load
from core.load_markdown import markdown_text

LAW = """# 中华人民共和国示例法

1993年7月2日 第八届全国人民代表大会常务委员会第二次会议通过

<!-- INFO END -->

## 第一章 总则

第一条 为了**规范**示例工作，制定本法。

第二条 本法所称示例，是指：

（一）第一项；

（二）第二项。

## 第二章 法律责任

第三条 违反本法规定的，依法*追究*责任。
"""


def test_markup_goes_and_every_line_stays() -> None:
    assert markdown_text(LAW).split("\n") == [
        "中华人民共和国示例法",
        "1993年7月2日 第八届全国人民代表大会常务委员会第二次会议通过",
        "第一章 总则",
        "第一条 为了规范示例工作，制定本法。",
        "第二条 本法所称示例，是指：",
        "（一）第一项；",
        "（二）第二项。",
        "第二章 法律责任",
        "第三条 违反本法规定的，依法追究责任。",
    ]


def test_lists_tables_links_code_and_html() -> None:
    source = (
        "1. 总体要求\n2. 主要任务\n\n- 无序一项\n\n"
        "| 指标 | 目标 |\n|---|---|\n| 新增就业 | 500个 |\n\n"
        "见[《实施方案》](https://example.org/plan)。![图](a.png)\n\n"
        "```\n原样保留\n```\n\n"
        "<div>第九条 在标签里的条文。<br>第二行</div>\n\n"
        "第十条 第一行\n第二行<br>第三行\n\n---\n\n"
        "《关于修改<中华人民共和国示例法>的决定》\n"
    )
    assert markdown_text(source).split("\n") == [
        "1. 总体要求", "2. 主要任务", "无序一项",
        "指标 目标", "新增就业 500个",
        "见《实施方案》。",
        "原样保留",
        "第九条 在标签里的条文。", "第二行",
        "第十条 第一行", "第二行", "第三行",
        "《关于修改<中华人民共和国示例法>的决定》",
    ]


def test_a_markdown_file_gets_its_chapters(tmp_path: Path) -> None:
    base, revised = tmp_path / "法.md", tmp_path / "修订.md"
    base.write_text(LAW, encoding="utf-8")
    revised.write_text(LAW.replace("依法追究责任", "依法追究法律责任"), encoding="utf-8")
    loaded = load(base)
    assert "#" not in loaded.text and "INFO END" not in loaded.text and loaded.source_format == "txt"
    result = compare(base, revised)
    chapters = [s.number for s in result.left.sections if s.number.endswith("章")]
    assert chapters == ["第一章", "第二章"]
    third = next(s for s in result.left.sections if s.number == "第三条")
    assert result.left.by_id[third.parent].number == "第二章"


def test_a_text_file_keeps_its_hashes(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("## 第一章 总则\n第一条 内容。\n", encoding="utf-8")
    assert load(path).text.startswith("## 第一章")


def test_a_huge_single_line_is_read_in_bounded_time() -> None:
    line = "第一条 " + "规范示例工作，" * 150_000
    start = time.perf_counter()
    assert markdown_text(line) == line
    assert time.perf_counter() - start < 5


def test_windows_line_breaks_and_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes(("\ufeff" + LAW).replace("\n", "\r\n").encode())
    assert load(path).text == markdown_text(LAW)
