"""Turn a loader's raw text into the display text: the policy as written, and only the policy.

Three repairs, in this order:

1. Whitespace. Blank lines and trailing spaces go; everything a drafter writes stays:
   a line's indent (``　　``), the space between a heading number and its title
   (``第一条　为了``, ``第一章 总则``), spaces between Chinese words (a title's two
   clauses, a signature's columns, ``序　言``), spaces in Latin text and tabs (the cell
   boundaries of a table row, see ``core.lines``). What goes is
   the spacing a PDF extractor inserts, recognised by where it sits: at a change of
   glyph source between Chinese text and digits, Latin, quotes, brackets or marks
   (``“ 十四五 ”``, ``2021 年 3 月``), after an opening or before a closing mark, between
   every character of a letter-spaced line (``加 强 生 态``) and, in a text whose
   spacing shows it was extracted throughout, between two Chinese characters
   (kerning gaps such as ``品 牌``). The comparison form (``core.normalize``) drops
   every space, so none of this ever shows up as a change.
2. Noise (skipped with ``keep_boilerplate``). Web-page chrome (breadcrumbs, publishing
   meta, toolbars, share widgets, site footers, gov.cn metadata tables, news headline
   prefixes) and PDF page numbers with their running headers. Chrome patterns run on
   the Simplified form of short lines only, so one table covers both scripts.
3. Reflow. Lines that PDF extraction broke at the page width are joined again. Web
   text, one paragraph per line, has no dominant line width and is left alone.

Every removed line is reported, so the user can see what was dropped and switch it off.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from core.lines import match_heading
from core.normalize import to_simplified
from core.tuning import TUNING


@dataclass(frozen=True)
class Cleaned:
    """The display text of a document and the lines cleaning removed from it."""

    text: str  # the display text; paragraphs separated by exactly one "\n", each with its indent
    removed: tuple[str, ...]  # lines removed, as they were (stripped), in order


# Characters of Chinese (and Japanese) running text: ideographs, CJK punctuation and
# symbols, kana, full-width forms, curly quotes, dashes and the number forms and
# enclosed numerals used in headings. No whitespace may be in this class: whitespace
# runs are only handled as whole runs.
_CJK = (
    "\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3200-\u33ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe6f\uff01-\uffef"
    "\U00020000-\U0003ffff\u2018-\u201f\u2014\u2015\u2022\u2026\u00b7"
    "\u2160-\u218f\u2460-\u24ff\u25a0-\u25ff"
)
# Ideographs: between two of them a space is a word space a drafter may type.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_IS_HAN = re.compile(f"[{_HAN}]")
# The ideographic space is typed (indents, 第一条　为了, 序　言); extractors emit ASCII spaces.
_IDEOGRAPHIC_SPACE = "\u3000"
_SPACE_RUN = re.compile(r"[^\S\n]+")
_OPENING = frozenset("([{")
_CLOSING = frozenset(",;:!?)]}")


# The patterns below only some texts need are compiled on first use, not at import: each
# big character class costs a millisecond or two to compile, on every start.
@cache
def _bracketed_cjk() -> re.Pattern[str]:
    """A bracketed Chinese phrase after a space: "G546 (江阳段)" -> "G546(江阳段)"."""
    return re.compile(rf"[(\[][^\S\n]*[{_CJK}]")


# A run after a half-width mark that closes Chinese text ("胜利, 2016年"). This needs
# the gaps before the mark already gone, hence a second pass.
_CJK_PUNCT_GAP = re.compile(rf"(?<=[{_CJK}][,;:!?])[^\S\n]+")
# Where the glyph source changes between Chinese text and digits, Latin letters, curly
# quotes or 〇 (set from another font), a PDF extractor inserts a space; a drafter of a
# Chinese document does not. Counted to tell an extracted text from a typed one.
_SWITCH = "0-9A-Za-z\u2018\u2019\u201c\u201d\u3007"
_SPACED_SWITCH = re.compile(
    rf"[{_HAN}][^\S\n\u3000\t]+(?=[{_SWITCH}])|[{_SWITCH}][^\S\n\u3000\t]+(?=[{_HAN}])"
)


@cache
def _tight_switch() -> re.Pattern[str]:
    """A change between Chinese text and a digit, letter or quote without a space."""
    return re.compile(rf"[{_HAN}](?=[{_SWITCH}])|[{_SWITCH}](?=[{_HAN}])")


_HAN_GAP = re.compile(rf"[{_HAN}][^\S\n\t]+(?=[{_HAN}])")
# A tab between two words is typed: it separates the cells of a table row (a Word or web
# table copied as text) or aligned columns. No extractor emits one, so it always stays.
_TAB = "\t"


@cache
def _han_pair() -> re.Pattern[str]:
    """Two ideographs side by side (matches the first)."""
    return re.compile(rf"[{_HAN}](?=[{_HAN}])")


# Spaces next to Chinese text, dropped before chrome is looked for (``_compact``).
_CHROME_GAP = re.compile(rf"(?<=[{_CJK}])[^\S\n]+|[^\S\n]+(?=[{_CJK}])")
_NARROW = re.compile(rf"[^{_CJK}\u3000]")
_WIDE = re.compile(rf"[{_CJK}]")

_NO_STOP = r"[^。]*"  # a line part without a full stop: chrome, not a policy sentence

_TOOL_WORD = (
    r"打印本页|打印此页|打印文章|打印|关闭窗口|关闭本页|关闭|返回顶部|返回首页|返回|收藏本页|加入收藏|收藏"
    r"|分享|我要纠错|纠错|保存|设为首页|网站地图|联系我们|关于我们|网站声明|隐私声明|使用帮助|无障碍浏览"
    r"|无障碍|长者模式|关怀版|繁体版?|简体版?|English"
    r"|(?:字号|字体)[:：]?(?:[【\[]?(?:大|中|小|默认)[】\]]?){2,4}"
)

# The chrome table: (pattern, longest line it may remove). Patterns match from the
# start of the whitespace-repaired, Simplified line and are anchored so that a policy
# sentence mentioning 来源, 发布, 版权 or 打印 never matches.
_CHROME: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), limit)
    for pattern, limit in (
        # Breadcrumbs: "首页", "首页 > 政务公开", ">政务公开>政策文件", "人民网>>四川频道".
        (r"^(?:网站)?首页(?:$|\s*[>＞»›/])", 80),
        (r"^(?:当前位置|您现在的位置|您的位置|现在位置|所在位置)", 100),
        (r"^[>＞»›]|^[^。，,]*(?:>>|＞＞|»|›|>\s*>)[^。，,]*$", TUNING.clean.short),
        # Publishing meta and gov.cn metadata tables: "发布时间: …", "索引号：…", "来源：…".
        # The bare 文号 line (泸龙府办发〔2022〕7号) belongs to the title block and stays.
        (
            r"^[（(【\[]?(?:索引号|主题分类|主题词|发文机关|发布机构|发布机关|成文日期|发布日期|发布时间"
            r"|更新时间|更新日期|发文字号|公文种类|体裁分类|组配分类|信息分类|公开方式|公开范围|公开时限"
            r"|公开日期|有效性|时效性|生效日期|失效日期|废止日期|统一编号|标题|所属主题|信息来源|文章来源"
            r"|稿件来源|新闻来源|来源|作者|编辑|责任编辑|责编|审核|审校|校对|编审|终审|初审|撰稿|记者"
            r"|通讯员|摄影|浏览次数|点击数|访问量|阅读数)[:：]",
            120,
        ),
        # View counters and editor credits inside a meta line: "…11:07浏览次数:".
        (
            rf"^{_NO_STOP}(?:浏览次数|浏览量|访问量|访问次数|点击数|点击量|点击率|阅读量|阅读数|阅读次数)"
            rf"{_NO_STOP}$",
            TUNING.clean.short,
        ),
        (rf"^{_NO_STOP}(?:责任编辑|责编)[:：]{_NO_STOP}$", TUNING.clean.short),
        # A date with a time of day is a publishing stamp ("2020年07月16日10:20 来源:…");
        # a date alone (the signature date) stays.
        (r"^\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?\s*\d{1,2}[:：]\d{2}", 80),
        # The news page's copy of the title.
        (r"^原标题[:：]", TUNING.clean.max_candidate),
        # Toolbars made only of tool words: "字号：大 中 小", "【打印】【关闭】", "打印本页 关闭窗口".
        (rf"^(?:[\s【】\[\]|｜丨/·•\-]*(?:{_TOOL_WORD}))+[\s【】\[\]|｜丨/·•\-]*$", TUNING.clean.short),
        # Share widgets and QR codes: "分享到：", "微信“扫一扫”添加…", "扫一扫在手机打开当前页".
        (r"^分享到|^分享[:：]", TUNING.clean.short),
        (rf"^{_NO_STOP}(?:扫一扫|扫描二维码|手机扫码|手机扫描){_NO_STOP}$", TUNING.clean.short),
        # Related-article lists and article navigation.
        (
            r"^[【\[]?(?:相关阅读|相关链接|相关文章|相关新闻|相关报道|相关稿件|延伸阅读|推荐阅读|热点推荐"
            r"|热门文章)[】\]]?[:：]?$",
            TUNING.clean.short,
        ),
        (r"^(?:上一篇|下一篇)|^(?:上一条|下一条)[:：]", 100),
        # Site footers: CMS credit, copyright, ICP licence, site owner and contacts.
        (r"^(?:Produced|Powered)\s*By|^.*?大汉版通", 80),
        (rf"^{_NO_STOP}(?:版权所有|Copyright|©|All\s+Rights\s+Reserved){_NO_STOP}$", 100),
        (r"^.*?(?:ICP[备证]|网安备)", 100),
        (
            r"^(?:主办单位|主办|承办单位|承办|协办单位|协办|技术支持|运行维护|运维单位|维护单位|网站标识码"
            r"|政府网站标识码|联系电话|联系地址|电子邮箱|邮政编码|传真)(?:[:：]|$)",
            100,
        ),
    )
)
# All chrome patterns at once: one match rejects an ordinary line cheaply.
_CHROME_SCREEN = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _CHROME), re.IGNORECASE)

# PDF page numbers: "12", "- 12 -", "— 3 —", "第 3 页", "第3页 共20页", "3/20", "Page 3".
_PAGE_NUMBER = re.compile(
    r"^(?:\d{1,3}|[-—–－~～]+\s*\d{1,4}\s*[-—–－~～]+|\d{1,4}\s*/\s*\d{1,4}"
    r"|第\s*[\d一二三四五六七八九十百]+\s*[页頁](?:\s*[,，/]?\s*共\s*\d+\s*[页頁])?"
    r"|共\s*\d+\s*[页頁]\s*[,，/]?\s*第\s*\d+\s*[页頁]|(?:Page|页码|頁碼)\s*\d+(?:\s*(?:of|/)\s*\d+)?)$",
    re.IGNORECASE,
)
# A news site's headline tag before the title: "权威发布 | 中共泸州市委八届九次全会《决定》全文".
_HEADLINE_SEPARATOR = re.compile(r"\S\s*[|丨｜]\s*\S")



def _starts_block(line: str) -> bool:
    """A heading (as the outline recognises them) or an attachment: never glued to the line before."""
    return match_heading(line) is not None or line.startswith(("附件", "附表"))

# A line ending in one of these ends its sentence (or its quotation) and keeps its break.
_FINAL_MARKS = frozenset("。！？；：…”’）)」』】》!?;:")


def clean(raw: str, keep_boilerplate: bool = False) -> Cleaned:
    """Return the display text of ``raw`` and the lines removed from it.

    Whitespace is always repaired and broken lines always rejoined; web chrome and
    PDF page furniture are removed unless ``keep_boilerplate`` is true. Cleaning its
    own output changes nothing.
    """
    extracted = extraction_spaced(raw)
    originals, lines = _repair_whitespace(raw, extracted)
    removed: list[str] = []
    # Removing noise can let lines join across a page break, and a joined line is judged
    # afresh, so both steps repeat until neither changes anything: that is what makes
    # cleaning idempotent. Each round removes or joins lines, so the loop ends.
    while True:
        changed = False
        if not keep_boilerplate:
            drop = _noise([_compact(line) for line in lines])
            if any(drop):
                changed = True
                removed += [original for original, gone in zip(originals, drop, strict=True) if gone]
                originals = [original for original, gone in zip(originals, drop, strict=True) if not gone]
                lines = [line for line, gone in zip(lines, drop, strict=True) if not gone]
        joined = reflow(lines, extracted)
        if len(joined) != len(lines):
            # A joined line has no single original: from here on it stands for itself.
            originals, lines = [line.strip() for line in joined], joined
            changed = True
        if not changed or keep_boilerplate:
            return Cleaned("\n".join(lines), tuple(removed))


def _repair_whitespace(raw: str, extracted: bool) -> tuple[list[str], list[str]]:
    """Non-blank lines as they were (stripped) and repaired, pairwise."""
    originals: list[str] = []
    lines: list[str] = []
    for original in raw.split("\n"):
        line = repair_line(original, extracted)
        if line:
            originals.append(original.strip())
            lines.append(line)
    return originals, lines


def _compact(line: str) -> str:
    """``line`` without its indent and the spaces next to Chinese text: the form the chrome
    table is written against, so a toolbar spaced as "【字体：大 中 小】" is still a toolbar."""
    stripped = line.strip()
    return _CHROME_GAP.sub("", stripped) if _has_space(stripped) else stripped


def extraction_spaced(text: str) -> bool:
    """Whether the spacing of ``text`` is a PDF extractor's rather than its drafter's.

    Extraction leaves a space at most changes between Chinese text and digits, Latin
    letters or quotes (``2021 年``, ``“ 十四五 ”``); a typed Chinese text has almost none.
    The space after a heading number is left out of the count: it is the drafter's, and
    cleaning keeps it, so cleaned text never looks extracted and cleaning stays idempotent.
    """
    spaced = len(_SPACED_SWITCH.findall(text))
    if spaced < TUNING.clean.min_repeats:
        return False  # the usual case, decided in one pass
    # Whitespace never joins two switches, so the counts split exactly at the separators.
    for line in text.split("\n"):
        body = line.strip()
        cut = _title_separator(body) if _has_space(body) else None
        if cut and _SPACED_SWITCH.match(body, cut[0] - 1):
            spaced -= 1
    return spaced >= TUNING.clean.min_repeats and 2 * spaced >= len(_tight_switch().findall(text))


def _has_space(body: str) -> bool:
    """Whether ``body`` holds whitespace (``str.split`` and ``\\s`` agree on what that is)."""
    return len(body.split(maxsplit=1)) > 1


# Web pages space with &nbsp; and typographic spaces where a drafter typed a space; a text
# view shows them as spaces and copies them as such, so the display text says so too.
# The ideographic space (　) is what drafters type and stays.
_WEB_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                                          "\u202f\u205f", " "))


def repair_line(line: str, extracted: bool = False) -> str:
    """One line with its extraction spacing removed and its written spacing kept.

    The indent stays as written; trailing whitespace goes (it is invisible and
    nothing a drafter meant); a blank line becomes "".
    """
    line = line.translate(_WEB_SPACES)
    body = line.strip()
    if not body:
        return ""
    indent = line[: len(line) - len(line.lstrip())]
    if not _has_space(body):
        return indent + body  # most lines of Chinese text: nothing to judge
    letter_spaced = _letter_spaced(body)
    cut = None if letter_spaced else _title_separator(body)
    if cut is None:
        return indent + _repair_gaps(body, extracted, letter_spaced)
    start, end = cut
    return (indent + _repair_gaps(body[:start], extracted, letter_spaced) + body[start:end]
            + _repair_gaps(body[end:], extracted, letter_spaced))


def _letter_spaced(body: str) -> bool:
    """Whether a line is spaced out character by character, as extraction of justified
    or spaced print leaves it ("加 强 生 态"); a drafter spaces out only a short heading."""
    gaps = len(_HAN_GAP.findall(body))
    # Counting the unspaced pairs is the costly part, and only needed past the minimum.
    return gaps >= TUNING.clean.min_letter_gaps and gaps >= len(_han_pair().findall(body))


def _title_separator(body: str) -> tuple[int, int] | None:
    """Span of the whitespace between a heading number and its title, when a drafter put it there.

    That is a run before a Chinese title (第一条 为了, 1. 充分发挥, 一、 总体要求) or any run
    holding an ideographic space. A space before a quote or a digit (第一节 “十四五”)
    is where extraction inserts one, and is judged like any other.
    """
    found = match_heading(body)
    if found is None:
        return None
    start = len(found[1])  # the number opens the (stripped) line
    rest = body[start:]
    end = start + len(rest) - len(rest.lstrip())
    if end == start or end >= len(body):
        return None
    if _IDEOGRAPHIC_SPACE in body[start:end] or _IS_HAN.match(body[end]):
        return start, end
    return None


def _repair_gaps(text: str, extracted: bool, letter_spaced: bool) -> str:
    """``text`` (no leading or trailing space) with its extraction gaps removed."""

    def gap(match: re.Match[str]) -> str:
        run, after = match.group(), match.end()
        if match.start() == 0 or after == len(text):
            return run  # not a gap: callers pass stripped text
        before, next_char = text[match.start() - 1], text[after]
        if _TAB in run:
            return run
        if _IS_HAN.match(before) and _IS_HAN.match(next_char):
            # A word space between two Chinese characters, unless the whole line or the
            # whole text shows the extractor's spacing.
            if letter_spaced or (extracted and _IDEOGRAPHIC_SPACE not in run):
                return ""
            return run
        if _IDEOGRAPHIC_SPACE in run:
            return run
        if _WIDE.match(before) or before in _OPENING or _WIDE.match(next_char) or next_char in _CLOSING:
            return ""
        if _bracketed_cjk().match(text, after):
            return ""
        return run

    if not text:
        return text
    once = _SPACE_RUN.sub(gap, text)
    if not _has_space(once):
        return once
    return _CJK_PUNCT_GAP.sub(_typed_or_nothing, once)


def _typed_or_nothing(gap: re.Match[str]) -> str:
    """A gap after a half-width mark: kept when a drafter typed it (an ideographic space, a tab)."""
    run = gap.group()
    return run if _IDEOGRAPHIC_SPACE in run or _TAB in run else ""


def _noise(lines: list[str]) -> list[bool]:
    """For each line, whether it is chrome or page furniture."""
    candidates = [i for i, line in enumerate(lines) if len(line) <= TUNING.clean.max_candidate]
    if not candidates:
        return [False] * len(lines)
    # One OpenCC call for all short lines: t2s keeps lengths, so the split is exact.
    simplified = to_simplified("\n".join(lines[i] for i in candidates)).split("\n")
    drop = [False] * len(lines)
    pages: list[int] = []
    for i, line in zip(candidates, simplified, strict=True):
        if _PAGE_NUMBER.match(line):
            drop[i] = True
            pages.append(i)
        elif _CHROME_SCREEN.match(line) and any(
            len(line) <= limit and pattern.match(line) for pattern, limit in _CHROME
        ):
            drop[i] = True
    _mark_headline_prefix(lines, drop)
    _mark_running_headers(lines, pages, drop)
    return drop


def _mark_headline_prefix(lines: list[str], drop: list[bool]) -> None:
    """Drop a short "tag | headline" line that precedes the document's first body line."""
    for i, line in enumerate(lines):
        if drop[i]:
            continue
        if "。" in line or len(line) > TUNING.clean.short:
            return  # the body has started: separators from here on are content
        if len(line) <= TUNING.clean.headline_limit and _HEADLINE_SEPARATOR.search(line):
            drop[i] = True


