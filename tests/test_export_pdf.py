"""The PDF report: embedded fonts (pdffonts), extractable text (pdftotext), outline, metadata."""

from __future__ import annotations

import ctypes
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from export_revision_pair import revision_comparison
from test_export_rows import LEFT_TEXT, RIGHT_TEXT, sample_comparison, sample_pair

from core.compare import compare_texts
from core.document import Document, Section
from core.errors import InputError
from core.export.pdf_report import write_pdf_report
from core.export.report_options import ReportOptions
from core.export.styles import HIGHLIGHTS, hex_to_rgb
from core.kinds import CoverageGrade, FindingKind
from core.resources import version
from core.result import Comparison

SANS, SERIF = "WenQuanYiMicroHei", "UMingCN"  # the bundled faces (resources/fonts)
poppler = pytest.mark.skipif(not (shutil.which("pdffonts") and shutil.which("pdftotext")), reason="needs poppler-utils")


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("pdf") / "对照表.pdf"
    write_pdf_report(sample_comparison(), target)
    return target


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip


def _flat(text: str) -> str:
    """Extracted text without line breaks and spaces: wrapped CJK lines join up again."""
    return re.sub(r"\s+", "", text)


def _page_texts(path: Path) -> list[str]:
    """Each page's text as PDFium extracts it, wrapped lines joined up again and nothing else changed."""
    return [page.get_textpage().get_text_range().replace("\r\n", "") for page in pdfium.PdfDocument(str(path))]


def _faces(page: pdfium.PdfPage, needle: str) -> set[str]:
    """The faces (without subset tag) the characters of ``needle``, first found on ``page``, are set in."""
    textpage = page.get_textpage()
    start = textpage.get_text_range().find(needle)
    assert start >= 0, needle
    faces = set()
    for index in range(start, start + len(needle)):
        size = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, None, 0, None)
        name = ctypes.create_string_buffer(size)
        pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, size, None)
        faces.add(name.value.decode().split("+")[-1].removesuffix("-0"))
    return faces


@poppler
def test_every_font_is_embedded_as_a_subset(sample_pdf: Path) -> None:
    out = subprocess.run(["pdffonts", str(sample_pdf)], capture_output=True, text=True, check=True).stdout
    fonts = out.splitlines()[2:]
    assert fonts, out
    faces = set()
    for line in fonts:
        emb, sub = line.split()[-5:-3]
        assert (emb, sub) == ("yes", "yes"), line
        faces.add(line.split()[0].split("+")[-1])
    assert faces == {f"{SANS}-0", f"{SERIF}-0"}, out


def test_both_bundled_faces_are_embedded(sample_pdf: Path) -> None:
    """Every font of the report is a subset of one of the two bundled faces, with its glyphs in the file."""
    raw = sample_pdf.read_bytes()
    fonts = re.findall(rb"/BaseFont /([A-Z]{6})\+(\w+)-0\b", raw)
    assert {face.decode() for _, face in fonts} == {SANS, SERIF}
    assert len(re.findall(rb"/BaseFont /", raw)) == len(fonts)  # none by name only (Helvetica)
    assert raw.count(b"/FontFile2 ") == len(fonts)


def test_body_text_in_the_serif_face_headings_in_the_sans(sample_pdf: Path) -> None:
    """After GB/T 9704: 宋体 body and cells, 黑体 title, headings, header rows and row headings."""
    document = pdfium.PdfDocument(str(sample_pdf))
    head = document[0]
    for heading in ("修改对照表", "修改概况", "图例", "打印时的标记", "文件关系", "新增（1 条）："):
        assert _faces(head, heading) == {SANS}, heading
    for text in ("由用户指定", "（四）发展特色优势产业。", "浅色底纹", "新增目标值：3000万吨"):
        assert _faces(head, text) == {SERIF}, text
    body = document[len(document) - 1]
    for heading in ("原条文", "一、总体要求", "（一）堅定以習近平", "（四）发展特色优势产业。"):
        assert _faces(body, heading) == {SANS}, heading  # an item's own heading is bold: 黑体
    for text in ("須深入學習貫徹", "做强白酒产业", "（修改稿已删除此条）", "◆ 新增目标值", "序号 （三）"):
        assert _faces(body, text) == {SERIF}, text


