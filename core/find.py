"""What the user types, looked up as the documents were compared.

The window's find matches a query against each side's comparison form, which the
engine built once and the result carries (``Comparison.left_form``); the correction
menu's filter matches a few words against section labels. Only the typed text is folded
here, by the rules of ``core.normalize``, so that the window itself never normalizes a
document: a query in Simplified characters finds the Traditional original, and
full-width or half-width punctuation does not matter.
"""

from __future__ import annotations

from core.document import Normalized
from core.normalize import normalize, to_simplified


def find_all(form: Normalized, query: str, t2s: bool) -> list[tuple[int, int]]:
    """Display ranges of every occurrence of ``query`` in the comparison form ``form``.

    ``t2s`` must be the option the form was built with, so that the query is folded alike.
    """
    needle = normalize(query, t2s=t2s).text.strip("\n")
    if not needle:
        return []
    hits = []
    haystack = form.text
    pos = haystack.find(needle)
    while pos >= 0:
        hits.append(form.to_display(pos, pos + len(needle)))
        pos = haystack.find(needle, pos + len(needle))
    return hits


def label_contains(label: str, query: str) -> bool:
    """Whether ``label`` contains ``query``, in either script and with spaces ignored; an empty query matches."""
    words = "".join(query.split())
    if not words:
        return True
    return to_simplified(words) in to_simplified("".join(label.split()))