def _mark_running_headers(lines: list[str], pages: list[int], drop: list[bool]) -> None:
    """Drop a short line repeated beside page numbers: a page's running header or footer.

    Only looked for in paginated text (several page numbers), and only next to page
    breaks (a page number, or the start and end of the text), so a heading that
    legitimately repeats in the body is never touched.
    """
    if len(pages) < TUNING.clean.min_repeats:
        return
    near: dict[str, list[int]] = {}
    for page in [-1, *pages, len(lines)]:
        reach = TUNING.clean.header_neighbourhood
        low, high = max(0, page - reach), min(len(lines), page + reach + 1)
        for i in range(low, high):
            line = lines[i]
            if not drop[i] and len(line) <= 40 and "。" not in line and not _starts_block(line):
                near.setdefault(line, []).append(i)
    # A running header or footer is on most pages, not just on a few.
    enough = max(TUNING.clean.min_repeats, len(pages) // 2)
    for found in near.values():
        if len(set(found)) >= enough:
            for i in found:
                drop[i] = True


def reflow(lines: list[str], extracted: bool = False) -> list[str]:
    """Join lines that were broken at the page width back into paragraphs.

    ``extracted`` is whether the text's spacing is an extractor's (see
    ``extraction_spaced``): where pieces meet, their spacing is judged as on any line.
    Repeated until nothing changes, so reflowing the result is a no-op.
    """
    while True:
        widths = [_width(line) for line in lines]
        band = _full_width_band(lines, widths)
        if band is None:
            return lines
        joined = _join_broken(lines, widths, band, extracted)
        if len(joined) == len(lines):
            return joined
        lines = joined


def _width(line: str) -> int:
    """Display width, indent included: Chinese characters and ideographic spaces count two,
    everything else one."""
    return 2 * len(line) - len(_NARROW.findall(line))


def _full_width_band(lines: list[str], widths: list[int]) -> tuple[int, int] | None:
    """The widths of a full printed line, if the text was hard-wrapped; else None.

    Hard-wrapped text has a dominant width that a clear share of its longer lines sit
    at and almost none exceed; web text, one paragraph per line, has neither.
    """
    longer = [width for line, width in zip(lines, widths, strict=True) if len(line) >= 15]
    if len(longer) < TUNING.clean.min_repeats:
        return None
    counts = Counter(longer)
    # A full line may stop up to two Chinese characters short (a word or a mark that
    # cannot start a line is carried over) or run one over (a mark kept at its end).
    best = max(counts, key=lambda w: (sum(counts[x] for x in range(w - 4, w + 1)), w))
    low, high = best - 4, best + 2
    full = sum(1 for width in longer if low <= width <= high)
    wider = sum(1 for width in longer if width > high)
    if best < 20 or full < TUNING.clean.min_repeats or full < 0.4 * len(longer) or wider > 0.1 * len(longer):
        return None
    return low, high


def _join_broken(lines: list[str], widths: list[int], band: tuple[int, int], extracted: bool) -> list[str]:
    """One joining pass: a full line without a final mark absorbs the next line.

    A line is full when its display width, or its length counted as if every character
    were Chinese (text wrapped by character count), falls in the band.
    """
    low, high = band
    paragraphs: list[list[str]] = []
    runs_on = False  # whether the previous line continues on the next one
    for line, width in zip(lines, widths, strict=True):
        if runs_on and not _starts_block(line.lstrip()):
            # A continued line's leading space is page layout, not the drafter's indent.
            pieces = paragraphs[-1]
            pieces.append(_joiner(pieces[-1], line.lstrip()))
            pieces.append(line.lstrip())
        else:
            paragraphs.append([line])
        full = low <= width <= high or low <= 2 * len(line) <= high
        runs_on = full and line[-1] not in _FINAL_MARKS
    # Pieces meet at new neighbours ("…党" + ", 1"), so their spaces are repaired again.
    return [pieces[0] if len(pieces) == 1 else repair_line("".join(pieces), extracted) for pieces in paragraphs]


def _joiner(before: str, after: str) -> str:
    """What goes between two rejoined pieces: a space only inside Latin-script text.

    Chinese text breaks anywhere, even inside an acronym or a number ("定制(C2" +
    "B)"), so pieces of a line that holds Chinese are glued directly.
    """
    last, first = before[-1], after[0]
    latin_break = last.isascii() and (last.isalnum() or last in ",.;:!?") and first.isascii() and first.isalnum()
    return " " if latin_break and not _WIDE.search(before) else ""