def test_traditional_and_simplified_paragraphs_extract_as_written(sample_pdf: Path) -> None:
    """Selectable text: each paragraph comes back character for character, wrapped lines joined."""
    body = _page_texts(sample_pdf)[-1]
    traditional = LEFT_TEXT.split("\n")[3]
    simplified = RIGHT_TEXT.split("\n")[4]
    assert traditional.startswith("（二）推動川渝毗鄰地區聯動發展。")
    assert simplified.startswith("（二）加快交通基础设施建设。")
    for paragraph in (traditional, simplified, "（四）发展特色优势产业。做强白酒产业，建设世界级优质白酒产业集群。"):
        assert paragraph in body, paragraph


def test_characters_the_serif_face_lacks_are_set_in_the_sans(tmp_path: Path) -> None:
    from core.export.pdf_fonts import body_markup

    assert body_markup("达标✓率 <5%") == f'达标<font face="{SANS}">✓</font>率 &lt;5%'
    assert body_markup("“十四五”時期") == "“十四五”時期"
    left = "一、总体要求\n（一）加快交通基础设施建设。提升港口能级。\n"
    right = "一、总体要求\n（一）加快交通基础设施建设。提升港口能级，通航✓达标。\n"
    target = tmp_path / "fallback.pdf"
    write_pdf_report(compare_texts(left, right, left_path="原稿.txt", right_path="修改稿.txt"), target)
    document = pdfium.PdfDocument(str(target))
    body = document[len(document) - 1]
    assert _faces(body, "✓") == {SANS}
    assert _faces(body, "通航") == _faces(body, "达标") == {SERIF}
    assert "提升港口能级，通航✓达标。" in _page_texts(target)[-1]


def test_a_missing_font_file_is_a_clear_error() -> None:
    from core.export.pdf_fonts import _register

    with pytest.raises(InputError, match="缺少字体文件"):
        _register("Missing", ("fonts", "no-such-face.ttc"), 0)


@poppler
def test_text_of_both_sides_is_extractable(sample_pdf: Path) -> None:
    text = _flat(_text(sample_pdf))
    assert "修改对照表" in text
    assert "（一）堅定以習近平總書記重要講話精神為根本遵循" in text  # left, Traditional
    assert "做强白酒产业，建设世界级优质白酒产业集群" in text  # right
    assert "增强“四个意识”" in text  # curly quotes come back
    assert "（修改稿已删除此条）" in text and "（原稿无此条）" in text
    for label in ("原条文", "修改后条文", "修改说明", "删除的表述", "新增的表述", "点状下划线"):
        assert label in text
    for machine in ("相似度", "左侧", "右侧", "未落实"):
        assert machine not in text


@poppler
def test_findings_on_the_head_and_in_the_notes(sample_pdf: Path) -> None:
    pages = [_flat(page) for page in _text(sample_pdf).split("\f")]
    body = next(n for n, page in enumerate(pages) if "修改后条文" in page)
    head, rest = "".join(pages[:body]), "".join(pages[body:])
    assert "修订（原稿→修改稿）" in head
    assert "要点变化（2）" in head and "数量1时限1约束力0责任单位0移动0" in head
    assert "新增目标值：3000万吨（三）加快交通基礎設施建設（二）加快交通基础设施建设" in head
    assert "删除（1条）：（四）加強生態環境保護。" in head
    assert "◆新增目标值：3000万吨◆时限2025年→2027年" in rest


def test_findings_link_to_their_rows(sample_pdf: Path) -> None:
    raw = sample_pdf.read_bytes()
    links = [line for line in raw.split(b"\n") if b"/Subtype /Link" in line]
    assert len(links) == 2  # one per finding entry, each to a place in the document
    assert all(re.search(rb"/Dest \[ \d+ 0 R /XYZ", line) for line in links)


