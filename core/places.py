"""Where a section stands in its document, as a drafter cites it: 第二章第三节, 第五条第2段."""

from __future__ import annotations

from core.document import Document, Section


class Places:
    """The places of one document's sections."""

    def __init__(self, doc: Document) -> None:
        """Index ``doc``'s sections by their rank under their parents."""
        self._doc = doc
        self._index = {child: index for section in doc.sections for index, child in enumerate(section.children)}

    def of(self, section: Section) -> str:
        """The place of ``section``: the numbers of it and its parents, or its paragraph's rank."""
        parts: list[str] = []
        current: Section | None = section
        while current is not None:
            parent = self._doc.by_id[current.parent] if current.parent else None
            if current.number:
                parts.append(current.number)
            elif parent is not None:
                parts.append(f"第{self._index[current.id] + 1}段")
            current = parent
        return "".join(reversed(parts)) or section.label
