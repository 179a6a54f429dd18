"""Heading recognition: display text -> section tree.

A policy document is a sequence of paragraphs (one per line in the display text).
Lines that start with a numbering scheme (第X篇/编/章/节/条, 一、, （一）, 1., （1）, ①,
——, 专栏 N, a table caption 表 N) open sections. Nesting is decided by the order in
which schemes appear, not by a fixed rank: a scheme already open on the stack closes
everything opened after it, an unseen scheme nests under the current section. That
tolerates missing, repeated and skipped numbers and documents that use the schemes in
unusual orders.

Inside an article (第X条) a point (项, （一）) is one paragraph: a plain line after a point that
ended its clause (。；) is the article's next paragraph (款), not part of the point.

Every character of body text ends up in exactly one leaf: a heading section with
several plain paragraphs gets one ``paragraph`` child per paragraph, and the text
between a heading and its first sub-heading becomes ``paragraph`` children too. The
title block before the first heading is the ``preamble``; trailing exhortations,
signatures and dates form the ``closing``. A document without headings is compared
as a sequence of paragraphs.

Tables arrive one row per line, cells separated by a tab (a Word table, a web table
copied as text) or a vertical bar. A row inside a 专栏 box, or in a run of two or more
such lines anywhere, is a leaf of its own (role ``row``), so rows pair one to one:
an unchanged row is ``same``, a row with one changed cell is ``modified`` and an
inserted or deleted row stands alone. A run of rows is never taken for headings,
even where a row opens with a serial number ("1." in its first cell). What a single line
is (a heading number, a row) is decided in ``core.lines``; this module builds the tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core import patterns
from core.document import Section
from core.lines import BOX_SCHEMES, DATE_LINE, cells, is_row, is_title_note, match_heading
from core.tuning import TUNING

# Schemes whose sections never contain sub-sections: a later heading of another scheme
# closes them instead of nesting inside.
_LEAF_ONLY = {"box", "table", "dash"}

_SENTENCE_END = "。！？!?"
_POINT_END = ("。", "；", ";", "！", "？", "!", "?")
# The first clause mark outside brackets: 计量基准器具(简称计量基准，下同)的使用 is one clause.
_FIRST_CLAUSE = patterns.compiled(r"(?:[^（(，,；;：:]|[（(][^）)]*[）)])*[，,；;：:]")
_HAN = patterns.compiled(r"[\u4e00-\u9fff]")


_CLOSING_START = patterns.compiled(
    r"^(全省|全市|全区|全县|全州|全盟|全旗|全镇|全乡|全国|各级|各地|各部门|各单位|全体|让我们|我们要|全[省市区县]上下)"
)
_SIGNATURE = patterns.compiled(
    r"^[^\s，,。；;：:]{2,30}(委员会|人民政府|办公室|办公厅|委|局|厅|部|中心|政府|人大常委会|政协)$"
)
# The list of attachments a notice ends with: "附件：1.……细则" and the titles after it, one a
# line, each numbered ("2.……办法"), short and without a sentence's full stop.
_ATTACHMENT = patterns.compiled(r"^(附件|附表|附录)[\s\d一二三四五六七八九十:：、.．]*")
_ATTACHMENT_TITLE = patterns.compiled(r"^[\d一二三四五六七八九十]{1,3}\s*[.．、]\s*[^。；;]{2,60}$")
_ATTACHMENT_TITLES = 20  # a longer list after 附件 is an attachment's own text, not a list
_BARE_ATTACHMENT = 3  # lines of a trailing 附件 heading and its title, content not copied


@dataclass
class _Node:
    """A section of the outline while it is built: its heading, its extent and its children."""

    role: str
    scheme: str
    number: str
    title: str
    start: int
    heading_end: int
    children: list[_Node] = field(default_factory=list)
    end: int = 0
    run_in: bool = False
    rest: str = ""  # body text on the heading's own line, after a run-in title
    text_start: int = 0  # where the heading's own line goes on after its number


@dataclass(frozen=True)
class _Line:
    """A non-blank line without its indent, and its offsets in the text (``_lines``)."""

    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    """The non-blank lines of ``text``, each starting after its indent.

    A paragraph's indent (``　　``) is layout, not text: it belongs to no section, so a
    heading is recognised behind it and a section starts at its number.
    """
    out: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        if raw.strip():
            indent = len(raw) - len(raw.lstrip())
            out.append(_Line(pos + indent, pos + len(raw), raw[indent:]))
        pos += len(raw) + 1
    return out


def _row_runs(lines: list[_Line]) -> set[int]:
    """Starts of the lines that are table rows by position alone: in a run of rows."""
    found: set[int] = set()
    run: list[int] = []
    for line in [*lines, None]:
        if line is not None and is_row(line.text):
            run.append(line.start)
            continue
        if len(run) >= TUNING.outline.row_run_min:
            found.update(run)
        run = []
    return found


def _row_title(text: str) -> str:
    """A row is named by its first cell with words (the indicator, the project), as a drafter
    cites it; a serial-number cell before it (1, 1.) names nothing."""
    found = cells(text)
    first = next((cell for cell in found if _HAN.search(cell)), found[0] if found else text)
    return _short_title(first.rstrip("。"))


def _title_of(rest: str) -> tuple[str, int, bool]:
    """Title, length of the heading part of ``rest``, and whether it is run-in."""
    stripped = rest.rstrip()
    cut = min((stripped.find(ch) for ch in _SENTENCE_END if ch in stripped), default=-1)
    if cut < 0 and len(stripped) <= TUNING.outline.plain_heading_max * 3:
        return stripped.rstrip("：:;；，,"), len(rest), False
    if cut < 0:
        return _short_title(stripped), len(rest), False
    if cut == len(stripped) - 1 and cut <= TUNING.outline.plain_heading_max:
        # One sentence ending in 。: still a heading line (its whole text is the title).
        return stripped[:cut], len(rest), False
    if cut <= TUNING.outline.run_in_title_max:
        return stripped[:cut], cut + 1, True
    return _short_title(stripped), cut + 1, True


def _short_title(text: str) -> str:
    """The first clause when it reads as a title, else the opening words with an ellipsis."""
    first = _FIRST_CLAUSE.match(text)
    fallback = TUNING.outline.title_fallback
    cut = first.end() - 1 if first else -1
    named = first is not None and len(_HAN.findall(text[:cut])) >= TUNING.outline.title_clause_min
    if first and cut <= fallback and named:
        return text[:cut]
    return text[:fallback] + ("…" if len(text) > fallback else "")


def _paragraph_title(text: str) -> str:
    cut = min((text.find(ch) for ch in _SENTENCE_END if ch in text), default=-1)
    if 0 < cut <= TUNING.outline.run_in_title_max // 2:
        return text[:cut]
    return _short_title(text.rstrip("。"))


def _is_title_block_line(line: str) -> bool:
    """Short lines without a sentence end: title, 文号, date, addressee."""
    s = line.strip()
    return len(s) <= 80 and not any(ch in s for ch in "。！？")


def outline(text: str, side: str = "L", fallback_title: str = "") -> tuple[tuple[Section, ...], str]:
    """Parse ``text`` (a display text) into sections.

    Returns the sections in document order (parents before children) with ids
    ``side`` + index, and the document title found in the title block (or
    ``fallback_title``).
    """
    lines = _lines(text)
    if not lines:
        return (), fallback_title
    rows = _row_runs(lines)
    headings = [None if line.start in rows else match_heading(line.text) for line in lines]
    first_heading = next((i for i, h in enumerate(headings) if h), len(lines))
    closing_from = _closing_start(lines, headings, first_heading, rows)

    roots: list[_Node] = []
    title = fallback_title
    # The preamble: title block, then its paragraphs.
    if first_heading > 0:
        preamble, title = _preamble(lines[: min(first_heading, closing_from)], fallback_title, rows)
        roots.append(preamble)

    stack: list[_Node] = []
    body_of: dict[int, list[_Line]] = {}  # id(node) -> plain lines directly under it
    for index in range(first_heading, closing_from):
        line = lines[index]
        found = headings[index]
        if found is None:
            if not stack:
                roots.append(_paragraph(line, "row" if line.start in rows else "paragraph"))
                continue
            if _closes_points(stack, lines[index - 1].text):
                while stack[-1].scheme != "article":
                    stack.pop()
            body_of.setdefault(id(stack[-1]), []).append(line)
            continue
        scheme, number = found
        while stack and stack[-1].scheme in _LEAF_ONLY and scheme != stack[-1].scheme:
            stack.pop()
        if any(n.scheme == scheme for n in stack):
            while stack[-1].scheme != scheme:
                stack.pop()
            stack.pop()
        rest_start = len(number)  # the number opens the line
        while rest_start < len(line.text) and line.text[rest_start].isspace():
            rest_start += 1
        title_text, heading_len, run_in = _title_of(line.text[rest_start:])
        node = _Node(
            role="box" if scheme in BOX_SCHEMES else "item" if run_in else "heading",
            scheme=scheme,
            number=number,
            title=title_text,
            start=line.start,
            heading_end=line.start + rest_start + heading_len,
            run_in=run_in,
            rest=line.text[rest_start + heading_len :],
            text_start=line.start + rest_start,
        )
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)

    for node in _walk(roots):
        _attach_body(node, body_of.get(id(node), []), rows)

    if closing_from < len(lines):
        roots.append(_closing(lines[closing_from:]))

    _set_ends(roots, len(text.rstrip("\n")) if text else 0, text)
    return _flatten(roots, side), title


def _closes_points(stack: list[_Node], previous: str) -> bool:
    """Whether a plain line after ``previous`` ends the points (项, 目) open inside an article
    and is a paragraph (款) of the article itself: a point is one paragraph, and one that
    ended its sentence or clause is complete (……的。 then 有前款规定情形的……). A line after a
    point cut short (no 。 or ；) goes on with it: a line broken in a copied or extracted text."""
    return (stack[-1].scheme != "article" and any(node.scheme == "article" for node in stack)
            and previous.rstrip().endswith(_POINT_END))


def _walk(nodes: list[_Node]) -> list[_Node]:
    out: list[_Node] = []
    for n in nodes:
        out.append(n)
        out.extend(_walk(n.children))
    return out


def _paragraph(line: _Line, role: str = "paragraph") -> _Node:
    title = _row_title(line.text) if role == "row" else _paragraph_title(line.text)
    return _Node(role, "", "", title, line.start, line.start)


def _attach_body(node: _Node, body: list[_Line], rows: set[int]) -> None:
    """Turn a heading's plain lines into paragraph (and table row) children where that keeps
    leaves whole."""
    # In a 专栏 box every row-shaped line is a row; elsewhere only those in a run of rows.
    in_box = node.role == "box"
    row_starts = {line.start for line in body if line.start in rows or (in_box and is_row(line.text))}
    if (node.children or row_starts) and node.rest.strip():
        # A run-in heading with sub-sections or rows: the rest of its line is body text,
        # and body text belongs in a leaf.
        skipped = len(node.rest) - len(node.rest.lstrip())
        start = node.heading_end + skipped
        node.children.insert(0, _Node("paragraph", "", "", _paragraph_title(node.rest.strip()), start, start))
    if body and not (in_box and not row_starts):  # a box of running text stays one leaf
        children = [_paragraph(line, "row" if line.start in row_starts else "paragraph") for line in body]
        if node.children or row_starts:
            # Text between the heading and its sub-headings (or after them) becomes paragraphs;
            # a table's rows are leaves so that they pair row by row.
            node.children = sorted([*node.children, *children], key=lambda n: n.start)
        elif len(body) >= 2 and not node.run_in:
            node.children = children
    if node.scheme == "article" and node.children and node.heading_end > node.text_start:
        _first_paragraph(node)


def _first_paragraph(node: _Node) -> None:
    """Make an article's line after its number its first paragraph: an article has no title, and
    a leaf is diffed and shown beside the old text where a parent's own text is not. The rest of
    a run-in line, already a paragraph, takes in the sentence before it."""
    first = node.children[0]
    rest_start = node.heading_end + len(node.rest) - len(node.rest.lstrip())
    if node.rest.strip() and first.role == "paragraph" and first.start == rest_start:
        first.start = first.heading_end = node.text_start
        first.title = _paragraph_title(node.title)
    else:
        node.children.insert(0, _Node("paragraph", "", "", _paragraph_title(node.title), node.text_start,
                                      node.text_start))
    node.heading_end = node.text_start


def _preamble(lines: list[_Line], fallback_title: str, rows: set[int]) -> tuple[_Node, str]:
    block_end = 0
    while block_end < len(lines) and lines[block_end].start not in rows and _is_title_block_line(lines[block_end].text):
        block_end += 1
    # A line opening with a bracket is no part of the title's name either: a note, or a web
    # page's label such as (四川省)泸州市……规划(2022年更新) above the title proper.
    # Nor is the name of the web site a copy was taken from (中国法律法规信息网), left above it.
    title_lines = [
        line.text.strip() for line in lines[:block_end]
        if not is_title_note(line.text) and not line.text.strip().startswith(("(", "（"))
        and not line.text.rstrip().endswith((":", "：")) and not _SITE_NAME.match(line.text.strip())
    ]
    title = _join_title(title_lines) or fallback_title
    head_end = lines[block_end - 1].end if block_end else lines[0].start
    node = _Node("preamble", "", "", title, lines[0].start, head_end)
    body = lines[block_end:]
    if not block_end and body:
        node.heading_end = body[0].start
    node.children = [_paragraph(line, "row" if line.start in rows else "paragraph") for line in body]
    return node, title


_SITE_NAME = patterns.compiled(r"^[^\s，。；：、]{2,20}(?:网|网站|门户网站|客户端)$")
_DOC_TYPE_END = patterns.compiled(
    r"(决定|決定|方案|通知|意见|意見|办法|辦法|规划|規劃|纲要|綱要|规定|規定|条例|條例|细则|細則|计划|計劃|要点|要點"
    r"|报告|報告|决议|決議|公告|通告|批复|批復|函|稿|实施意见|指导意见|法)》?$"
)


def _join_title(lines: list[str]) -> str:
    """The document title: the first title-block line, continued while it is visibly unfinished."""
    if not lines:
        return ""
    title = lines[0]
    for extra in lines[1:3]:
        if _DOC_TYPE_END.search(title):
            break
        title += extra
    return title


def _closing_start(
    lines: list[_Line], headings: list[tuple[str, str] | None], first_heading: int, rows: set[int]
) -> int:
    """Index of the first closing line (exhortation, signature, date, attachments), or len(lines).

    A table row is never part of the closing, even one opening with 全市 (a total).
    """
    if first_heading >= len(lines):
        return len(lines)
    i = _attachment_list_start(lines, first_heading, rows, _bare_attachment_start(lines, first_heading, rows))
    while i > first_heading + 1:
        s = lines[i - 1].text.strip()
        if headings[i - 1] is None and lines[i - 1].start not in rows and (DATE_LINE.match(s) or _SIGNATURE.match(s)):
            i -= 1
            continue
        break
    # The list of attachments standing above the signature (附件：2020～2022年区域电网输电价格表).
    if i < len(lines) and i > first_heading + 1 and _is_attachment_line(lines[i - 1], rows):
        i -= 1
    if (i > first_heading + 1 and headings[i - 1] is None and lines[i - 1].start not in rows
            and _CLOSING_START.match(lines[i - 1].text.strip())):
        i -= 1
    return i


def _bare_attachment_start(lines: list[_Line], first_heading: int, rows: set[int]) -> int:
    """Index of a 附件 line after the date the text is signed on, followed by no more than its
    title, or len(lines): the heading of an attachment whose content did not come with the
    copy (a table, a separate file), which the last item would otherwise take in. An
    attachment with a text of its own stays content."""
    tail = lines[-_BARE_ATTACHMENT:]
    for k, line in enumerate(tail):
        start = len(lines) - len(tail) + k
        if (start > first_heading + 1 and _is_attachment_line(line, rows)
                and DATE_LINE.match(lines[start - 1].text.strip())
                and all(_is_title_block_line(rest.text) and rest.start not in rows for rest in tail[k:])):
            return start
    return len(lines)


def _is_attachment_line(line: _Line, rows: set[int]) -> bool:
    """A short line opening with 附件 (附表, 附录), without a sentence's full stop."""
    text = line.text.strip()
    return line.start not in rows and bool(_ATTACHMENT.match(text)) and _is_title_block_line(text)