@poppler
def test_footer_counts_pages(sample_pdf: Path) -> None:
    pages = _text(sample_pdf).split("\f")
    total = len(pdfium.PdfDocument(str(sample_pdf)))
    assert total >= 2
    for number in range(1, total + 1):
        assert f"第{number}页/共{total}页" in _flat(pages[number - 1])


def test_bookmarks_mark_changes_and_metadata_names_files(sample_pdf: Path) -> None:
    document = pdfium.PdfDocument(str(sample_pdf))
    titles = [(item.level, item.get_title()) for item in document.get_toc()]
    assert (0, "概况") in titles and (0, "逐条对照") in titles
    assert (1, "一、总体要求") in titles
    assert (2, "［修改］（一）坚定以习近平总书记重要讲话精神为根本遵循") in titles
    assert any(title.startswith("［删除］（四）加強生態環境保護") for _, title in titles)
    assert any(title.startswith("［新增］（四）发展特色优势产业") for _, title in titles)
    metadata = document.get_metadata_dict()
    assert metadata["Title"].startswith("修改对照表：中共泸州市委")
    assert metadata["Author"] == f"对照 Duizhao {version()}"
    assert "四川省委决定.txt" in metadata["Subject"] and "泸州市委决定.txt" in metadata["Subject"]
    width, height = document[0].get_size()
    assert (round(width), round(height)) == (842, 595)  # landscape A4


def test_fully_shared_text_is_shaded_as_the_legend_says(sample_pdf: Path) -> None:
    # The legend's samples are paragraphs of one highlight each: all four are shaded.
    document = pdfium.PdfDocument(str(sample_pdf))
    colours: set[tuple[int, int, int]] = set()
    for page in document:
        image = page.render(scale=1).to_pil().convert("RGB")
        colours |= {rgb for _, rgb in image.getcolors(1 << 20) or ()}
    for style in HIGHLIGHTS.values():
        assert hex_to_rgb(style.light) in colours, style.label_zh


def _long_comparison() -> Comparison:
    """The sample with the city's local item grown to several pages."""
    base = sample_comparison()
    item = next(s for s in base.right.sections if s.id == "R6")
    filler = "".join(f"第{n}条措施：做强白酒产业，建设世界级优质白酒产业集群，推动产业链延伸。" for n in range(1, 180))
    filler += "本节结束标记。"
    text = base.right.text[: item.end] + filler + base.right.text[item.end :]
    grow = len(filler)

    def moved(section: Section) -> Section:
        if section.id == "R6":
            return replace(section, end=section.end + grow)
        if section.start >= item.end:
            return replace(section, start=section.start + grow, end=section.end + grow,
                           heading_end=section.heading_end + grow)  # fmt: skip
        if section.end >= item.end:
            return replace(section, end=section.end + grow)
        return section

    right = Document(base.right.path, base.right.title, text, tuple(moved(s) for s in base.right.sections))
    spans = tuple(s if s.start < item.end else replace(s, start=s.start + grow, end=s.end + grow)
                  for s in base.right_highlights)  # fmt: skip
    return replace(base, right=right, right_highlights=spans, matches=())


@poppler
def test_long_section_breaks_across_pages_with_the_header_once_per_page(tmp_path: Path) -> None:
    target = tmp_path / "long.pdf"
    write_pdf_report(_long_comparison(), target)
    pages = _text(target).split("\f")
    with_filler = [n for n, page in enumerate(pages) if "条措施" in page]
    assert len(with_filler) >= 3  # one cell, continued over several pages
    assert with_filler == list(range(with_filler[0], with_filler[-1] + 1))
    text = _flat(_text(target))
    assert "第179条措施" in text and "本节结束标记" in text
    body = [_flat(page) for page in pages if "修改后条文" in page]
    assert len(body) >= 4
    # the table header is drawn at the top of each body page and nowhere else, also on the
    # page where the long row ends and the next row follows it
    assert all(page.count("修改说明") == 1 for page in body)


