"""What the user sets before a comparison: the options and the pairings corrected by hand."""

from __future__ import annotations

from dataclasses import dataclass

from core.kinds import Relation

RELATION_CHOICES = ("auto", Relation.REVISION.value, Relation.IMPLEMENTATION.value)

# The shortest shared passage a comparison accepts, inclusive. Below 2 every character would
# be "shared"; above 200 hardly any wording would. The command line, the settings dialog and
# the saved settings all check against Options.valid_min_shared, which reads this range.
MIN_SHARED_RANGE = (2, 200)


@dataclass(frozen=True)
class Correction:
    """A pairing set by hand: the right item carries out ``left`` (None: it is local).

    Labels are kept with the ids so that a correction is applied only to the same items
    when the files are compared again, never to whatever now bears that id.
    """

    right: str
    right_label: str
    left: str | None
    left_label: str = ""


@dataclass(frozen=True)
class Options:
    """User-settable comparison options; a value no comparison can use raises ``ValueError``."""

    min_shared: int = 8  # shortest shared passage, in normalized characters
    t2s: bool = True  # convert Traditional to Simplified for comparison
    keep_boilerplate: bool = False  # keep web chrome and page numbers
    relation: str = "auto"  # one of RELATION_CHOICES
    corrections: tuple[Correction, ...] = ()  # pairings set by hand (implementation)

    def __post_init__(self) -> None:
        if not Options.valid_min_shared(self.min_shared):
            low, high = MIN_SHARED_RANGE
            raise ValueError(f"min_shared 应为 {low} 到 {high} 之间的整数：{self.min_shared!r}")
        if self.relation not in RELATION_CHOICES:
            raise ValueError(f"relation 应为 {'、'.join(RELATION_CHOICES)} 之一：{self.relation!r}")

    @staticmethod
    def valid_min_shared(value: object) -> bool:
        """True when ``value`` can be the shortest shared passage: a whole number in ``MIN_SHARED_RANGE``."""
        low, high = MIN_SHARED_RANGE
        # bool is an int to Python, but True is no length
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