def _attachment_list_start(lines: list[_Line], first_heading: int, rows: set[int], end: int) -> int:
    """Index of the 附件 line opening the list of attachments the text ends with at ``end``, or ``end``.

    Its titles are numbered like items (2.四川省新能源项目机制电量结算细则) yet are no part of
    the last item: they name documents issued with this one.
    """
    i = end
    while i > first_heading + 1 and end - i < _ATTACHMENT_TITLES:
        line = lines[i - 1]
        text = line.text.strip()
        if line.start in rows:
            break
        if _ATTACHMENT.match(text):
            return i - 1
        if not _ATTACHMENT_TITLE.match(text):
            break
        i -= 1
    return end


def _closing(lines: list[_Line]) -> _Node:
    node = _Node("closing", "", "", _paragraph_title(lines[0].text), lines[0].start, lines[0].end)
    if len(lines) > 1:
        node.children = [_paragraph(line, "closing") for line in lines]
    return node


def _set_ends(nodes: list[_Node], limit: int, text: str) -> None:
    for i, node in enumerate(nodes):
        end = nodes[i + 1].start if i + 1 < len(nodes) else limit
        # The line break and the next line's indent stay outside the section.
        while end > node.start and text[end - 1].isspace():
            end -= 1
        # A heading line's trailing spaces may run past the parent's trimmed end; the
        # section stays inside its parent all the same.
        node.end = min(max(end, node.heading_end), limit)
        _set_ends(node.children, node.end, text)


