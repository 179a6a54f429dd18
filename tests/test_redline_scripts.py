"""The redline across scripts: text that differs only in how it is written (Traditional against
Simplified, full against half width, spacing) is never a real change.

Accept-all must still give the right text and reject-all the left, so such characters are
still deleted and inserted; they go under a reviewer of their own (the author's name with
``FORM_REVIEWER``), joined a clause at a time, and every revision by the author himself is a
real change of wording.
"""

from __future__ import annotations

import zipfile
from itertools import pairwise
from pathlib import Path

from lxml import etree
from test_export_redline import W, _comparison, reconstruct
from test_export_rows import sample_pair

from core.export.docx_redline import FORM_REVIEWER, write_redline
from core.model import Comparison
from core.normalize import normalize

AUTHOR = "张三"
FORM = AUTHOR + FORM_REVIEWER


def revisions(comparison: Comparison, folder: Path) -> list[tuple[str, str, str]]:
    """``(author, kind, text)`` of each revision of runs, consecutive runs of one kind and author
    joined (as Word lists them), after checking accept-all and reject-all."""
    target = folder / "redline.docx"
    write_redline(comparison, target, author=AUTHOR)
    assert reconstruct(target) == (comparison.right.text, comparison.left.text)
    with zipfile.ZipFile(target) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    out: list[tuple[str, str, str]] = []
    previous = None
    for element in root.iter(f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo"):
        if element.getparent().tag == f"{W}rPr":
            continue  # a paragraph mark
        entry = (element.get(f"{W}author"), element.tag.removeprefix(W), "".join(element.itertext()))
        if previous is not None and element.getprevious() is previous and out[-1][:2] == entry[:2]:
            out[-1] = (*entry[:2], out[-1][2] + entry[2])
        else:
            out.append(entry)
        previous = element
    return out


def changes(found: list[tuple[str, str, str]], author: str) -> list[tuple[str, str]]:
    return [(kind, text) for who, kind, text in found if who == author]


def test_script_differences_are_not_the_authors_changes(tmp_path: Path) -> None:
    left = "推動成渝地區雙城經濟圈建設，加快構建現代產業體系。"
    right = "推动成渝地区双城经济圈建设，全面构建现代产业体系。"
    found = revisions(_comparison(left, right), tmp_path)
    assert changes(found, AUTHOR) == [("del", "加快"), ("ins", "全面")]
    form = changes(found, FORM)
    assert form and all(kind in ("del", "ins") for kind, _ in form)
    # each form revision's deletion reads, in comparison form, as its insertion
    for (_, old), (_, new) in zip(form[::2], form[1::2], strict=True):
        assert normalize(old).text == normalize(new).text and old != new


def test_nearby_script_differences_are_one_revision(tmp_path: Path) -> None:
    found = revisions(_comparison("雙城經濟圈", "双城经济圈"), tmp_path)
    assert changes(found, FORM) == [("del", "雙城經濟"), ("ins", "双城经济")]  # not four of each
    assert changes(found, AUTHOR) == []


def test_distant_script_differences_stay_apart(tmp_path: Path) -> None:
    found = revisions(_comparison("發展先进制造业集群建設", "发展先进制造业集群建设"), tmp_path)
    assert changes(found, FORM) == [("del", "發"), ("ins", "发"), ("del", "設"), ("ins", "设")]


def test_no_form_revision_crosses_a_paragraph(tmp_path: Path) -> None:
    found = revisions(_comparison("經濟\n發展", "经济\n发展"), tmp_path)
    assert changes(found, FORM) == [("del", "經濟"), ("ins", "经济"), ("del", "發"), ("ins", "发")]


def test_spacing_alone_takes_in_no_text(tmp_path: Path) -> None:
    found = revisions(_comparison("第一条　为了 规范", "第一条 为了规范"), tmp_path)
    assert changes(found, AUTHOR) == []
    assert all(not text.strip() for _, text in changes(found, FORM))


def test_without_conversion_a_script_difference_is_a_real_change(tmp_path: Path) -> None:
    found = revisions(_comparison("經濟發展", "经济发展", t2s=False), tmp_path)
    assert changes(found, FORM) == []
    assert changes(found, AUTHOR)


def test_the_provincial_and_city_decisions(tmp_path: Path) -> None:
    """Traditional against Simplified: no revision of the author's changes script alone, and
    every revision of script alone reads the same on both sides in comparison form."""
    found = revisions(sample_pair(), tmp_path)
    real = changes(found, AUTHOR)
    form = changes(found, FORM)
    assert real and form
    for (kind, old), (next_kind, new) in pairwise(real):
        if (kind, next_kind) == ("del", "ins"):
            assert normalize(old).text != normalize(new).text, (old, new)
    for (kind, old), (next_kind, new) in pairwise(form):
        if (kind, next_kind) == ("del", "ins"):
            assert normalize(old).text == normalize(new).text, (old, new)
    # a single character is never a revision of its own where its neighbours differ too
    singles = [text for kind, text in form if kind == "del" and len(text) == 1]
    assert len(singles) < len(form) // 4
