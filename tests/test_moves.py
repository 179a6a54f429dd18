"""Moves: a section of a revision that stands elsewhere is one `moved` entry, everywhere."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from revision_generator import leaf_line_indices, revise

from core.compare import compare, compare_texts
from core.export.json_report import to_json
from core.kinds import Direction, FindingKind
from core.options import Options
from core.result import Comparison

SAMPLES = Path(__file__).resolve().parent.parent / "docs_in"
BASES = ("jiangyang_14th_five_year_plan.txt", "longmatan_2022_action_plan.txt")
FOREIGN = "sichuan_2020_decision_traditional.txt"
SEEDS = (0, 1, 2)

SECTIONS = {
    "一": "第一节 产业发展\n加快先进制造业集群建设，推动白酒、电子信息、能源化工产业提质增效。\n"
          "支持龙头企业开展技术改造，培育一批专精特新中小企业。\n",
    "二": "第二节 生态保护\n严格落实河长制湖长制，持续改善长江干流和重要支流水质。\n"
          "推进城乡生活污水处理设施建设，提升垃圾分类收运能力。\n",
    "三": "第三节 公共服务\n扩大普惠性学前教育资源供给，推进县域义务教育优质均衡发展。\n"
          "完善分级诊疗制度，建设区域医疗中心和紧密型县域医共体。\n",
    "四": "第四节 社会治理\n健全城乡社区治理体系，推进网格化服务管理全覆盖。\n"
          "完善矛盾纠纷多元化解机制，建设更高水平的平安城市。\n",
}


def _document(order: str) -> str:
    body = "".join(SECTIONS[key].replace(f"第{key}节", f"第{number}节")
                   for number, key in zip("一二三四", order, strict=True))
    return "第一章 主要任务\n" + body


def test_a_moved_section_is_one_move_with_both_places() -> None:
    result = compare_texts(_document("一二三四"), _document("一三四二"))
    assert len(result.moves) == 1
    move = result.moves[0]
    assert result.left.by_id[move.left].title == "生态保护"
    assert result.right.by_id[move.right].title == "生态保护"
    assert (move.left_place, move.right_place) == ("第一章第二节", "第一章第四节")
    found = [f for f in result.findings if f.kind is FindingKind.MOVE]
    assert [f.summary for f in found] == ["移动：「生态保护」由第一章第二节移至第一章第四节"]
    assert found[0].direction is Direction.MOVED and found[0].pair == move.pair
    stop = [c for c in result.changes if c.pair == move.pair]
    assert stop and (stop[0].left, stop[0].right) == (move.left, move.right)


def test_moves_are_in_the_json() -> None:
    result = compare_texts(_document("一二三四"), _document("二一三四"))
    data = to_json(result)
    assert len(data["moves"]) == 1
    entry = data["moves"][0]
    assert data["pairs"][entry["pair"]]["left"] == entry["left"]
    assert entry["from"] == result.moves[0].left_place and entry["to"] == result.moves[0].right_place


def test_no_move_in_an_unchanged_or_edited_document() -> None:
    same = compare_texts(_document("一二三四"), _document("一二三四"))
    assert same.moves == ()
    edited = _document("一二三四").replace("持续改善长江干流", "全面改善长江干流").replace("第三节 公共服务\n", "")
    assert compare_texts(_document("一二三四"), edited).moves == ()


def test_an_implementing_document_has_no_moves() -> None:
    result = compare_texts(_document("一二三四"), _document("四三二一"), Options(relation="implementation"))
    assert result.moves == ()


@cache
def _read(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def _moved_lines(base: str, variant: str, seed: int) -> tuple[set[int], Comparison, dict[str, list[int]]]:
    revision = revise(_read(base), variant, seed, _read(FOREIGN))
    result = compare_texts(revision.original, revision.revised)
    return set(revision.moved), result, leaf_line_indices(revision.original, result.left.sections)


def _left_leaves(result: Comparison, section_id: str) -> set[str]:
    section = result.left.by_id[section_id]
    return {leaf.id for leaf in result.left.leaves if section.start <= leaf.start and leaf.end <= section.end}


def test_generated_moves_are_found() -> None:
    """Lines moved to a place of the same kind in another chapter. When a short run of
    lines swaps with its neighbour either may be called moved, hence not 1.0: on the
    plan and the action programme 92 of 99 moved leaves are found."""
    hits = reported = truths = found_truths = 0
    for base, seed in ((base, seed) for base in BASES for seed in SEEDS):
        moved, result, lines_of = _moved_lines(base, "move", seed)
        moved_leaves = {sid for sid, lines in lines_of.items() if moved & set(lines)}
        reported_leaves: set[str] = set()
        for move in result.moves:
            leaves = _left_leaves(result, move.left)
            reported += 1
            hits += bool(leaves & moved_leaves)
            reported_leaves |= leaves
        truths += len(moved_leaves)
        found_truths += len(moved_leaves & reported_leaves)
    assert reported and hits / reported >= 0.8, f"precision {hits}/{reported}"
    assert found_truths / truths >= 0.85, f"recall {found_truths}/{truths}"


@pytest.mark.parametrize("variant", ["light", "renumber", "delete", "insert"])
def test_no_moves_where_nothing_moved(variant: str) -> None:
    for base in BASES:
        revision = revise(_read(base), variant, 0, _read(FOREIGN))
        assert compare_texts(revision.original, revision.revised).moves == ()


def test_an_article_that_kept_its_place_is_not_what_moved() -> None:
    # As in the 2021 刑事诉讼法 interpretation: 第二条 went down past 第三条, which kept its
    # number as a new article took the place 第二条 left. The longer 第二条 had outweighed it,
    # and 第三条 was reported moved 由第三条移至第三条.
    moved = ("在中华人民共和国领域外的中国船舶内的犯罪，由该船舶最初停泊的中国口岸所在地"
             "或者被告人登陆地、入境地的人民法院管辖。")
    kept = "在国际列车上的犯罪，根据我国与相关国家签订的协定确定管辖。"
    left = f"第一条 为了正确适用法律，制定本解释。\n第二条 {moved}\n第三条 {kept}\n"
    right = (f"第一条 为了正确适用法律，制定本解释。\n第二条 在列车上的犯罪，由前方停靠站所在地的人民法院管辖。\n"
             f"第三条 {kept}\n第四条 {moved}\n")
    result = compare_texts(left, right, Options(relation="revision"))
    assert [f.summary for f in result.findings if f.kind is FindingKind.MOVE] == [
        f"移动：「{moved[:40]}…」由第二条移至第四条"]


def test_a_move_is_named_by_what_moved() -> None:
    # 行政复议法 2017 第四条 became 2023 第三条's second paragraph under a new first sentence
    # (行政复议工作坚持中国共产党的领导): that sentence did not move, the old article did.
    data = Path(__file__).resolve().parent / "data" / "marking" / "administrative_reconsideration"
    result = compare(data / "old.md", data / "new.md")
    summaries = [f.summary for f in result.findings if f.kind is FindingKind.MOVE]
    old_opening = "行政复议机关履行行政复议职责，应当遵循合法、公正、公开、及时、便民的原则，坚持有…"
    assert f"移动：「{old_opening}」由第一章第四条移至第一章第三条" in summaries
    assert not [summary for summary in summaries if "中国共产党的领导" in summary]