def _flatten(roots: list[_Node], side: str) -> tuple[Section, ...]:
    ordered: list[tuple[_Node, _Node | None, int]] = []

    def visit(node: _Node, parent: _Node | None, level: int) -> None:
        ordered.append((node, parent, level))
        for child in node.children:
            visit(child, node, level + 1)

    for root in roots:
        visit(root, None, 1)
    ids = {id(node): f"{side}{i + 1}" for i, (node, _, _) in enumerate(ordered)}
    return tuple(
        Section(
            id=ids[id(node)],
            parent=ids[id(parent)] if parent else None,
            level=level,
            number=node.number,
            title=node.title,
            start=node.start,
            end=node.end,
            heading_end=min(node.heading_end, node.end),
            role=node.role,
            children=tuple(ids[id(c)] for c in node.children),
        )
        for node, parent, level in ordered
    )


# The bodies a notice is addressed to (主送机关): "各市（州）人民政府，省政府各部门：".
_ADDRESSEE = patterns.compiled(r"^各[^。；;]{1,600}[：:]$")
# Bodies issuing a document together sign it on one line; more names than this on a line
# make it a list in the text, not a signature.
_JOINT_BODIES = 8


def is_formality(line: str) -> bool:
    """True for a line that addresses or signs a document: the bodies it is sent to
    (各市（州）人民政府：), an issuing body (四川省发展和改革委员会) or the date it was
    signed (2025年1月27日), or the bodies issuing it jointly (国家发展改革委 国家能源局). Such
    lines are not provisions: nothing carries them out and they are never local content."""
    text = line.strip()
    if DATE_LINE.match(text) or _ADDRESSEE.match(text):
        return True
    bodies = text.split()
    return 0 < len(bodies) <= _JOINT_BODIES and all(_SIGNATURE.match(body) for body in bodies)
