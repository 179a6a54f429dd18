"""Options check themselves: the one range of ``min_shared`` and the relation choices."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.options import MIN_SHARED_RANGE, Options


def test_the_range_ends_are_accepted_and_beyond_them_refused() -> None:
    low, high = MIN_SHARED_RANGE
    assert Options(min_shared=low).min_shared == low and Options(min_shared=high).min_shared == high
    for bad in (low - 1, high + 1, True, 8.0, "8"):
        assert not Options.valid_min_shared(bad)
        with pytest.raises(ValueError, match="min_shared"):
            Options(min_shared=bad)  # type: ignore[arg-type]


def test_a_relation_outside_the_choices_is_refused_also_by_replace() -> None:
    with pytest.raises(ValueError, match="relation"):
        Options(relation="both")
    with pytest.raises(ValueError, match="min_shared"):
        replace(Options(), min_shared=0)
    assert Options(relation="implementation").relation == "implementation"
