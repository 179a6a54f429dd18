"""Articles recognised by their kind (``core.provisions``): purpose and definitions."""

from __future__ import annotations

from core.provisions import defined_terms, is_definitions, is_purpose


def test_purpose_articles_say_why_their_text_is_made() -> None:
    assert is_purpose("为了实施《中华人民共和国气象法》,结合本市实际情况,制定本办法。")
    assert is_purpose("根据国家有关规定,结合本省实际,制定本条例;")
    assert not is_purpose("本市应当制定本市气象探测规划。")


def test_a_definitions_article_opens_by_defining_the_texts_own_terms() -> None:
    assert is_definitions("本办法中下列用语的含义是:\n(一)地方气象事业项目,是指市和区、县人民政府建设的项目。")
    assert is_definitions("本条例所称高层建筑,是指总层数十层以上的住宅建筑。")
    assert is_definitions("本法下列用语的含义:\n邮政企业,是指中国邮政集团公司及其全资企业、控股企业。")
    assert not is_definitions("本法自2009年10月1日起施行。")
    # A scope article that defines its topic in a second paragraph is a scope article.
    assert not is_definitions("在本市行政区域内从事水土保持活动,适用本办法。\n本办法所称水土保持,是指预防和治理措施。")
    assert not is_definitions("违反本办法规定,擅自移动气象设施的,责令改正。")


def test_defined_terms_are_read_from_lists_and_from_所称() -> None:
    listed = "本法中下列用语的含义是:\n(一)气象设施,是指气象探测设施等。\n(二)气象探测、气象观测,是指系统观察和测量。"
    assert defined_terms(listed) == {"气象设施", "气象探测", "气象观测"}
    assert defined_terms("本办法所称水土保持,是指对水土流失所采取的预防和治理措施。") == {"水土保持"}
    assert defined_terms("前款规定的高层建筑,是指总层数十层以上的住宅建筑。") == {"高层建筑"}
    assert defined_terms("县级以上人民政府应当加强气象设施建设。") == frozenset()
