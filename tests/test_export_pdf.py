"""The PDF report: embedded fonts (pdffonts), extractable text (pdftotext), outline, metadata."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from test_export_rows import sample_comparison, sample_pair

from core.export.pdf_report import write_pdf_report
from core.model import Comparison, Document, Section

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


@poppler
def test_every_font_is_embedded_as_a_subset(sample_pdf: Path) -> None:
    out = subprocess.run(["pdffonts", str(sample_pdf)], capture_output=True, text=True, check=True).stdout
    fonts = out.splitlines()[2:]
    assert fonts, out
    for line in fonts:
        emb, sub = line.split()[-5:-3]
        assert (emb, sub) == ("yes", "yes"), line
        assert "WenQuanYiMicroHei" in line


@poppler
def test_text_of_both_sides_is_extractable(sample_pdf: Path) -> None:
    text = _flat(_text(sample_pdf))
    assert "修改对照表" in text
    assert "（一）堅定以習近平總書記重要講話精神為根本遵循" in text  # left, Traditional
    assert "做强白酒产业，建设世界级优质白酒产业集群" in text  # right
    assert "增强“四个意识”" in text  # curly quotes come back
    assert "（右侧无对应内容：已删除或未采纳）" in text
    assert "相似度55%" in text
    for label in ("相同", "左侧独有", "右侧独有", "他处相同", "点状下划线"):
        assert label in text


@poppler
def test_findings_on_the_summary_and_in_the_notes(sample_pdf: Path) -> None:
    pages = [_flat(page) for page in _text(sample_pdf).split("\f")]
    body = next(n for n, page in enumerate(pages) if "逐条对照" in page)
    summary, rest = "".join(pages[:body]), "".join(pages[body:])
    assert "要点变化（4）" in summary
    assert "数量1时限1约束力0责任单位0落实情况2" in summary
    assert "新增目标值：3000万吨（三）加快交通基礎設施建設（二）加快交通基础设施建设" in summary
    assert "未落实（1）：（四）加強生態環境保護。" in summary
    assert "左侧未被采纳/已删除的条目" not in summary  # said once, by the coverage findings
    assert "相似度48%◆新增目标值：3000万吨◆时限2025年→2027年" in rest
    assert "左侧独有（已删除/未采纳）◆未落实" in rest


@poppler
def test_footer_counts_pages(sample_pdf: Path) -> None:
    pages = _text(sample_pdf).split("\f")
    total = len(pdfium.PdfDocument(str(sample_pdf)))
    assert total >= 2
    for number in range(1, total + 1):
        assert f"第{number}页/共{total}页" in _flat(pages[number - 1])


def test_bookmarks_and_metadata(sample_pdf: Path) -> None:
    document = pdfium.PdfDocument(str(sample_pdf))
    titles = [(item.level, item.get_title()) for item in document.get_toc()]
    assert (0, "摘要") in titles and (0, "逐条对照") in titles
    assert (1, "一、总体要求") in titles
    assert (2, "（一）坚定以习近平总书记重要讲话精神为根本遵循") in titles
    assert any(title.startswith("［左侧独有］（四）加強生態環境保護") for _, title in titles)
    metadata = document.get_metadata_dict()
    assert metadata["Title"].startswith("修改对照表：中共泸州市委")
    assert metadata["Author"] == "对照"
    assert "↔" in metadata["Subject"]
    width, height = document[0].get_size()
    assert (round(width), round(height)) == (842, 595)  # landscape A4


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
def test_long_section_breaks_across_pages(tmp_path: Path) -> None:
    target = tmp_path / "long.pdf"
    write_pdf_report(_long_comparison(), target)
    pages = _text(target).split("\f")
    with_filler = [n for n, page in enumerate(pages) if "条措施" in page]
    assert len(with_filler) >= 3  # one cell, continued over several pages
    assert with_filler == list(range(with_filler[0], with_filler[-1] + 1))
    text = _flat(_text(target))
    assert "第179条措施" in text and "本节结束标记" in text


def test_progress_reaches_completion(tmp_path: Path) -> None:
    seen: list[float] = []
    write_pdf_report(sample_comparison(), tmp_path / "r.pdf", seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0


@poppler
def test_sample_pair_report(tmp_path: Path) -> None:
    comparison = sample_pair()
    target = tmp_path / "sample.pdf"
    write_pdf_report(comparison, target)
    text = _flat(_text(target))
    assert "川南渝西融合發展試驗區" in text and "泸州" in text
    assert comparison.findings
    summary, body = text.split("逐条对照", 1)
    assert f"要点变化（{len(comparison.findings)}）" in summary
    for finding in comparison.findings:
        # on the summary page (coverage by label), and once in the body, in a note
        assert _flat(finding.summary.partition("：")[2] or finding.summary) in summary, finding
        assert "◆" + _flat(finding.summary.partition("：")[0]) in body, finding
    assert body.count("◆") == len(comparison.findings)
    pages = len(pdfium.PdfDocument(str(target)))
    assert 5 <= pages <= 80
