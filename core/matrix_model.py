"""The provision matrix (对照矩阵) as data: one base document against many.

Rows are the base document's items in document order (its leaves; where a document
implements the base, the items it is paired by, ``core.matrix.build_matrix``), columns are
the other documents; each cell says how that document takes up the item: its counterpart
section(s) with number, title and score, and one of four kinds (照搬 verbatim,
修改 modified, 相关 related, 未落实 absent); where the document implements the base
(``Comparison.relation``) the cell also carries the item's coverage grade (照搬 / 细化 /
修改 / 仅涉及 / 未见落实), the words of the reports.

These types sit beside ``core.result`` so that the matrix's exports and the window read
a matrix without importing the code that computes one (``core.matrix``).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.document import Document, Section
from core.kinds import CellKind, CoverageGrade, PairKind, Relation
from core.options import Options
from core.result import Comparison


@dataclass(frozen=True)
class Counterpart:
    """One section of the other document paired with a base item."""

    section: Section
    kind: PairKind
    score: float
    pair: int  # index into that column's Comparison.pairs


@dataclass(frozen=True)
class Cell:
    """How one document takes up one base item; counterparts closest first."""

    kind: CellKind
    score: float  # best score among the counterparts of the cell's kind; 0 when absent
    counterparts: tuple[Counterpart, ...] = ()
    grade: CoverageGrade | None = None  # how the item was taken up, where the document implements the base


@dataclass(frozen=True)
class Row:
    """One base item and its cells, one per other document."""

    section: Section
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Column:
    """One other document and its coverage of the base."""

    path: str
    title: str
    counts: tuple[tuple[CellKind, int], ...]  # rows by cell kind, every kind listed
    covered: float  # share of rows with any counterpart
    base_shared: float  # share of the base's wording found in this document
    local: float  # share of this document's leaves without a counterpart in the base
    relation: Relation = Relation.REVISION  # how this document stands to the base
    grades: tuple[tuple[CoverageGrade, int], ...] = ()  # rows by grade (implementation only)

    def count(self, kind: CellKind) -> int:
        """Number of rows whose cell in this column has ``kind``."""
        return dict(self.counts)[kind]

    def graded(self, grade: CoverageGrade) -> int:
        """Number of rows of ``grade`` (0 unless the document implements the base)."""
        return dict(self.grades).get(grade, 0)


@dataclass(frozen=True)
class Matrix:
    """The provision matrix: the base's items against every other document."""

    options: Options
    base: Document
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    comparisons: tuple[Comparison, ...]  # base against each column's document, column order

    @property
    def input_paths(self) -> tuple[str, ...]:
        """The base and every compared file: no output may be written over them."""
        return (self.base.path, *(column.path for column in self.columns))
