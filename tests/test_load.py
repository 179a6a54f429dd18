"""core.load: text encodings, .docx (with Word numbering), .pdf, and bad input of every kind."""

from __future__ import annotations

import hashlib
import io
import os
import random
import stat
import time
import zipfile
from pathlib import Path

import pytest
from fixtures_load import (
    POLICY_LEVELS,
    DocxBuilder,
    chinese_pdf,
    image_only_pdf,
    level_xml,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.docx_numbering import format_number
from core.errors import InputError
from core.load import Loaded, load
from core.load_limits import MAX_FILE_BYTES, MAX_PARAGRAPHS, MAX_TEXT_CHARS

DOCS = Path(__file__).resolve().parent.parent / "docs_in"
SAMPLES = sorted(DOCS.glob("*.txt"))
SICHUAN = DOCS / "sichuan_2020_decision_traditional.txt"
LUZHOU = DOCS / "luzhou_2020_decision.txt"
JIANGYANG = DOCS / "jiangyang_14th_five_year_plan.txt"


def original(path: Path) -> str:
    return path.read_text(encoding="utf-8").replace("\r\n", "\n")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def error_of(path: Path | str) -> str:
    with pytest.raises(InputError) as info:
        load(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"无法读取 “{Path(path).name}”：")
    return message


def big5_safe(text: str) -> str:
    """``text`` with the characters Big5 cannot encode replaced by "?"."""
    out = []
    for ch in text:
        try:
            ch.encode("big5")
            out.append(ch)
        except UnicodeEncodeError:
            out.append("?")
    return "".join(out)


# Plain text -----------------------------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_utf8_samples_load_unchanged(sample: Path) -> None:
    loaded = load(sample)
    assert loaded == Loaded(str(sample), original(sample), "txt", "utf-8")
    assert "\r" not in loaded.text and "\ufeff" not in loaded.text


def test_utf8_sample_loads_in_a_few_milliseconds() -> None:
    load(JIANGYANG)
    start = time.perf_counter()
    for _ in range(5):
        load(JIANGYANG)
    assert (time.perf_counter() - start) / 5 < 0.05


@pytest.mark.parametrize(
    ("encode", "expected_encoding"),
    [
        (lambda t: t.encode("utf-8-sig"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16"),
        (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: t.encode("utf-16-be"), "utf-16-be"),
        (lambda t: t.encode("gb18030"), "gb18030"),
    ],
    ids=["utf-8-sig", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be", "gb18030"],
)
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_reencoded_samples_decode_exactly(
    tmp_path: Path, sample: Path, encode: object, expected_encoding: str
) -> None:
    text = original(sample)
    path = write(tmp_path, "doc.txt", encode(text))  # type: ignore[operator]
    loaded = load(path)
    assert loaded.encoding == expected_encoding
    assert loaded.text == text


def test_gbk_and_gb2312_files_decode_as_gb18030(tmp_path: Path) -> None:
    text = "一、总体要求\n（一）指导思想。坚持稳中求进工作总基调。\n"
    for codec in ("gbk", "gb2312"):
        loaded = load(write(tmp_path, f"{codec}.txt", text.encode(codec)))
        assert (loaded.encoding, loaded.text) == ("gb18030", text)


def test_big5_traditional_sample_stays_traditional(tmp_path: Path) -> None:
    text = big5_safe(original(SICHUAN))
    loaded = load(write(tmp_path, "sichuan.txt", text.encode("big5")))
    assert loaded.encoding in ("big5", "cp950", "big5hkscs")
    assert loaded.text == text
    assert "習近平總書記" in loaded.text


def test_traditional_text_in_gb18030_is_not_taken_for_big5(tmp_path: Path) -> None:
    text = original(SICHUAN)
    loaded = load(write(tmp_path, "sichuan.txt", text.encode("gb18030")))
    assert (loaded.encoding, loaded.text) == ("gb18030", text)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("一、总体要求\n", "gb18030"),
        ("第三章　加快建设现代化基础设施", "gb18030"),
        ("一、堅定以習近平總書記重要講話精神指引\n", "big5"),
        ("Project plan 2021-2025: 发展规划\nversion 2\n", "gb18030"),
    ],
)
def test_short_legacy_texts(tmp_path: Path, text: str, codec: str) -> None:
    loaded = load(write(tmp_path, "short.txt", text.encode(codec)))
    assert loaded.text == text
    assert loaded.encoding == codec


def test_few_stray_bytes_are_replaced_in_utf8(tmp_path: Path) -> None:
    data = LUZHOU.read_bytes()
    cut = data.index("二、".encode())
    damaged = data[:cut] + b"\xff" + data[cut:] + b"\xe4\xb8"  # stray byte, truncated last char
    loaded = load(write(tmp_path, "damaged.txt", damaged))
    assert loaded.encoding == "utf-8"
    assert loaded.text.count("\ufffd") == 2
    assert loaded.text.replace("\ufffd", "") == original(LUZHOU)


def test_few_stray_bytes_are_replaced_in_gb18030(tmp_path: Path) -> None:
    text = original(LUZHOU)
    data = text.encode("gb18030")
    cut = data.index("二、".encode("gb18030"))
    loaded = load(write(tmp_path, "damaged.txt", data[:cut] + b"\xff\x0a" + data[cut:]))
    assert loaded.encoding == "gb18030"
    assert loaded.text.count("\ufffd") == 1
    assert loaded.text.replace("\ufffd", "") == text[: text.index("二、")] + "\n" + text[text.index("二、"):]


@pytest.mark.parametrize("share", [0.05, 0.5, 0.95])
def test_gbk_and_utf8_mixed_mid_line_decode_run_by_run(tmp_path: Path, share: float) -> None:
    text = original(LUZHOU)
    cut = int(len(text) * share)
    data = text[:cut].encode("utf-8") + text[cut:].encode("gb18030")
    loaded = load(write(tmp_path, "mixed.txt", data))
    assert (loaded.text, loaded.encoding) == (text, "gb18030+utf-8")


def test_mostly_gbk_with_some_utf8_lines_decodes_line_by_line(tmp_path: Path) -> None:
    text = original(LUZHOU)
    lines = text.split("\n")
    data = b"\n".join(line.encode("utf-8" if i % 20 == 3 else "gb18030") for i, line in enumerate(lines))
    loaded = load(write(tmp_path, "pasted.txt", data))
    assert (loaded.text, loaded.encoding) == (text, "gb18030+utf-8")


def test_gbk_with_big5_lines_is_refused_naming_the_line(tmp_path: Path) -> None:
    lines = original(SICHUAN).split("\n")
    data = b"\n".join(line.encode("big5", errors="replace") if 10 <= i < 14 else line.encode("gb18030")
                       for i, line in enumerate(lines))
    message = error_of(write(tmp_path, "two_legacy.txt", data))
    assert "编码无法识别" in message and "第 11 行" in message


def test_line_breaks_and_bom_are_normalised(tmp_path: Path) -> None:
    data = "\ufeff一、总体\r\n（一）要求\r第二行\u2028第三行\r\n".encode()
    loaded = load(write(tmp_path, "crlf.txt", data))
    assert loaded.text == "一、总体\n（一）要求\n第二行\n第三行\n"
    assert loaded.encoding == "utf-8-sig"


def test_text_without_extension(tmp_path: Path) -> None:
    loaded = load(write(tmp_path, "README", "一、总体要求\n".encode("gb18030")))
    assert (loaded.source_format, loaded.text) == ("txt", "一、总体要求\n")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"\x7fELF\x02\x01\x01\x00" + bytes(200),
        random.Random(7).randbytes(5000),
        b"GIF89a\x01\x00\x01\x00\x00\xff\x00,",
        b"\xff\xfe" + random.Random(8).randbytes(3000),
        b"\xef\xbb\xbf" + bytes(range(1, 32)) * 20,
    ],
    ids=["png", "elf", "random", "gif", "noise-behind-utf16-bom", "controls-behind-utf8-bom"],
)
def test_binary_files_are_not_text(tmp_path: Path, data: bytes) -> None:
    assert "不是文本文件" in error_of(write(tmp_path, "picture.txt", data))


