"""Which script a document is in, which Traditional convention it follows, and conversions that keep length."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.script import convention_of, conversion, convert, script_of

ROOT = Path(__file__).resolve().parents[1]
PROVINCE = (ROOT / "docs_in/sichuan_2020_decision_traditional.txt").read_text(encoding="utf-8")
LUZHOU = (ROOT / "docs_in/luzhou_2020_decision.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "script"),
    [
        (PROVINCE, "traditional"),
        (LUZHOU, "simplified"),
        ("推動經濟發展", "traditional"),
        ("推动经济发展", "simplified"),
        ("第1章 2025年", None),  # no character tells
        ("發展先进制造业集群建設", None),  # both alike
    ],
)
def test_script_of(text: str, script: str | None) -> None:
    assert script_of(text) == script


def test_the_convention_is_the_one_whose_round_trip_gives_the_text_back() -> None:
    assert convention_of(PROVINCE) == "taiwan"  # 為 and 群, not OpenCC's 爲 and 羣
    assert convention_of(convert(LUZHOU, "s2t")) == "opencc"
    assert convention_of(convert(LUZHOU, "s2hk")) == "hong kong"


def test_the_conversion_goes_towards_the_right_document_s_script() -> None:
    towards_simplified = conversion(PROVINCE, LUZHOU)
    assert towards_simplified is not None
    assert (towards_simplified.left, towards_simplified.right, towards_simplified.config) == (
        "traditional", "simplified", "tw2s")  # fmt: skip
    towards_traditional = conversion(LUZHOU, PROVINCE)
    assert towards_traditional is not None and towards_traditional.config == "s2tw"
    assert conversion(LUZHOU, LUZHOU) is None
    assert conversion("第1章", PROVINCE) is None  # no script to convert from


def test_script_only_differences() -> None:
    towards_traditional = conversion("推动经济发展", "推動經濟發展")
    assert towards_traditional is not None
    assert towards_traditional.script_only("示範", "示范")
    assert not towards_traditional.script_only("推進", "推動")
    assert not towards_traditional.script_only("２０", "20")  # width is no script
    assert not towards_traditional.script_only("經濟", "經濟")


def test_a_conversion_that_would_change_the_length_keeps_it() -> None:
    # s2twp replaces words: U盘 → 隨身碟 is one character longer; that line goes character by character
    assert len(convert("U盘", "s2twp")) == 2
    assert convert("经济\nU盘", "s2twp").split("\n")[0] == "經濟"