def test_progress_reaches_completion(tmp_path: Path) -> None:
    seen: list[float] = []
    write_pdf_report(sample_comparison(), tmp_path / "r.pdf", lambda fraction, _stage: seen.append(fraction))
    assert seen == sorted(seen) and seen[-1] == 1.0


@poppler
def test_sample_pair_report(tmp_path: Path) -> None:
    comparison = sample_pair()
    target = tmp_path / "sample.pdf"
    write_pdf_report(comparison, target)
    pages = [_flat(page) for page in _text(target).split("\f")]
    body_from = next(n for n, page in enumerate(pages) if "本级落实条目" in page)
    head, body = "".join(pages[:body_from]), "".join(pages[body_from:])
    assert "落实情况对照表" in head and "落实（上级文件→落实文件）" in head
    missing = [sid for sid, grade in comparison.coverage.grades if grade is CoverageGrade.NOT_TAKEN_UP]
    assert f"未见落实（{len(missing)}条）" in head
    assert "川南渝西融合發展試驗區" in body and "泸州" in body
    kept = [f for f in comparison.findings if f.kind is not FindingKind.COVERAGE]
    assert f"要点变化（{len(kept)}）" in head
    for finding in kept:
        assert "◆" + _flat(finding.summary) in body, finding
    assert body.count("◆") == len(kept)
    titles = [item.get_title() for item in pdfium.PdfDocument(str(target)).get_toc()]
    assert any(t.startswith("［未见落实］") for t in titles) == bool(missing)
    assert 5 <= len(pages) <= 80


@poppler
def test_revision_pair_marks_only_changed_rows(tmp_path: Path) -> None:
    comparison = revision_comparison(tmp_path)
    target = tmp_path / "revision.pdf"
    write_pdf_report(comparison, target, options=ReportOptions(blank_notes=True))
    titles = [item.get_title() for item in pdfium.PdfDocument(str(target)).get_toc()]
    marked = [t for t in titles if t.startswith("［")]
    assert any(t.startswith("［修改］经济综合实力显著增强") for t in marked)
    assert any(t.startswith("［删除］城乡统筹发展全域提升") for t in marked)
    assert any(t.startswith("［新增］积极参与川渝毗邻地区合作平台建设") for t in marked)
    assert len(marked) < len(titles) / 4  # an unchanged item is not marked
    text = _flat(_text(target))
    assert "原稿：江阳区规划（征求意见稿）.txt" in text and "修改稿：江阳区规划（送审稿）.txt" in text
    assert "◆" not in text.split("修改说明", 1)[1]  # 修改说明留空: the drafter writes it


def _line_facts(lines: object) -> list[tuple[dict[str, object], list[dict[str, object]]]]:
    """Every attribute of every line and of the words on it."""
    out = []
    for line in lines.lines:  # type: ignore[attr-defined]
        facts = {k: v for k, v in line.__dict__.items() if k != "words"}
        out.append((facts, [dict(word.__dict__) for word in line.words]))
    return out


def test_fast_cjk_lines_are_reportlabs_own() -> None:
    """The report's line breaking gives reportlab's lines exactly, on every cell of the sample pair."""
    from reportlab.platypus.paragraph import cjkFragSplit

    from core.export import pdf_report_styles
    from core.export.pdf_fonts import CJKParagraph, cjk_lines
    from core.export.segments import SpanIndex, paragraphs

    comparison = sample_pair()
    style = pdf_report_styles.Styles().cell
    markups = []
    for document, spans in ((comparison.left, comparison.left_highlights),
                            (comparison.right, comparison.right_highlights)):  # fmt: skip
        index = SpanIndex(spans)
        for section in document.leaves:
            for runs in paragraphs(document.text, index, section.start, section.end, section.heading_end):
                markups.append(pdf_report_styles.markup(runs, ReportOptions()))
    # Latin words, spaces and closing punctuation at the end of a line take reportlab's other paths
    markups.append("<b>GDP</b>增长 average annual growth rate of 7.5 percent，“十四五”时期" * 6 + "。）")
    checked = 0
    for markup in markups:
        frags = CJKParagraph(markup, style).frags
        if len(frags) < 2:
            continue
        for width in (97.0, 233.3, 301.5):
            assert _line_facts(cjk_lines(frags, (width, width))) == _line_facts(
                cjkFragSplit(frags, [width, width], False)), markup  # fmt: skip
            checked += 1
    assert checked > 100