def test_zip_named_txt_is_not_text(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.csv", "1,2,3\n" * 100)
    assert "不是文本文件" in error_of(write(tmp_path, "data.txt", buf.getvalue()))


def test_docx_and_pdf_named_txt_say_what_they_are(tmp_path: Path) -> None:
    docx = DocxBuilder()
    docx.para("正文")
    docx_path = docx.save(tmp_path / "real.docx")
    message = error_of(write(tmp_path, "fake.txt", docx_path.read_bytes()))
    assert "不是文本文件" in message and ".docx" in message
    pdf_path = chinese_pdf(tmp_path / "real.pdf", [["正文"]])
    message = error_of(write(tmp_path, "fake2.txt", pdf_path.read_bytes()))
    assert "不是文本文件" in message and ".pdf" in message


@pytest.mark.parametrize("data", [b"", b"  \r\n\t\n", "\ufeff \n".encode(), " \n".encode("utf-16")])
def test_empty_files(tmp_path: Path, data: bytes) -> None:
    assert "文件为空" in error_of(write(tmp_path, "empty.txt", data))


def test_oversized_file_is_refused_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    monkeypatch.setattr("builtins.open", lambda *a, **k: pytest.fail("file was opened"))
    assert "文件过大" in error_of(path)


def test_overlong_text_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", b"a" * (MAX_TEXT_CHARS + 1))
    assert "文本过长" in error_of(path)


# File system and types ------------------------------------------------------------------------


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "文件不存在" in error_of(tmp_path / "nope.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert "是文件夹" in error_of(folder)


@pytest.mark.parametrize("name", ["table.xlsx", "photo.png", "setup.exe", "slides.pptx"])
def test_unsupported_types(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, name, b"PK\x03\x04 whatever")
    suffix = Path(name).suffix
    assert f"不支持的文件类型 {suffix}，请使用 .txt、.docx 或 .pdf" in error_of(path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "secret.txt", "正文".encode())
    if os.geteuid() == 0:  # root reads through chmod 000, so simulate the refusal
        real_open = open

        def refusing_open(file: object, *args: object, **kwargs: object) -> object:
            if Path(str(file)) == path:
                raise PermissionError(13, "Permission denied")
            return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr("builtins.open", refusing_open)
    else:
        path.chmod(0)
    assert "没有读取权限" in error_of(path)


# Word ---------------------------------------------------------------------------------------


def lines_of(path: Path) -> list[str]:
    loaded = load(path)
    assert loaded.source_format == "docx" and loaded.encoding is None
    return loaded.text.split("\n")


def test_docx_paragraphs_tables_and_empty_lines_in_order(tmp_path: Path) -> None:
    b = DocxBuilder()
    b.para("关于加快发展的意见")
    b.para("")
    table = b.doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "专栏1"
    table.cell(0, 1).text = "重点项目"
    table.cell(1, 0).text = "港口"
    table.cell(1, 1).paragraphs[0].text = "第一段"
    table.cell(1, 1).add_paragraph("第二段")
    b.para("结束语")
    # A row is one line, its cells separated by a tab; a cell's paragraphs share the line.
    assert lines_of(b.save(tmp_path / "t.docx")) == [
        "关于加快发展的意见", "", "专栏1\t重点项目", "港口\t第一段 第二段", "结束语",
    ]


def test_docx_table_rows_merged_cells_and_one_cell_boxes(tmp_path: Path) -> None:
    b = DocxBuilder()
    b.para("主要指标")
    table = b.doc.add_table(rows=4, cols=3)
    title = table.cell(0, 0).merge(table.cell(0, 2))  # a caption row merged across the table
    title.text = "专栏1　主要指标"
    for r, row in enumerate([("指标", "2025年", "属性"), ("城镇化率", "35%", "预期性"), ("森林覆盖率", "62%", "")], 1):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(2, 2).merge(table.cell(3, 2))  # 属性 merged down two rows: shown once, in the first
    table.cell(1, 1).paragraphs[0].add_run("\t目标")  # a tab inside a cell is no cell boundary
    box = b.doc.add_table(rows=1, cols=1)  # a 专栏 box drawn as a one-cell frame: lines as written
    box.cell(0, 0).text = "专栏2　重大项目"
    box.cell(0, 0).add_paragraph("1. 长江港口扩能工程。")
    nested_in = b.doc.add_table(rows=1, cols=2)
    nested_in.cell(0, 0).text = "项目"
    inner = nested_in.cell(0, 1).add_table(rows=1, cols=2)  # a table in a cell: read into that cell
    inner.cell(0, 0).text = "港口"
    inner.cell(0, 1).text = "铁路"
    empty = b.doc.add_table(rows=1, cols=2)  # a row of empty cells is an empty line
    del empty
    b.para("结束语")
    assert lines_of(b.save(tmp_path / "t.docx")) == [
        "主要指标", "专栏1　主要指标", "指标\t2025年 目标\t属性", "城镇化率\t35%\t预期性", "森林覆盖率\t62%",
        "专栏2　重大项目", "1. 长江港口扩能工程。", "项目\t港口 铁路", "", "结束语",
    ]


def test_docx_one_table_row_is_held_to_the_character_cap(tmp_path: Path) -> None:
    from core.docx_xml import DocxError
    from core.load_docx import docx_text

    b = DocxBuilder()
    table = b.doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "项目"
    for _ in range(50):
        table.cell(0, 1).add_paragraph("建设内容" * 25)
    data = b.save(tmp_path / "big.docx").read_bytes()
    assert docx_text(data, 10_000).startswith("项目\t建设内容")
    with pytest.raises(DocxError, match="文本过长"):
        docx_text(data, 1_000)


def test_docx_tracked_changes_hidden_text_and_breaks(tmp_path: Path) -> None:
    b = DocxBuilder()
    b.raw_para(
        "<w:r><w:t>保留</w:t></w:r><w:ins w:id='1' w:author='a'><w:r><w:t>插入</w:t></w:r></w:ins>"
        "<w:del w:id='2' w:author='a'><w:r><w:delText>删除</w:delText></w:r></w:del>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        "<w:r><w:t>甲</w:t><w:br/><w:t>乙</w:t><w:tab/><w:t>丙</w:t></w:r>"
    )
    assert lines_of(b.save(tmp_path / "t.docx")) == ["保留插入甲", "乙\t丙"]


def test_docx_policy_numbering_levels(tmp_path: Path) -> None:
    b = DocxBuilder()
    b.abstract(0, *POLICY_LEVELS)
    b.num(1, 0)
    for text, ilvl in [("总体要求", 0), ("指导思想", 1), ("基本原则", 1), ("坚持创新", 2), ("坚持协调", 2),
                       ("重点任务", 0), ("建设港口", 1), ("扩能", 2)]:
        b.para(text, num_id=1, ilvl=ilvl)
    assert lines_of(b.save(tmp_path / "n.docx")) == [
        "一、总体要求", "（一）指导思想", "（二）基本原则", "1. 坚持创新", "2. 坚持协调",
        "二、重点任务", "（一）建设港口", "1. 扩能",
    ]


def test_docx_counts_past_ten_in_chinese(tmp_path: Path) -> None:
    b = DocxBuilder()
    b.abstract(0, level_xml(0, "chineseCounting", "第%1章", suff="space"),
               level_xml(1, "decimal", "%1.%2", suff="nothing"),
               level_xml(2, "decimal", "%1.%2.%3", suff="nothing", legal=True))
    b.num(1, 0)
    for i in range(23):
        b.para(f"章{i + 1}", num_id=1, ilvl=0)
    b.para("节", num_id=1, ilvl=1)
    b.para("目", num_id=1, ilvl=2)
    lines = lines_of(b.save(tmp_path / "n.docx"))
    assert lines[9] == "第十章 章10"
    assert lines[10] == "第十一章 章11"
    assert lines[19] == "第二十章 章20"
    assert lines[22] == "第二十三章 章23"
    assert lines[23] == "二十三.1节"  # %1 keeps level 1's own format ...
    assert lines[24] == "23.1.1目"  # ... unless the level is "legal" (w:isLgl)


def test_docx_restart_through_start_override_and_shared_counters(tmp_path: Path) -> None:
    b = DocxBuilder()
    b.abstract(0, *POLICY_LEVELS)
    b.num(1, 0)
    b.num(2, 0)  # same list continued
    b.num(3, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
    b.num(4, 0, '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride>')
    b.para("甲", num_id=1, ilvl=0)
    b.para("乙", num_id=2, ilvl=0)
    b.para("丙", num_id=3, ilvl=0)
    b.para("丁", num_id=3, ilvl=0)
    b.para("戊", num_id=4, ilvl=1)
    b.para("己", num_id=4, ilvl=1)
    b.para("无编号", num_id=0, ilvl=0)
    assert lines_of(b.save(tmp_path / "n.docx")) == [
        "一、甲", "二、乙", "一、丙", "二、丁", "（五）戊", "（六）己", "无编号",
    ]


def test_docx_lvl_restart_zero_keeps_counting(tmp_path: Path) -> None:
    b = DocxBuilder()
    b.abstract(0, level_xml(0, "chineseCounting", "%1、"),
               level_xml(1, "decimalEnclosedCircle", "%2", restart=0, suff="nothing"))
    b.num(1, 0)
    for text, ilvl in [("一", 0), ("a", 1), ("b", 1), ("二", 0), ("c", 1)]:
        b.para(text, num_id=1, ilvl=ilvl)
    assert lines_of(b.save(tmp_path / "n.docx")) == ["一、一", "①a", "②b", "二、二", "③c"]


def test_docx_numbering_from_style_and_based_on_chain(tmp_path: Path) -> None:
    b = DocxBuilder()
    b.abstract(0, *POLICY_LEVELS)
    b.num(7, 0)
    b.numbered_style("ZhHeading", num_id=7, ilvl=0)
    b.numbered_style("ZhHeadingLocal", num_id=None, ilvl=None, based_on="ZhHeading")
    b.numbered_style("ZhSub", num_id=7, ilvl=1)
    b.para("总体要求", style="ZhHeading")
    b.para("指导思想", style="ZhSub")
    b.para("重点任务", style="ZhHeadingLocal")
    b.para("细项", style="ZhHeading", ilvl=1)  # paragraph level wins over the style's
    assert lines_of(b.save(tmp_path / "s.docx")) == [
        "一、总体要求", "（一）指导思想", "二、重点任务", "（一）细项",
    ]


def test_docx_bullets_keep_only_dashes(tmp_path: Path) -> None:
    b = DocxBuilder()
    b.abstract(0, level_xml(0, "bullet", "——", suff="nothing"), level_xml(1, "bullet", "•"))
    b.num(1, 0)
    b.para("加快建设", num_id=1, ilvl=0)
    b.para("普通要点", num_id=1, ilvl=1)
    assert lines_of(b.save(tmp_path / "b.docx")) == ["——加快建设", "普通要点"]


@pytest.mark.parametrize(
    ("fmt", "values", "expected"),
    [
        ("chineseCounting", [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1000, 10005],
         ["一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十",
          "一千", "一万零五"]),
        ("chineseCountingThousand", [12, 305], ["十二", "三百零五"]),
        ("chineseLegalSimplified", [1, 10, 11, 23], ["壹", "壹拾", "壹拾壹", "贰拾叁"]),
        ("ideographTraditional", [1, 3, 10], ["甲", "丙", "癸"]),
        ("ideographZodiac", [1, 12], ["子", "亥"]),
        ("ideographDigital", [7, 10, 2021], ["七", "一〇", "二〇二一"]),
        ("japaneseCounting", [10, 11, 100, 101], ["十", "十一", "百", "百一"]),
        ("decimal", [7, 12], ["7", "12"]),
        ("decimalZero", [7, 12], ["07", "12"]),
        ("decimalFullWidth", [7, 12], ["７", "１２"]),
        ("decimalEnclosedCircle", [1, 10, 20, 21, 50, 51], ["①", "⑩", "⑳", "㉑", "㊿", "51"]),
        ("decimalEnclosedCircleChinese", [3], ["③"]),
        ("lowerLetter", [1, 26, 27, 28], ["a", "z", "aa", "bb"]),
        ("upperLetter", [2], ["B"]),
        ("lowerRoman", [4, 9, 14], ["iv", "ix", "xiv"]),
        ("upperRoman", [1994], ["MCMXCIV"]),
        ("none", [3], [""]),
        ("someFutureFormat", [3], ["3"]),
    ],
)
def test_number_formats(fmt: str, values: list[int], expected: list[str]) -> None:
    assert [format_number(v, fmt) for v in values] == expected


def test_chinese_counting_one_to_ninety_nine() -> None:
    digits = "一二三四五六七八九"
    expected = list(digits) + ["十"] + ["十" + d for d in digits]
    for tens in digits[1:]:
        expected += [tens + "十"] + [tens + "十" + d for d in digits]
    assert [format_number(n, "chineseCounting") for n in range(1, 100)] == expected


def test_docx_only_empty_paragraphs_is_empty(tmp_path: Path) -> None:
    b = DocxBuilder()
    b.para("")
    b.para("   ")
    assert "文件为空" in error_of(b.save(tmp_path / "e.docx"))


def test_corrupt_docx(tmp_path: Path) -> None:
    assert "Word 文件已损坏或无法打开" in error_of(write(tmp_path, "a.docx", b"not a zip at all"))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/other.xml", "<x/>")
    assert "Word 文件已损坏或无法打开" in error_of(write(tmp_path, "b.docx", buf.getvalue()))
    good = DocxBuilder()
    good.para("正文")
    source = good.save(tmp_path / "good.docx")
    broken = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    assert "Word 文件已损坏或无法打开" in error_of(write(tmp_path, "c.docx", broken.getvalue()))


def test_old_word_documents_ask_for_docx(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    for name in ("old.doc", "old.docx"):
        assert "另存为 .docx" in error_of(write(tmp_path, name, ole))


# PDF ----------------------------------------------------------------------------------------


def test_pdf_chinese_text_pages_in_order(tmp_path: Path) -> None:
    pages = [["一、总体要求", "（一）坚定以习近平总书记重要讲话精神为根本遵循。"], ["第二页 Page 2"]]
    path = chinese_pdf(tmp_path / "zh.pdf", pages)
    loaded = load(path)
    assert loaded.source_format == "pdf" and loaded.encoding is None
    assert loaded.text == "一、总体要求\n（一）坚定以习近平总书记重要讲话精神为根本遵循。\n第二页 Page 2"


def test_pdf_without_extension_is_sniffed(tmp_path: Path) -> None:
    data = chinese_pdf(tmp_path / "zh.pdf", [["正文"]]).read_bytes()
    assert load(write(tmp_path, "download", data)).text == "正文"


def test_image_only_pdf_needs_ocr(tmp_path: Path) -> None:
    message = error_of(image_only_pdf(tmp_path / "scan.pdf"))
    assert "没有文字层" in message and "OCR" in message


def test_broken_and_encrypted_pdfs(tmp_path: Path) -> None:
    data = chinese_pdf(tmp_path / "zh.pdf", [["正文"]]).read_bytes()
    assert "损坏" in error_of(write(tmp_path, "half.pdf", data[: len(data) // 2]))
    assert "损坏" in error_of(write(tmp_path, "garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 4))
    assert "损坏" in error_of(write(tmp_path, "text.pdf", "这不是PDF".encode()))

    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "locked.pdf"), encrypt="secret")
    c.drawString(72, 700, "locked")
    c.save()
    assert "密码" in error_of(tmp_path / "locked.pdf")


# Robustness ---------------------------------------------------------------------------------

_PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff",
             b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "一、".encode("gb18030")]


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    prefix=st.sampled_from(_PREFIXES),
    body=st.one_of(st.binary(max_size=2000), st.text(max_size=300).map(lambda t: t.encode("utf-8"))),
    suffix=st.sampled_from([".txt", ".docx", ".pdf", ".md", ""]),
)
def test_arbitrary_bytes_load_or_input_error_and_file_untouched(
    tmp_path: Path, prefix: bytes, body: bytes, suffix: str
) -> None:
    path = write(tmp_path, f"fuzz{suffix}", prefix + body)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    mtime = path.stat().st_mtime_ns
    try:
        result = load(path)
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert result.text.strip() and "\r" not in result.text and "\x00" not in result.text
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert path.stat().st_mtime_ns == mtime


# Hostile and odd input (issue 13) ----------------------------------------------------------


def test_only_invisible_characters_is_empty(tmp_path: Path) -> None:
    data = "\u200b\u3000\u200d\ufeff\u2060\u00a0 \u3000\n\u200c\u3000\t\u2800".encode()
    assert "文件为空（只有空白或不可见字符）" in error_of(write(tmp_path, "spaces.txt", data))
    glyphs = "\ue000\ue001\n\u3000\ue002\n".encode()  # private-use glyphs alone: nothing to compare
    assert "文件为空（只有空白或不可见字符）" in error_of(write(tmp_path, "glyphs.txt", glyphs))


@pytest.mark.parametrize("where", [10, 9000, 25_000])
def test_a_nul_is_refused_wherever_it_is(tmp_path: Path, where: int) -> None:
    data = LUZHOU.read_bytes()
    cut = data.index(b"\n", where)  # between two lines, so that only the NUL is odd
    message = error_of(write(tmp_path, "nul.txt", data[:cut] + b"\x00" + data[cut:]))
    assert "不是文本文件" in message and "空字符" in message
    line = data[:cut].count(b"\n") + 1
    assert f"第 {line} 行" in message


def test_a_file_the_system_calls_empty_is_read_to_the_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Files under /proc and on some network or FUSE file systems report size 0 and still
    # have content: the size the system reports must not bound the read.
    target = write(tmp_path, "zero.txt", LUZHOU.read_bytes())
    real_stat = Path.stat

    def reports_zero(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        found = real_stat(self, *args, **kwargs)  # type: ignore[arg-type]
        if self != target:
            return found
        fields = list(found)
        fields[stat.ST_SIZE] = 0
        return os.stat_result(fields)

    monkeypatch.setattr(Path, "stat", reports_zero)
    assert target.stat().st_size == 0
    assert load(target).text == load(LUZHOU).text


def test_too_many_paragraphs_are_refused_before_the_comparison(tmp_path: Path) -> None:
    lines = "\n".join(f"（{i % 9 + 1}）第{i}项任务" for i in range(MAX_PARAGRAPHS + 1))
    started = time.perf_counter()
    assert "段落过多" in error_of(write(tmp_path, "headings.txt", lines.encode()))
    assert time.perf_counter() - started < 5


def test_docx_with_too_many_paragraphs_stops_early(tmp_path: Path) -> None:
    b = DocxBuilder()
    for i in range(MAX_PARAGRAPHS + 5):
        b.para(f"第{i}段。")
    assert "段落过多" in error_of(b.save(tmp_path / "many.docx"))


def test_docx_part_over_the_size_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    b = DocxBuilder()
    for i in range(200):
        b.para(f"第{i}段，正文内容。")
    path = b.save(tmp_path / "big.docx")
    monkeypatch.setattr("core.load_docx.MAX_DOCUMENT_XML_BYTES", 4_000)
    assert "文件过大" in error_of(path)


def test_docx_part_larger_than_its_zip_entry_says_is_refused(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from core import load_docx

    b = DocxBuilder()
    for i in range(200):
        b.para(f"第{i}段，正文内容。")
    path = b.save(tmp_path / "lying.docx")
    # The zip directory's size is the writer's claim; the stream is capped on what inflates.
    monkeypatch.setattr(load_docx, "_document_info", lambda zf: zf.getinfo(load_docx.DOCUMENT))
    monkeypatch.setattr(load_docx, "MAX_DOCUMENT_XML_BYTES", 4_000)
    assert "文件过大" in error_of(path)


def test_pdf_extraction_that_overruns_its_time_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = chinese_pdf(tmp_path / "slow.pdf", [["正文"]])
    monkeypatch.setattr("core.load_pdf.PDF_SECONDS", 0.001)  # the child cannot even start in time
    assert "秒仍未完成" in error_of(path)


def test_symlink_loop_is_a_message(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.symlink_to(second)
    second.symlink_to(first)
    assert "符号链接循环" in error_of(first)


def test_name_that_is_not_utf8_is_shown_readably(tmp_path: Path) -> None:
    name = "政策".encode("gbk").decode("utf-8", "surrogateescape") + ".txt"
    path = write(tmp_path, name, b"")
    with pytest.raises(InputError) as info:
        load(path)
    assert str(info.value) == "无法读取 “政策.txt”：文件为空"


def test_private_use_characters_at_line_edges_are_dropped(tmp_path: Path) -> None:
    # A copy of 山东省环境噪声污染防治条例 (LawRefBook/Laws) ends most lines with U+E004 and
    # opens one with it, which hid 第三十六条 from the outline.
    path = tmp_path / "copy.txt"
    path.write_text("第一章\u3000总则\ue004\n\u3000\u3000\ue004第三十六条\u3000噪声超标的，责令改正。\ue004\n"
                    "姓名：张\ue123三\n", encoding="utf-8")
    text = load(path).text
    assert text == "第一章\u3000总则\n\u3000\u3000第三十六条\u3000噪声超标的，责令改正。\n姓名：张\ue123三\n"
