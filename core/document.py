"""One side of a comparison: its display text, its outline and its comparison form.

Every offset of a ``Section`` or a ``Document`` is a Python ``str`` index (code point) into
the *display text*: the document after cleaning, in its original script. Ranges are
half-open ``[start, end)``. ``Normalized`` maps the comparison form back to it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Section:
    """One node of a document's outline.

    ``start`` is the first character of the heading (its number, if any); ``end`` is
    exclusive and includes the children. ``heading_end`` is where the heading line
    ends (for run-in headings, after the lead sentence); body text follows it.
    """

    id: str  # "L12" / "R40": side letter + position in document order
    parent: str | None
    level: int  # 1 at the top, grows with depth
    number: str  # the numbering as written, e.g. "（十四）"; "" when unnumbered
    title: str  # heading without its number; lead sentence (without 。) for run-in headings
    start: int
    end: int
    heading_end: int
    role: str  # "preamble" | "heading" | "item" | "paragraph" | "box" | "closing"
    children: tuple[str, ...] = ()

    @property
    def number_end(self) -> int:
        """End of the number, which always opens the heading: ``[start, number_end)``."""
        return self.start + len(self.number)

    @property
    def is_leaf(self) -> bool:
        """True when the section has no sub-sections."""
        return not self.children

    @property
    def is_headed_leaf(self) -> bool:
        """A heading on a line of its own kept with its one paragraph as a leaf: the outline's
        shape of a heading that has more paragraphs as a parent (see ``core.parents``)."""
        return self.is_leaf and self.role == "heading" and self.heading_end < self.end

    @property
    def label(self) -> str:
        """Number and title as a reader would cite the section, on one line."""
        label = " ".join(f"{self.number}{self.title}".split())
        return label or self.role

    def caption(self, limit: int) -> str:
        """The label cut to ``limit`` characters (ending in …) for narrow places."""
        label = self.label
        return label if len(label) <= limit else label[: limit - 1] + "…"


@dataclass(frozen=True)
class Document:
    """One side of a comparison, as the user sees it."""

    path: str
    title: str
    text: str  # display text
    sections: tuple[Section, ...]
    source_format: str = "txt"  # "txt" | "docx" | "pdf"
    encoding: str | None = None  # detected encoding of a text file
    removed: tuple[str, ...] = ()  # lines removed by cleaning (web chrome, page numbers)

    @cached_property
    def by_id(self) -> dict[str, Section]:
        """Sections indexed by id."""
        return {s.id: s for s in self.sections}

    @cached_property
    def leaves(self) -> tuple[Section, ...]:
        """Leaf sections in document order."""
        return tuple(s for s in self.sections if s.is_leaf)

    @cached_property
    def ancestors(self) -> dict[str, tuple[str, ...]]:
        """Each section's ancestors' ids, its parent first."""
        out: dict[str, tuple[str, ...]] = {}
        for section in self.sections:
            out[section.id] = (section.parent, *out[section.parent]) if section.parent else ()
        return out

    def containing(self, sid: str) -> tuple[Section, ...]:
        """The sections containing section ``sid``, outermost first."""
        return tuple(self.by_id[parent] for parent in reversed(self.ancestors[sid]))

    def descendants(self, sid: str) -> tuple[Section, ...]:
        """The sections inside section ``sid`` (its children, theirs, ...), in document order."""
        # Parents come first and a section's descendants follow it, before any section
        # starting at or after its end.
        i = self._index[sid]
        end = self.sections[i].end
        found = []
        for section in self.sections[i + 1 :]:
            if section.start >= end:
                break
            found.append(section)
        return tuple(found)

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sections]

    def section_at(self, offset: int) -> Section | None:
        """The deepest section containing display ``offset``, or None outside all sections."""
        # Sections are in document order with parents first, so the deepest container is
        # the last section starting at or before the offset that still contains it.
        i = bisect_right(self._starts, offset) - 1
        while i >= 0:
            section = self.sections[i]
            if offset < section.end:
                return section
            i = self._index[section.parent] if section.parent else -1
        return None

    @cached_property
    def _index(self) -> dict[str, int]:
        return {s.id: i for i, s in enumerate(self.sections)}


@dataclass(frozen=True)
class Normalized:
    """A comparison-form text and, for each of its characters, the display span it came from.

    Built by ``core.normalize``. Unlike the rest of this module, ``text`` and the indexes
    into it are in comparison form; ``to_display`` turns them into display offsets. The
    arrays are never changed once built.
    """

    text: str
    starts: array  # type: ignore[type-arg]  # display start of each normalized character
    ends: array  # type: ignore[type-arg]  # display end of each normalized character
    display_length: int

    def to_display(self, start: int, end: int) -> tuple[int, int]:
        """Display span of the normalized span ``[start, end)``.

        An empty span maps to the display position where its next character starts.
        """
        if start >= end:
            pos = self.starts[start] if start < len(self.text) else self.display_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def from_display(self, start: int, end: int) -> tuple[int, int]:
        """Normalized span of the characters whose source lies in display ``[start, end)``."""
        return bisect_left(self.starts, start), bisect_left(self.starts, end)
