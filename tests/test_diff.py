"""Word-level diff of two sections: tiling, comparison-form equality, rebuilding, determinism."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from core import unit_diff
from core.diff import diff_sections, op_texts
from core.kinds import OpKind
from core.normalize import Normalized, normalize
from core.pairs import DiffOp

TRAD = "一、堅定以習近平總書記重要講話精神指引成渝地區雙城經濟圈建設。深化“放管服”改革，優化營商環境。"
SIMP = "一、坚定以习近平总书记重要讲话精神引领成渝地区双城经济圈建设。深化“放管服”改革，全面优化营商环境。"


def diff(left: str, right: str, t2s: bool = True) -> tuple[DiffOp, ...]:
    return diff_sections(normalize(left, t2s), (0, len(left)), normalize(right, t2s), (0, len(right)))


def comparison(norm: Normalized, start: int, end: int) -> str:
    a, b = norm.from_display(start, end)
    return norm.text[a:b]


def check_invariants(
    left: Normalized, left_span: tuple[int, int], right: Normalized, right_span: tuple[int, int]
) -> tuple[DiffOp, ...]:
    ops = diff_sections(left, left_span, right, right_span)
    if left_span[0] == left_span[1] and right_span[0] == right_span[1]:
        assert ops == ()
        return ops
    assert ops
    pos_l, pos_r = left_span[0], right_span[0]
    for op in ops:
        assert (op.left_start, op.right_start) == (pos_l, pos_r)
        assert op.left_end >= op.left_start and op.right_end >= op.right_start
        has_left, has_right = op.left_end > op.left_start, op.right_end > op.right_start
        assert has_left or has_right
        if op.op is OpKind.DELETE:
            assert has_left and not has_right
        elif op.op is OpKind.INSERT:
            assert has_right and not has_left
        else:
            assert has_left and has_right
        if op.op is OpKind.EQUAL:
            assert comparison(left, op.left_start, op.left_end) == comparison(
                right, op.right_start, op.right_end
            )
        pos_l, pos_r = op.left_end, op.right_end
    assert (pos_l, pos_r) == (left_span[1], right_span[1])
    assert ops == diff_sections(left, left_span, right, right_span)  # deterministic
    return ops


def test_traditional_section_against_its_simplified_revision() -> None:
    ops = check_invariants(normalize(TRAD), (0, len(TRAD)), normalize(SIMP), (0, len(SIMP)))
    assert op_texts(TRAD, SIMP, ops) == [
        ("equal", "一、堅定以習近平總書記重要講話精神", "一、坚定以习近平总书记重要讲话精神"),
        ("replace", "指引", "引领"),
        ("equal", "成渝地區雙城經濟圈建設。深化“放管服”改革，", "成渝地区双城经济圈建设。深化“放管服”改革，"),
        ("insert", "", "全面"),
        ("equal", "優化營商環境。", "优化营商环境。"),
    ]


def test_whole_words_change_not_characters() -> None:
    ops = diff("推动高质量发展", "推动高速度发展")
    assert op_texts("推动高质量发展", "推动高速度发展", ops) == [
        ("equal", "推动", "推动"),
        ("replace", "高质量发展", "高速度发展"),
    ]


def test_identical_and_empty_sections() -> None:
    assert [op.op for op in diff(TRAD, TRAD)] == [OpKind.EQUAL]
    assert [op.op for op in diff(TRAD, SIMP.replace("引领", "指引").replace("全面", ""))] == [OpKind.EQUAL]
    assert diff("", "") == ()
    assert diff("", "新增内容") == (DiffOp(OpKind.INSERT, 0, 0, 0, 4),)
    assert diff("删除内容", "") == (DiffOp(OpKind.DELETE, 0, 4, 0, 0),)
    assert diff("  ", "") == (DiffOp(OpKind.DELETE, 0, 2, 0, 0),)
    assert diff(" ", "  ") == (DiffOp(OpKind.EQUAL, 0, 1, 0, 2),)
    assert diff(" ", "内容") == (DiffOp(OpKind.REPLACE, 0, 1, 0, 2),)


def test_dropped_spaces_belong_to_the_op_they_fall_in() -> None:
    left, right = "  深化 放管服 改革 ", "深化放管服改革"
    assert diff(left, right) == (DiffOp(OpKind.EQUAL, 0, len(left), 0, len(right)),)
    left, right = " 推动 高质量发展 ", "推动高速度发展"
    assert op_texts(left, right, diff(left, right)) == [
        ("equal", " 推动 ", "推动"),
        ("replace", "高质量发展 ", "高速度发展"),
    ]
    # an insertion at the start leaves the leading gap to the first op that has left text
    left, right = " 深化 放管服改革", "全面深化放管服改革"
    assert op_texts(left, right, diff(left, right)) == [
        ("insert", "", "全面"),
        ("equal", " 深化 放管服改革", "深化放管服改革"),
    ]


def test_sections_inside_larger_documents() -> None:
    left_doc = "前言\n" + TRAD + "\n结语"
    right_doc = "标题\n附加段落\n" + SIMP + "\n附件"
    left_span = (3, 3 + len(TRAD))
    right_span = (8, 8 + len(SIMP))
    ops = check_invariants(normalize(left_doc), left_span, normalize(right_doc), right_span)
    assert (ops[0].left_start, ops[0].right_start) == (3, 8)
    assert op_texts(left_doc, right_doc, ops)[1] == ("replace", "指引", "引领")


def test_more_distinct_tokens_than_the_basic_private_use_area() -> None:
    left = ",".join(f"w{i}" for i in range(7000))
    right = left.replace("w6500,", "新增,w6500,").replace(",w3,", ",")
    ops = check_invariants(normalize(left), (0, len(left)), normalize(right), (0, len(right)))
    changes = [t for t in op_texts(left, right, ops) if t[0] != "equal"]
    assert changes == [("delete", "w3,", ""), ("insert", "", "新增,")]


def test_private_use_characters_in_the_text_are_no_text() -> None:
    # Glyphs a copy mapped nowhere: dropped from the comparison form, so they neither count
    # as a change nor meet the private-use codes the line-mode diff encodes units with.
    left, right = "\ue000\ue001改革", "\ue001\ue000改革"
    ops = check_invariants(normalize(left), (0, 4), normalize(right), (0, 4))
    assert ops == (DiffOp(OpKind.EQUAL, 0, 4, 0, 4),)


# Same script, no spaces, nothing that normalization folds: the right text must be
# rebuilt exactly from the ops.
PLAIN = st.lists(
    st.sampled_from(
        ["推动", "成渝地区双城经济圈", "建设", "高质量发展", "放管服", "改革", "营商环境", "优化", "十四五",
         "规划", "2025", "8.5%", "年", "的", "和", "。", "、", "《", "》", "\n", "a", "b"]
    ),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(PLAIN, PLAIN)
def test_right_is_rebuilt_from_left_and_ops(left: str, right: str) -> None:
    ops = check_invariants(normalize(left, False), (0, len(left)), normalize(right, False), (0, len(right)))
    texts = op_texts(left, right, ops)
    with mock.patch.object(unit_diff, "_ANCHOR_ABOVE", 0):  # the anchored path for long sections
        anchored = check_invariants(
            normalize(left, False), (0, len(left)), normalize(right, False), (0, len(right))
        )
    for ops_texts in (texts, op_texts(left, right, anchored)):
        assert "".join(old if op == "equal" else new for op, old, new in ops_texts) == right
    assert "".join(old for _, old, _ in texts) == left


# Mixed scripts, spaces, full-width forms and quotes: the ops still tile both
# sections, which sit inside longer documents.
NOISY = st.text(alphabet=st.sampled_from('發展发展經濟经济改革 　，,“”"\n1２aＢ。区區'), max_size=40)


@settings(max_examples=300, deadline=None)
@given(NOISY, NOISY, NOISY, NOISY, st.data())
def test_ops_tile_sections_of_noisy_documents(
    left_doc: str, right_doc: str, left_sec: str, right_sec: str, data: st.DataObject
) -> None:
    cut_l = data.draw(st.integers(0, len(left_doc)))
    cut_r = data.draw(st.integers(0, len(right_doc)))
    left = left_doc[:cut_l] + left_sec + left_doc[cut_l:]
    right = right_doc[:cut_r] + right_sec + right_doc[cut_r:]
    check_invariants(
        normalize(left), (cut_l, cut_l + len(left_sec)), normalize(right), (cut_r, cut_r + len(right_sec))
    )


def test_long_revision_is_diffed_between_anchors() -> None:
    base = "".join(f"第{i}条推动高质量发展,深化放管服改革,优化营商环境。\n" for i in range(300))
    revised = base.replace("第17条推动", "第17条全面推动").replace("第250条推动高质量发展,", "")
    changes = [t for t in op_texts(base, revised, diff(base, revised)) if t[0] != "equal"]
    assert changes == [("insert", "", "全面"), ("delete", "第250条推动高质量发展,", "")]


@given(
    st.sampled_from(["2025年", "2025年底", "1200亿元", "500个", "15%", "16.5%", "5-8个", "三年", "2020年7月"]),
    st.sampled_from(["2026年", "2026年底", "1300亿元", "600个", "16%", "16.8%", "5-9个", "五年", "2020年8月"]),
)
@settings(max_examples=80, deadline=None)
def test_a_changed_value_is_replaced_whole(old: str, new: str) -> None:
    left = f"一、到期目标。全区地区生产总值达到{old}，推动高质量发展。"
    right = f"一、到期目标。全区地区生产总值达到{new}，推动高质量发展。"
    ops = check_invariants(normalize(left), (0, len(left)), normalize(right), (0, len(right)))
    assert [t for t in op_texts(left, right, ops) if t[0] != "equal"] == [("replace", old, new)]


def test_values_with_spaces_in_the_display_text_are_marked_whole() -> None:
    left, right = "到 2025 年,全区投资达到 1000 亿元。", "到 2026 年,全区投资达到 1200 亿元。"
    changed = [t for t in op_texts(left, right, diff(left, right)) if t[0] != "equal"]
    assert [(kind, a.strip(), b.strip()) for kind, a, b in changed] == [
        ("replace", "2025 年", "2026 年"),
        ("replace", "1000 亿元", "1200 亿元"),
    ]


def test_a_kept_line_between_deleted_paragraphs_stays_kept() -> None:
    # Token by token, the semantic cleanup folds the short equal signature into the
    # deletions around it; found line by line first, it stays equal.
    left = ("现将《行动方案》印发给你们，请结合实际认真贯彻执行，确保各项任务落到实处。\n某市人民政府办公室\n"
            "为深入贯彻落实市委战略部署，推动高质量发展，结合本地实际，制定本行动方案。")
    right = "某市人民政府办公室"
    kept = [(kind, a, b) for kind, a, b in op_texts(left, right, diff(left, right)) if kind == "equal"]
    assert [a for _, a, _ in kept] == ["某市人民政府办公室"]
