"""Leaf pairs of a revision that cross their articles are put straight (``core.uncross``)."""

from __future__ import annotations

from core.compare import compare_texts
from core.kinds import FindingKind, PairKind
from core.options import Options

# 烟草专卖法实施条例 第五十一条 and 第五十三条 (2021 and 2023, LawRefBook/Laws): the 2023
# revision re-cites the law's renumbered articles, so the 2021 lead paragraph of 第五十一条
# reads word for word as the 2023 one of 第五十三条.
ITEMS_51 = ("（一）擅自收购烟叶的，可以处非法收购烟叶价值20%以上50%以下的罚款；\n"
            "（二）擅自收购烟叶1000公斤以上的，依法没收其违法收购的烟叶和违法所得。\n")
ITEMS_53 = ("（一）无烟草专卖生产企业许可证生产烟草制品的，由烟草专卖行政主管部门责令关闭，没收违法所得；\n"
            "（二）无烟草专卖生产企业许可证生产卷烟纸、滤嘴棒、烟用丝束或者烟草专用机械的，由烟草专卖行政主管部门责令停止生产。\n")
OLD = ("第五十一条 依照《烟草专卖法》第三十条规定处罚的，按照下列规定执行：\n" + ITEMS_51
       + "第五十二条 依照《烟草专卖法》第三十一条规定处罚的，没收违法收购的烟叶。\n"
       + "第五十三条 依照《烟草专卖法》第三十二条规定处罚的，按照下列规定执行：\n" + ITEMS_53)
NEW = OLD.replace("第三十条规定", "第二十八条规定").replace("第三十二条规定", "第三十条规定")


def test_a_lead_paragraph_pairs_inside_the_article_its_items_pair_with() -> None:
    result = compare_texts(OLD, NEW, Options(relation="revision"))
    left, right = result.left.by_id, result.right.by_id
    for pair in result.pairs:
        if left[pair.left].is_leaf and left[pair.left].parent is not None:
            # each leaf pairs inside its own article: 第五十一条's lead with 第五十一条's
            assert left[left[pair.left].parent].number == right[right[pair.right].parent].number
    leads = [p for p in result.pairs if not left[p.left].number and left[p.left].is_leaf]
    assert [(left[left[p.left].parent].number, p.kind) for p in leads] == [
        ("第五十一条", PairKind.MODIFIED), ("第五十三条", PairKind.MODIFIED)]
    assert not [f for f in result.findings if f.kind is FindingKind.MOVE]