def test_identical_pages_with_the_fast_line_breaking(tmp_path: Path) -> None:
    """The report with reportlab's own line breaking draws the same pages."""
    from reportlab.platypus import Paragraph

    from core.export import pdf_fonts

    comparison = revision_comparison(tmp_path)
    fast, slow = tmp_path / "fast.pdf", tmp_path / "slow.pdf"
    write_pdf_report(comparison, fast)
    original = pdf_fonts.CJKParagraph.breakLinesCJK
    try:
        pdf_fonts.CJKParagraph.breakLinesCJK = Paragraph.breakLinesCJK
        write_pdf_report(comparison, slow)
    finally:
        pdf_fonts.CJKParagraph.breakLinesCJK = original
    pages = [pdfium.PdfDocument(str(path)) for path in (fast, slow)]
    assert len(pages[0]) == len(pages[1])
    for number in range(len(pages[0])):
        texts = [document[number].get_textpage().get_text_range() for document in pages]
        if number:  # the head page says when it was made
            assert texts[0] == texts[1], number


def test_lines_kept_per_width_survive_splits() -> None:
    """A cell paragraph split at one height, then measured and split at another, splits as reportlab's."""
    from reportlab.platypus import Paragraph

    from core.export.pdf_fonts import CJKParagraph
    from core.export.pdf_report_styles import Styles

    marked = "建设现代物流枢纽体系，突出成都主枢纽功能" * 12
    markup = f'<font backColor="#FFD5C2">{marked}</font>普通文字' * 6
    style = Styles().cell

    def first_parts(kind: type) -> list[list[list[str]]]:
        paragraph = kind(markup, style)
        out = []
        for height in (60, 100, 45):
            paragraph.wrap(300, 1000)
            first = paragraph.split(300, height)[0]
            out.append([[word.text for word in line.words] for line in first.blPara.lines])
        return out

    assert first_parts(CJKParagraph) == first_parts(Paragraph)


def test_bold_in_body_text_is_the_sans_face() -> None:
    """Neither face has a bold: a bold run of the serif body is set in the sans (黑体), as in print."""
    from core.export.pdf_fonts import CJKParagraph
    from core.export.pdf_report_styles import Styles

    styles = Styles()
    body = CJKParagraph("<b>（十一）增强协同创新发展能力。</b>以中国西部科学城为主要承载区", styles.cell)
    assert [f.fontName for f in body.frags] == [SANS, SERIF]
    heading = CJKParagraph("<b>要点</b>变化", styles.h2)
    assert {f.fontName for f in heading.frags} == {SANS}


def test_fast_cjk_lines_with_both_faces_are_reportlabs_own() -> None:
    """Serif runs mixed with bold runs, run-in labels and fallback characters in the sans face."""
    from reportlab.platypus.paragraph import cjkFragSplit

    from core.export.pdf_fonts import CJKParagraph, body_markup, cjk_lines
    from core.export.pdf_report_styles import Styles

    style = Styles().cell
    markups = [
        "<b>（十一）增强协同创新发展能力。</b>以中国西部（成都）科学城、中国（绵阳）科技城为主要承载区，" * 5,
        body_markup("达标率✓提升，“十四五”时期▶重点任务 GDP growth 7.5 percent。") * 8,
        f'<font face="{SANS}" color="#1F3864">未见落实（3 条）：</font>' + "加快交通基础设施建设；" * 12,
        '<font backColor="#FFD5C2"><b>（二）</b>推动川渝毗邻地区联动发展。</font>' * 6 + "）。",
    ]
    for markup in markups:
        frags = CJKParagraph(markup, style).frags
        assert {f.fontName for f in frags} == {SANS, SERIF}, markup
        for width in (97.0, 233.3, 301.5):
            assert _line_facts(cjk_lines(frags, (width, width))) == _line_facts(
                cjkFragSplit(frags, [width, width], False)), (markup, width)  # fmt: skip


