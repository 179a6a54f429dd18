"""The JSON result (DESIGN §4) of the real sample pair, field by field, and its headline facts.

Left: the Sichuan provincial decision (Traditional characters, web chrome); right: the
Luzhou municipal decision that implements it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from core.compare import compare
from core.export.json_report import to_json
from core.result import SCHEMA

ROOT = Path(__file__).resolve().parent.parent
LEFT = ROOT / "docs_in" / "sichuan_2020_decision_traditional.txt"
RIGHT = ROOT / "docs_in" / "luzhou_2020_decision.txt"
OPS = {"equal", "delete", "insert", "replace"}
KINDS = {"same", "modified", "related"}


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return to_json(compare(LEFT, RIGHT))


def _section(doc: dict[str, Any], label: str) -> dict[str, Any]:
    """The one section whose number + title is ``label``."""
    found = [s for s in doc["sections"] if s["number"] + s["title"] == label]
    assert len(found) == 1, f"{label}: {found}"
    return found[0]


def _paired(data: dict[str, Any], left_id: str, right_id: str) -> list[dict[str, Any]]:
    return [p for p in data["pairs"] if p["left"] == left_id and p["right"] == right_id]


def test_top_level(data: dict[str, Any]) -> None:
    assert data["schema"] == SCHEMA == "duizhao.comparison/1"
    assert {"schema", "options", "left", "right", "pairs", "matches", "stats"} <= data.keys()
    assert data["options"]["min_shared"] == 8
    assert data["options"]["t2s"] is True


@pytest.mark.parametrize("side", ["left", "right"])
def test_documents(data: dict[str, Any], side: str) -> None:
    doc = data[side]
    assert {"path", "title", "text", "sections"} <= doc.keys()
    assert doc["path"] == str(LEFT if side == "left" else RIGHT)
    assert isinstance(doc["title"], str) and doc["title"]
    assert isinstance(doc["text"], str) and len(doc["text"]) > 5000
    text = doc["text"]
    ids = [s["id"] for s in doc["sections"]]
    assert len(set(ids)) == len(ids)
    prefix = "L" if side == "left" else "R"
    seen: dict[str, dict[str, Any]] = {}
    for s in doc["sections"]:
        assert {"id", "parent", "level", "number", "title", "start", "end"} <= s.keys()
        assert s["id"].startswith(prefix)
        assert isinstance(s["level"], int) and isinstance(s["number"], str) and isinstance(s["title"], str)
        assert all(isinstance(s[k], int) for k in ("start", "end"))
        assert 0 <= s["start"] <= s["end"] <= len(text)
        if s["parent"] is None:
            assert s["level"] == 1
        else:
            parent = seen[s["parent"]]  # parents exist and come first
            assert s["level"] == parent["level"] + 1
            assert parent["start"] <= s["start"] and s["end"] <= parent["end"]
        assert text[s["start"]:s["end"]].startswith(s["number"])
        if s["number"]:  # the title is the heading without its number
            rest = text[s["start"] + len(s["number"]):s["end"]].lstrip()
            assert rest.startswith(s["title"].removesuffix("…")), s
        seen[s["id"]] = s


def test_titles(data: dict[str, Any]) -> None:
    assert data["left"]["title"].startswith("中共四川省委關於")
    assert data["left"]["title"].endswith("決定")
    assert data["right"]["title"].startswith("中共泸州市委关于")
    assert data["right"]["title"].endswith("决定")


def test_left_stays_traditional(data: dict[str, Any]) -> None:
    text = data["left"]["text"]
    assert "經濟" in text and "雙城" in text
    assert "经济" not in text and "双城" not in text
    assert "经济" in data["right"]["text"]


def test_cleaning_removed_the_web_chrome(data: dict[str, Any]) -> None:
    for side in ("left", "right"):
        text = data[side]["text"]
        for chrome in ("浏览次数", "瀏覽次數", "扫一扫", "掃一掃", "责编", "責編"):
            assert chrome not in text, (side, chrome)


def test_pairs(data: dict[str, Any]) -> None:
    left_ids = {s["id"]: s for s in data["left"]["sections"]}
    right_ids = {s["id"]: s for s in data["right"]["sections"]}
    assert data["pairs"]
    for p in data["pairs"]:
        assert {"left", "right", "kind", "score"} <= p.keys()
        assert p["left"] in left_ids and p["right"] in right_ids
        assert p["kind"] in KINDS
        assert isinstance(p["score"], (int, float)) and 0.0 <= p["score"] <= 1.0
        if p["kind"] in ("same", "modified"):
            ls, rs = left_ids[p["left"]], right_ids[p["right"]]
            lpos, rpos = ls["start"], rs["start"]
            assert p["diff"]
            for op in p["diff"]:
                assert len(op) == 5 and op[0] in OPS
                assert all(isinstance(x, int) for x in op[1:])
                assert (op[1], op[3]) == (lpos, rpos)
                lpos, rpos = op[2], op[4]
            assert (lpos, rpos) == (ls["end"], rs["end"])


def test_matches_and_stats(data: dict[str, Any]) -> None:
    n_left, n_right = len(data["left"]["text"]), len(data["right"]["text"])
    assert data["matches"]
    for m in data["matches"]:
        assert m.keys() >= {"left", "right"}
        (a, b), (c, d) = m["left"], m["right"]
        assert 0 <= a < b <= n_left and 0 <= c < d <= n_right
        assert b - a >= 8 or d - c >= 8
    stats = data["stats"]
    for key in ("left_shared", "right_shared"):
        assert isinstance(stats[key], float) and 0.0 < stats[key] < 1.0, key
    # Every base item of the sample pair is carried out or touched, so all may be covered.
    assert isinstance(stats["left_leaves_covered"], float) and 0.0 < stats["left_leaves_covered"] <= 1.0


def test_json_round_trips(data: dict[str, Any]) -> None:
    dumped = json.dumps(data, ensure_ascii=False)
    assert json.loads(dumped) == data


# --- the headline facts -------------------------------------------------------------------


def test_luzhou_adjacent_areas_item_implements_a_provincial_item_it_draws_on(data: dict[str, Any]) -> None:
    # (十四) draws on (八) 毗邻地区, (十三) 县域集成改革 and (六) 川南经济区 (tests/data truth).
    right = _section(data["right"], "(十四)深化毗邻地区合作")
    bases = [_section(data["left"], label) for label in
             ("(八)推動川渝毗鄰地區聯動發展", "(十三)推進體制創新", "(六)培育壯大區域中心城市")]
    assert any(_paired(data, left["id"], right["id"]) for left in bases)


def test_luzhou_all_forces_item_implements_provincial_item_18(data: dict[str, Any]) -> None:
    left = _section(data["left"], "(十八)調動各方積極參與")
    right = _section(data["right"], "(三十三)统筹各方力量")
    assert _paired(data, left["id"], right["id"])


def test_shipping_and_health_centre_wording_is_matched(data: dict[str, Any]) -> None:
    phrase = "支持瀘州建設長江上游航運貿易中心和區域醫藥健康中心"
    twin = "支持泸州建设长江上游航运贸易中心和区域医药健康中心"
    left_text, right_text = data["left"]["text"], data["right"]["text"]
    at, twin_at = left_text.find(phrase), right_text.find(twin)
    assert at >= 0 and twin_at >= 0
    item6 = _section(data["left"], "(六)培育壯大區域中心城市")
    assert item6["start"] <= at and at + len(phrase) <= item6["end"]
    covering = [m for m in data["matches"]
                if m["left"][0] <= at and at + len(phrase) <= m["left"][1]
                and m["right"][0] <= twin_at and twin_at + len(twin) <= m["right"][1]]
    assert covering


def test_local_new_town_is_not_shared(data: dict[str, Any]) -> None:
    text = data["right"]["text"]
    at = text.find("泸东新城")
    assert at >= 0
    assert not [m for m in data["matches"] if m["right"][0] < at + 4 and at < m["right"][1]]
