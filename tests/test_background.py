"""Background document frequencies: the bundled table, the idf it gives, and the script that builds it."""

from __future__ import annotations

import gzip
import importlib.util
import json
import math
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from core.background import BackgroundIdf, background_idf, table_path

ROOT = Path(__file__).resolve().parent.parent
GENERIC = ("加强", "推进", "建设", "能力", "体系", "工作", "发展", "提升")
SUBJECT = ("白酒", "航运", "毗邻", "疾病", "邮政", "义务教育", "物流", "医药")
HAN = re.compile(r"[\u4e00-\u9fd5]{2,}")


def test_the_bundled_table_loads() -> None:
    table = background_idf()
    assert table is background_idf()  # loaded once
    assert table_path().parent == ROOT / "resources" / "dict"
    assert table.documents > 3000
    assert len(table) > 100_000


def test_generic_policy_words_weigh_less_than_subject_words() -> None:
    table = background_idf()
    generic = {word: table.idf(word) for word in GENERIC}
    subject = {word: table.idf(word) for word in SUBJECT}
    assert max(generic.values()) < min(subject.values()), (generic, subject)
    # The everyday words of legal texts weigh next to nothing.
    assert table.idf("应当") < 1.2 and table.idf("工作") < 1.5


def test_subject_words_are_in_the_table_except_the_rarest() -> None:
    table = background_idf()
    for word in ("航运", "毗邻", "疾病", "邮政", "义务教育", "物流", "医药"):
        assert table.df(word) >= 3, word
    assert table.df("白酒") == 0  # in only two documents: below the cut, so it weighs the most


def test_unknown_terms_get_the_largest_idf() -> None:
    table = background_idf()
    assert table.df("龘龘龘") == 0
    assert table.idf("龘龘龘") == table.max_idf == pytest.approx(math.log(table.documents + 1) + 1)
    assert table.idf("") == table.max_idf
    assert all(table.idf(word) < table.max_idf for word in GENERIC)


def test_bigram_and_word_entries_both_exist() -> None:
    table = background_idf()
    assert table.df("和国") > 1000  # a bigram no segmenter keeps as a word (中华人民共和国)
    assert table.df("中华人民共和国") > 1000  # a jieba word, too long to be a bigram
    assert table.df("人民政府") > 1000  # a dictionary word
    assert table.df("义务教育") > 0


def test_the_table_file_is_well_formed() -> None:
    text = gzip.decompress(table_path().read_bytes()).decode("utf-8")
    header, _, body = text.partition("\n")
    assert header.startswith("# ") and "LawRefBook/Laws@" in header
    documents = int(re.search(r"documents=(\d+)", header).group(1))  # type: ignore[union-attr]
    lines = body.rstrip("\n").split("\n")
    assert lines == sorted(lines)
    terms = set()
    for line in lines:
        term, df = line.split("\t")
        assert HAN.fullmatch(term), line
        assert 3 <= int(df) <= documents, line
        terms.add(term)
    assert len(terms) == len(lines)
    assert f"terms={len(lines)}" in header


def test_idf_formula_and_header_on_a_small_table() -> None:
    table = BackgroundIdf.from_text("# test; documents=9; min_df=1\n中国\t9\n中国人\t4\n人民\t1\n")
    assert table.documents == 9 and len(table) == 3
    assert table.df("中国") == 9 and table.df("中国人") == 4 and table.df("中") == 0 and table.df("国人") == 0
    assert table.idf("中国") == pytest.approx(1.0)
    assert table.idf("中国人") == pytest.approx(math.log(10 / 5) + 1)
    assert table.idf("国人") == pytest.approx(math.log(10) + 1)
    with pytest.raises(ValueError):
        BackgroundIdf.from_text("中国\t9\n")
    with pytest.raises(ValueError):
        BackgroundIdf.from_text("# documents=0\n")


