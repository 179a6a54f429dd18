"""The display text is the document as written (DESIGN §3; issue 11, item 6).

Cleaning keeps what a drafter wrote: paragraph indents (``　　``), the space after an
article or chapter number (``第一条　为了``, ``第一章 总则``) and the line structure. The
comparison form drops them, so a document that differs only in such spacing is
reported as unchanged, and a real change is marked without its neighbouring spaces.
Extraction noise (letter-spaced lines, spaces at font changes) is still removed. The
Word redline, read back, gives the right text on "accept all" and the left on
"reject all", spaces included.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from test_export_redline import reconstruct

from core.compare import compare
from core.document import Document
from core.export.docx_redline import write_redline
from core.kinds import Highlight, OpKind, PairKind
from core.options import Options
from core.result import Comparison, Span

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
IDEOGRAPHIC_SPACE = "\u3000"
INDENT = IDEOGRAPHIC_SPACE * 2

# A regulation laid out after GB/T 9704: chapter headings with an ideographic space,
# articles indented two characters with an ideographic space after the number.
LEFT_LINES = [
    "某省生态环境保护条例",
    "第一章\u3000总则",
    f"{INDENT}第一条\u3000为了加强生态环境保护，推动绿色低碳发展，根据有关法律、行政法规，结合本省实际，制定本条例。",
    f"{INDENT}第二条\u3000本条例适用于本省行政区域内的生态环境保护和监督管理活动。",
    "第二章\u3000监督管理",
    f"{INDENT}第三条\u3000县级以上人民政府应当将生态环境保护工作纳入国民经济和社会发展规划。",
    f"{INDENT}生态环境主管部门对本行政区域生态环境保护工作实施统一监督管理。",
    f"{INDENT}第四条\u3000任何单位和个人都有保护生态环境的义务，有权举报污染环境和破坏生态的行为。",
]


def _respaced(line: str) -> str:
    """The same line as another drafter typed it: no indent, an ASCII space after the number."""
    return line.lstrip(IDEOGRAPHIC_SPACE).replace(IDEOGRAPHIC_SPACE, " ", 1)


RIGHT_LINES = [_respaced(line) for line in LEFT_LINES]


def _write_txt(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _write_docx(path: Path, lines: list[str]) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


Writer = Callable[[Path, list[str]], Path]
FORMATS: dict[str, Writer] = {"txt": _write_txt, "docx": _write_docx}


def _compare(tmp_path: Path, fmt: str, left: list[str], right: list[str], options: Options | None = None) -> Comparison:
    write = FORMATS[fmt]
    return compare(write(tmp_path / f"left.{fmt}", left), write(tmp_path / f"right.{fmt}", right), options)


def _marked(spans: tuple[Span, ...]) -> list[Span]:
    """The spans that mark a difference: everything but shared wording."""
    return [span for span in spans if span.kind is not Highlight.SHARED]


def _changed_spans(result: Comparison) -> tuple[list[str], list[str]]:
    """Display text of every non-equal diff op, left and right."""
    left, right = [], []
    for pair in result.pairs:
        for op in pair.diff:
            if op.op is not OpKind.EQUAL:
                left.append(result.left.text[op.left_start : op.left_end])
                right.append(result.right.text[op.right_start : op.right_end])
    return left, right


# --- the display text ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("keep_boilerplate", [False, True])
def test_indents_and_spaces_after_numbers_survive(tmp_path: Path, fmt: str, keep_boilerplate: bool) -> None:
    result = _compare(tmp_path, fmt, LEFT_LINES, RIGHT_LINES, Options(keep_boilerplate=keep_boilerplate))
    assert result.left.text == "\n".join(LEFT_LINES)
    assert result.right.text == "\n".join(RIGHT_LINES)
    assert "第一条 为了" in result.right.text and "第一章 总则" in result.right.text


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_headings_are_found_behind_indents_with_clean_titles(tmp_path: Path, fmt: str) -> None:
    result = _compare(tmp_path, fmt, LEFT_LINES, RIGHT_LINES)
    for document in (result.left, result.right):
        numbered = [s for s in document.sections if s.number]
        assert [s.number for s in numbered] == ["第一章", "第一条", "第二条", "第二章", "第三条", "第四条"]
        by_number = {s.number: s for s in numbered}
        assert by_number["第一条"].parent == by_number["第一章"].id
        assert by_number["第四条"].parent == by_number["第二章"].id
        assert by_number["第一章"].title == "总则"
        assert by_number["第一章"].label == "第一章总则"
        for section in document.sections:
            # A section starts at its number (DESIGN §4), its indent left outside.
            assert document.text.startswith(section.number, section.start)
            assert not document.text[section.start].isspace()
            assert section.title == section.title.strip(), section
            assert not section.label[0].isspace(), section
        # A section ends at its last character: the next line's indent is outside it, while
        # an indented paragraph inside it (article 3's second) keeps its indent.
        second, third = by_number["第二条"], by_number["第三条"]
        assert document.text[second.start : second.end].endswith("监督管理活动。")
        inner = LEFT_LINES[6] if document is result.left else RIGHT_LINES[6]
        assert document.text[third.start : third.end].endswith("\n" + inner)


# --- nothing is marked for spacing -----------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_spacing_alone_is_no_change(tmp_path: Path, fmt: str) -> None:
    result = _compare(tmp_path, fmt, LEFT_LINES, RIGHT_LINES)
    assert result.left.text != result.right.text
    assert result.pairs
    for pair in result.pairs:
        assert pair.kind is PairKind.SAME, pair
        assert all(op.op is OpKind.EQUAL for op in pair.diff), pair
    left_sections = {s.id for s in result.left.sections}
    assert {p.left for p in result.pairs} == left_sections  # every section has its counterpart
    assert _marked(result.left_highlights) == [] and _marked(result.right_highlights) == []
    assert result.changes == () and result.findings == () and result.moves == ()


def test_a_real_change_is_marked_without_the_spaces_around_it(tmp_path: Path) -> None:
    right = [line.replace("本省行政区域", "全省行政区域") for line in RIGHT_LINES]
    result = _compare(tmp_path, "txt", LEFT_LINES, right)
    left_changed, right_changed = _changed_spans(result)
    assert "".join(left_changed) and "".join(right_changed)
    assert "本" in "".join(left_changed) and "全" in "".join(right_changed)
    for text in (*left_changed, *right_changed):
        assert not any(ch.isspace() for ch in text), f"spacing marked as a change: {text!r}"
        assert "条" not in text  # the article numbers and their spaces are equal on both sides
    for document, spans in ((result.left, result.left_highlights), (result.right, result.right_highlights)):
        marked = _marked(spans)
        assert marked
        for span in marked:
            text = document.text[span.start : span.end]
            assert not any(ch.isspace() for ch in text), f"{span}: {text!r}"
            assert set(text) <= set("本全省行政区域"), f"{span}: {text!r}"


# --- extraction noise is still removed -------------------------------------------------


def test_extraction_noise_is_still_collapsed(tmp_path: Path) -> None:
    # As a PDF extractor gives it: a letter-spaced line, spaces at every change between
    # Chinese and digits or quotes, and a kerning gap inside a word.
    extracted = [
        "某市国民经济和社会发展第十四个五年规划纲要",
        "第一章 发展基础",
        "加 强 生 态 文 明 建 设 ， 推 动 绿 色 低 碳 发 展 。",
        "“ 十三五 ” 期间,地区生产总值年均增长 8.5% ,总量达到 616.36 亿元。",
        "建成 “ 一园多基地 ” 现代农业布局,打造区域公用品 牌。",
        "第二章 “ 十四五 ” 发展目标",
        "到 2025 年,城乡居民人均可支配收入年均增长 7% 以上。",
    ]
    result = _compare(tmp_path, "txt", extracted, extracted)
    lines = result.left.text.split("\n")
    assert lines == [
        "某市国民经济和社会发展第十四个五年规划纲要",
        "第一章 发展基础",  # the space after the chapter number is the drafter's
        "加强生态文明建设，推动绿色低碳发展。",
        "“十三五”期间,地区生产总值年均增长8.5%,总量达到616.36亿元。",
        "建成“一园多基地”现代农业布局,打造区域公用品牌。",
        "第二章“十四五”发展目标",  # before a quote the space is the extractor's
        "到2025年,城乡居民人均可支配收入年均增长7%以上。",
    ]
    assert [s.title for s in result.left.sections if s.number] == ["发展基础", "“十四五”发展目标"]


def test_word_spaces_in_a_typed_text_are_kept(tmp_path: Path) -> None:
    # Typed, not extracted: a title's two clauses, a spaced-out short heading and a
    # signature's columns keep their spaces; only the extractor's kind goes.
    typed = [
        "中共某市委关于深入贯彻重要讲话精神 加快推动区域协调发展的决定",
        "序\u3000言",
        "为加快推动区域协调发展，现作出如下决定。",
        "一、 总体要求",
        "到 2025 年，区域协调发展取得重大进展。",
        "中共某市委\u3000\u3000某市人民政府",
    ]
    lines = _compare(tmp_path, "txt", typed, typed).left.text.split("\n")
    assert lines == [*typed[:4], "到2025年，区域协调发展取得重大进展。", typed[5]]


# --- the redline gives back both documents ---------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_redline_accept_all_gives_the_right_text_and_reject_all_the_left(tmp_path: Path, fmt: str) -> None:
    right = [line.replace("本省行政区域", "全省行政区域") for line in RIGHT_LINES]
    right.insert(4, f"{INDENT}第二条之一\u3000省人民政府应当建立生态环境保护目标责任制。")
    result = _compare(tmp_path, fmt, LEFT_LINES, right)
    assert result.right.text == "\n".join(right)
    target = tmp_path / "redline.docx"
    write_redline(result, target)
    accepted, rejected = reconstruct(target)
    assert accepted == result.right.text
    assert rejected == result.left.text


def _document_text(document: Document) -> list[str]:
    return document.text.split("\n")


def test_redline_of_spacing_only_changes_touches_only_the_spaces(tmp_path: Path) -> None:
    result = _compare(tmp_path, "txt", LEFT_LINES, RIGHT_LINES)
    target = tmp_path / "redline.docx"
    write_redline(result, target)
    accepted, rejected = reconstruct(target)
    assert accepted.split("\n") == _document_text(result.right)
    assert rejected.split("\n") == _document_text(result.left)
    body = docx.Document(str(target)).element.body
    revised = ["".join(e.itertext()) for e in body.iter(f"{W}ins", f"{W}del")]
    # Only spacing differs, so the tracked changes hold nothing but spacing.
    assert revised and all(not text.strip() for text in revised), revised
