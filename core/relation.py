"""Which relation the two documents stand in: a revision of one document, or one
document carrying out another (DESIGN §3).

A draft and its revision keep their title (give or take 草案, 征求意见稿, 修订 and a
date) and most of their wording: real draft→final pairs share 60–95% of their text
both ways. An implementing document has its own issuer and title and re-words what it
carries out: city decisions, provincial 实施办法 and 实施意见 share 5–40% of their text
with the base. The gap between the two is wide, so the wording share splits them at
one half without being tuned to any pair; the title decides first when it can.
"""

from __future__ import annotations

from core import patterns
from core.document import Document
from core.kinds import Relation
from core.labels import label_of
from core.normalize import to_simplified
from core.result import RelationVerdict
from core.tuning import TUNING

# Words that mark a version of a document rather than a different document.
_VERSION_MARKS = patterns.compiled(
    r"[(（〔\[【]?(?:征求意见稿|送审稿|讨论稿|修改稿|修订稿|草案|草稿|审议稿|试行|暂行|修订|修正|"
    r"正式稿|定稿|第[一二三四五六七八九十\d]+稿|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:修订|修正)?)[)）〕\]】]?"
)
_NOT_WORD = patterns.compiled(r"[\W_]+")
# A title that says it carries out another document: 实施《…》办法, 贯彻落实《…》的实施意见. One
# amending or repealing it (关于修改《…》的决定) is no implementation.
_CARRYING_OUT = patterns.compiled(r"实施|贯彻|落实|执行")
_AMENDING = patterns.compiled(r"修改|修订|修正|废止")
_CITED_TITLE = patterns.compiled(r"《([^《》]+)》")
_STATE = "中华人民共和国"  # a law's full title; a measure may cite it without


def _title_key(title: str) -> str:
    return _NOT_WORD.sub("", _VERSION_MARKS.sub("", title))


def detect_relation(left: Document, right: Document, left_share: float, right_share: float,
                    chosen: str = "auto") -> RelationVerdict:
    """The relation to use: ``chosen`` when it names one, else detected from the documents'
    titles and the share of each side's wording found in the other (``statistics``)."""
    if chosen != "auto":
        relation = Relation(chosen)
        return RelationVerdict(relation, False, (f"由用户指定为{label_of(relation)}",))
    shares = f"相同表述占比：左 {left_share:.0%}，右 {right_share:.0%}"
    left_title, right_title = _title_key(to_simplified(left.title)), _title_key(to_simplified(right.title))
    if len(left_title) >= TUNING.relation.title_min and left_title == right_title:
        return RelationVerdict(Relation.REVISION, True, ("两份文件标题相同（不计草案、征求意见稿等版本字样）", shares))
    if _carries_out(to_simplified(right.title), left_title):
        return RelationVerdict(Relation.IMPLEMENTATION, True, ("右侧标题表明它是落实左侧文件的文件", shares))
    share = TUNING.relation.revision_share
    if min(left_share, right_share) >= share:
        return RelationVerdict(Relation.REVISION, True, (f"两份文件大部分表述相同（均不低于 {share:.0%}）", shares))
    return RelationVerdict(
        Relation.IMPLEMENTATION, True, ("标题不同，大部分表述也不同：右侧是落实左侧的另一份文件", shares)
    )


def _carries_out(title: str, base_key: str) -> bool:
    """True when ``title`` names the document whose title key is ``base_key`` as the one it
    carries out: 上海市实施《中华人民共和国邮政法》办法 for 中华人民共和国邮政法. Such a measure may
    restate most of its law (a 代表法 实施办法 shares 60-75% of its wording both ways), so the
    title decides before the wording does."""
    if len(base_key) < TUNING.relation.title_min or not _CARRYING_OUT.search(title) or _AMENDING.search(title):
        return False
    short = base_key.removeprefix(_STATE)
    return any(_title_key(cited).removeprefix(_STATE) == short for cited in _CITED_TITLE.findall(title))