def _build_script(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """Import resources/dict/build_background.py, a script, without leaving bytecode in resources/."""
    path = ROOT / "resources" / "dict" / "build_background.py"
    spec = importlib.util.spec_from_file_location("build_background", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # PyInstaller bundles all of resources/
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_build_script_counts_documents_bigrams_and_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "法律").mkdir(parents=True)
    (corpus / "法律" / "邮政法(2009-04-24).md").write_text("# 邮政法\n\n加强邮政普遍服务。\n", encoding="utf-8")
    (corpus / "法律" / "邮政法(2015-04-24).md").write_text("# 邮政法\n\n加強郵政普遍服務。\n", encoding="utf-8")
    (corpus / "法律" / "_index.md").write_text("加强加强加强\n", encoding="utf-8")
    (corpus / "条例.txt").write_text("推进义务教育均衡发展，加强 管理。\n", encoding="utf-8")
    (corpus / "requirements.txt").write_text("opencc==1.4.2\n", encoding="utf-8")
    reports = tmp_path / "reports.jsonl"
    reports.write_text(
        json.dumps({"title": "报告", "content": "加强物流建设"}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    out = tmp_path / "df.tsv.gz"
    script = _build_script(monkeypatch)
    assert script.main(["laws=" + str(corpus), str(reports), "-o", str(out), "--min-df", "1", "--jobs", "1"]) == 0

    table = BackgroundIdf.from_path(out)
    header = gzip.decompress(out.read_bytes()).decode("utf-8").partition("\n")[0]
    # The newest 邮政法 (in Traditional characters), 条例.txt and one JSON record: three documents.
    assert table.documents == 3
    assert "laws (2 documents)" in header and "reports.jsonl (1 documents)" in header
    assert table.df("加强") == 3  # 加強 converted to Simplified
    assert table.df("邮政") == 1 and table.df("普遍") == 1
    assert table.df("强管") == 1  # the comparison form drops the space
    assert table.df("义务教育") == 1  # a jieba word
    assert table.df("务教") == 1  # a bigram


def test_the_decompressed_table_is_cached_and_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core import background

    cache, bundled = tmp_path / "cache", tmp_path / "resources"
    cache.mkdir()
    (bundled / "dict").mkdir(parents=True)
    monkeypatch.setattr(background, "cache_dir", lambda: cache)
    monkeypatch.setattr(background, "resource_path", lambda *parts: bundled.joinpath(*parts))
    source = bundled / "dict" / "table.tsv.gz"
    first = "# documents=9\n中国\t9\n人民\t1\n"
    source.write_bytes(gzip.compress(first.encode()))
    assert BackgroundIdf.from_path(source).df("中国") == 9
    copy = cache / "table.tsv"
    assert copy.read_text(encoding="utf-8") == first  # kept decompressed for the next start
    assert BackgroundIdf.from_path(source).df("中国") == 9  # read from the copy
    copy.write_text(first.replace("9\n人", "8\n人"), encoding="utf-8")  # damaged: its checksum fails
    assert BackgroundIdf.from_path(source).df("中国") == 9
    assert copy.read_text(encoding="utf-8") == first
    second = "# documents=9\n中国\t7\n"  # a new table replaces a stale copy
    source.write_bytes(gzip.compress(second.encode()))
    assert BackgroundIdf.from_path(source).df("中国") == 7
    assert copy.read_text(encoding="utf-8") == second
    elsewhere = tmp_path / "built.tsv.gz"  # a table the build script wrote: not kept
    elsewhere.write_bytes(gzip.compress(first.encode()))
    assert BackgroundIdf.from_path(elsewhere).df("人民") == 1
    assert sorted(p.name for p in cache.iterdir()) == ["table.tsv"]


def test_lookups_find_every_term_of_a_table_in_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    from core import background

    monkeypatch.setattr(background, "_BLOCK", 16)  # many blocks of a line or two
    terms = sorted({a + b for a in "中国人民政府" for b in "国人民政府法"} | {"中国人民", "人民政府法"})
    table = BackgroundIdf.from_text("# documents=99\n" + "".join(f"{t}\t{i + 1}\n" for i, t in enumerate(terms)))
    assert len(table) == len(terms)
    for i, term in enumerate(terms):
        assert table.df(term) == i + 1, term
    for absent in ("", "中", "法法", "中国人民政", "龘", "国人民政府法"):
        assert table.df(absent) == 0, absent