def _line_text(line: Any) -> list[tuple[str, Any]]:
    """The words of one line of a paragraph with their background (a highlight), without the
    space a split leaves after the last."""
    words = [(word.text, getattr(word, "backColor", None)) for word in line.words]
    if words:
        words[-1] = (words[-1][0].rstrip(" "), words[-1][1])
    return words


def test_a_paragraph_over_many_pages_is_broken_into_lines_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parts of a long paragraph split page by page have the lines of the paragraph broken
    whole, and the rest is not broken anew at every page (which made a document on one line
    take minutes: the square of its length)."""
    from core.export import pdf_fonts
    from core.export.pdf_report_styles import Styles

    text = "建设现代物流枢纽体系，突出成都主枢纽功能。" * 60
    markup = f'<font backColor="#FFD5C2">{text}</font>普通文字{text}'
    style = Styles().cell

    def pages() -> list[list[list[tuple[str, Any]]]]:
        out = []
        rest = pdf_fonts.CJKParagraph(markup, style)
        while rest is not None:
            rest.wrap(300, 10_000)
            parts = rest.split(300, 80)
            first, rest = (parts[0], parts[1]) if len(parts) == 2 else (parts[0], None)
            out.append([_line_text(line) for line in first.blPara.lines])
        return out

    calls = []
    breaking = pdf_fonts.cjk_lines
    monkeypatch.setattr(pdf_fonts, "cjk_lines", lambda *args: calls.append(1) or breaking(*args))
    split = pages()
    assert len(split) > 10
    assert len(calls) == 1
    whole = pdf_fonts.CJKParagraph(markup, style)
    whole.wrap(300, 100_000)
    assert [line for page in split for line in page] == [_line_text(line) for line in whole.blPara.lines]


def test_the_part_split_off_keeps_its_text_as_written() -> None:
    """The rest of a paragraph split at a page break gains no spaces: they would show as gaps."""
    from core.export.pdf_fonts import CJKParagraph
    from core.export.pdf_report_styles import Styles

    text = "建设现代物流枢纽体系，突出成都主枢纽功能" * 12
    paragraph = CJKParagraph(f'<font backColor="#FFD5C2">{text}</font>普通文字{text}', Styles().cell)
    paragraph.wrap(300, 1000)
    first, rest = paragraph.split(300, 60)
    rest.wrap(300, 1000)
    drawn = ["".join(word.text for line in part.blPara.lines for word in line.words) for part in (first, rest)]
    assert " " not in drawn[1]
    assert drawn[0].replace(" ", "") + drawn[1] == f"{text}普通文字{text}"


def test_a_cell_continued_on_later_pages_shows_no_gaps(tmp_path: Path) -> None:
    target = tmp_path / "long.pdf"
    write_pdf_report(_long_comparison(), target)
    lines = [line for page in pdfium.PdfDocument(str(target))
             for line in page.get_textpage().get_text_range().split("\r\n") if "条措施" in line]  # fmt: skip
    assert len(lines) > 40
    # reportlab ends the lines of a part it splits off with a space, after the last character
    assert not [line for line in lines if " " in line.rstrip(" ")]


def test_reportlab_runs_on_its_c_accelerator() -> None:
    # rl-accel is pinned for its string widths, checksums and number formatting: a PDF
    # report of the sample pair in about three quarters of the time.
    from reportlab.lib import rl_accel

    assert {"instanceStringWidthTTF", "fp_str", "calcChecksum", "escapePDF"} <= set(rl_accel._c_funcs)
