"""Turn a loader's raw text into the display text: the policy, and only the policy.

Three repairs, in this order:

1. Whitespace. Every line is stripped, blank lines go, and spaces that PDF
   extraction scatters through Chinese text (``“ 十四五 ”``, ``2021 年 3 月``) are
   removed; single spaces between Latin words stay.
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

from core.normalize import to_simplified
from core.outline import match_heading


@dataclass(frozen=True)
class Cleaned:
    """The display text of a document and the lines cleaning removed from it."""

    text: str  # the display text; paragraphs separated by exactly one "\n"
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
# A run of spaces goes when it touches Chinese text, follows an opening bracket,
# precedes a closing mark or a bracketed Chinese phrase: "( 2021 年" -> "(2021年",
# "8.5% ," -> "8.5%,", "G546 (江阳段)" -> "G546(江阳段)".
_CJK_GAP = re.compile(rf"(?<=[{_CJK}(\[{{])[^\S\n]+|[^\S\n]+(?=[{_CJK},;:!?)\]}}]|[(\[][^\S\n]*[{_CJK}])")
# Then a run after a half-width mark that closes Chinese text ("胜利, 2016年"). This
# needs the gaps above already gone, hence a second pass.
_CJK_PUNCT_GAP = re.compile(rf"(?<=[{_CJK}][,;:!?])[^\S\n]+")
_SPACE_RUN = re.compile(r"[^\S\n]+")
_NARROW = re.compile(rf"[^{_CJK}]")
_WIDE = re.compile(rf"[{_CJK}]")

_MAX_CANDIDATE = 150  # longer lines are never chrome; they are not even simplified
_SHORT = 60  # the usual length limit of a chrome line
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
        (r"^[>＞»›]|^[^。，,]*(?:>>|＞＞|»|›|>\s*>)[^。，,]*$", _SHORT),
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
            _SHORT,
        ),
        (rf"^{_NO_STOP}(?:责任编辑|责编)[:：]{_NO_STOP}$", _SHORT),
        # A date with a time of day is a publishing stamp ("2020年07月16日10:20 来源:…");
        # a date alone (the signature date) stays.
        (r"^\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?\s*\d{1,2}[:：]\d{2}", 80),
        # The news page's copy of the title.
        (r"^原标题[:：]", _MAX_CANDIDATE),
        # Toolbars made only of tool words: "字号：大 中 小", "【打印】【关闭】", "打印本页 关闭窗口".
        (rf"^(?:[\s【】\[\]|｜丨/·•\-]*(?:{_TOOL_WORD}))+[\s【】\[\]|｜丨/·•\-]*$", _SHORT),
        # Share widgets and QR codes: "分享到：", "微信“扫一扫”添加…", "扫一扫在手机打开当前页".
        (r"^分享到|^分享[:：]", _SHORT),
        (rf"^{_NO_STOP}(?:扫一扫|扫描二维码|手机扫码|手机扫描){_NO_STOP}$", _SHORT),
        # Related-article lists and article navigation.
        (
            r"^[【\[]?(?:相关阅读|相关链接|相关文章|相关新闻|相关报道|相关稿件|延伸阅读|推荐阅读|热点推荐"
            r"|热门文章)[】\]]?[:：]?$",
            _SHORT,
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
_HEADLINE_LIMIT = 50



def _starts_block(line: str) -> bool:
    """A heading (as the outline recognises them) or an attachment: never glued to the line before."""
    return match_heading(line) is not None or line.startswith(("附件", "附表"))

# A line ending in one of these ends its sentence (or its quotation) and keeps its break.
_FINAL_MARKS = frozenset("。！？；：…”’）)」』】》!?;:")
_HEADER_NEIGHBOURHOOD = 2  # a running header sits this close to a page number
_MIN_REPEATS = 3


def clean(raw: str, keep_boilerplate: bool = False) -> Cleaned:
    """Return the display text of ``raw`` and the lines removed from it.

    Whitespace is always repaired and broken lines always rejoined; web chrome and
    PDF page furniture are removed unless ``keep_boilerplate`` is true. Cleaning its
    own output changes nothing.
    """
    originals, lines = _repair_whitespace(raw)
    removed: list[str] = []
    # Removing noise can let lines join across a page break, and a joined line is judged
    # afresh, so both steps repeat until neither changes anything: that is what makes
    # cleaning idempotent. Each round removes or joins lines, so the loop ends.
    while True:
        changed = False
        if not keep_boilerplate:
            drop = _noise(lines)
            if any(drop):
                changed = True
                removed += [original for original, gone in zip(originals, drop, strict=True) if gone]
                originals = [original for original, gone in zip(originals, drop, strict=True) if not gone]
                lines = [line for line, gone in zip(lines, drop, strict=True) if not gone]
        joined = reflow(lines)
        if len(joined) != len(lines):
            # A joined line has no single original: from here on it stands for itself.
            originals = lines = joined
            changed = True
        if not changed or keep_boilerplate:
            return Cleaned("\n".join(lines), tuple(removed))


def _repair_whitespace(raw: str) -> tuple[list[str], list[str]]:
    """Non-blank lines as they were (stripped) and repaired, pairwise."""
    repaired = _repair_spaces(raw).split("\n")
    originals: list[str] = []
    lines: list[str] = []
    # Repair never adds or removes a "\n", so the raw lines pair with the repaired ones.
    for original, line in zip(raw.split("\n"), repaired, strict=True):
        line = line.strip()
        if line:
            originals.append(original.strip())
            lines.append(line)
    return originals, lines


def _repair_spaces(text: str) -> str:
    """Drop the spaces around Chinese text and collapse the others to one; keep "\n"."""
    return _SPACE_RUN.sub(" ", _CJK_PUNCT_GAP.sub("", _CJK_GAP.sub("", text)))


def _noise(lines: list[str]) -> list[bool]:
    """For each line, whether it is chrome or page furniture."""
    candidates = [i for i, line in enumerate(lines) if len(line) <= _MAX_CANDIDATE]
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
        if "。" in line or len(line) > _SHORT:
            return  # the body has started: separators from here on are content
        if len(line) <= _HEADLINE_LIMIT and _HEADLINE_SEPARATOR.search(line):
            drop[i] = True


def _mark_running_headers(lines: list[str], pages: list[int], drop: list[bool]) -> None:
    """Drop a short line repeated beside page numbers: a page's running header or footer.

    Only looked for in paginated text (several page numbers), and only next to page
    breaks (a page number, or the start and end of the text), so a heading that
    legitimately repeats in the body is never touched.
    """
    if len(pages) < _MIN_REPEATS:
        return
    near: dict[str, list[int]] = {}
    for page in [-1, *pages, len(lines)]:
        low, high = max(0, page - _HEADER_NEIGHBOURHOOD), min(len(lines), page + _HEADER_NEIGHBOURHOOD + 1)
        for i in range(low, high):
            line = lines[i]
            if not drop[i] and len(line) <= 40 and "。" not in line and not _starts_block(line):
                near.setdefault(line, []).append(i)
    # A running header or footer is on most pages, not just on a few.
    enough = max(_MIN_REPEATS, len(pages) // 2)
    for found in near.values():
        if len(set(found)) >= enough:
            for i in found:
                drop[i] = True


def reflow(lines: list[str]) -> list[str]:
    """Join lines that were broken at the page width back into paragraphs.

    Repeated until nothing changes, so reflowing the result is a no-op.
    """
    while True:
        widths = [_width(line) for line in lines]
        band = _full_width_band(lines, widths)
        if band is None:
            return lines
        joined = _join_broken(lines, widths, band)
        if len(joined) == len(lines):
            return joined
        lines = joined


def _width(line: str) -> int:
    """Display width: Chinese characters count two, everything else one."""
    return 2 * len(line) - len(_NARROW.findall(line))


def _full_width_band(lines: list[str], widths: list[int]) -> tuple[int, int] | None:
    """The widths of a full printed line, if the text was hard-wrapped; else None.

    Hard-wrapped text has a dominant width that a clear share of its longer lines sit
    at and almost none exceed; web text, one paragraph per line, has neither.
    """
    longer = [width for line, width in zip(lines, widths, strict=True) if len(line) >= 15]
    if len(longer) < _MIN_REPEATS:
        return None
    counts = Counter(longer)
    # A full line may stop up to two Chinese characters short (a word or a mark that
    # cannot start a line is carried over) or run one over (a mark kept at its end).
    best = max(counts, key=lambda w: (sum(counts[x] for x in range(w - 4, w + 1)), w))
    low, high = best - 4, best + 2
    full = sum(1 for width in longer if low <= width <= high)
    wider = sum(1 for width in longer if width > high)
    if best < 20 or full < _MIN_REPEATS or full < 0.4 * len(longer) or wider > 0.1 * len(longer):
        return None
    return low, high


def _join_broken(lines: list[str], widths: list[int], band: tuple[int, int]) -> list[str]:
    """One joining pass: a full line without a final mark absorbs the next line.

    A line is full when its display width, or its length counted as if every character
    were Chinese (text wrapped by character count), falls in the band.
    """
    low, high = band
    paragraphs: list[list[str]] = []
    runs_on = False  # whether the previous line continues on the next one
    for line, width in zip(lines, widths, strict=True):
        if runs_on and not _starts_block(line):
            pieces = paragraphs[-1]
            pieces.append(_joiner(pieces[-1], line))
            pieces.append(line)
        else:
            paragraphs.append([line])
        full = low <= width <= high or low <= 2 * len(line) <= high
        runs_on = full and line[-1] not in _FINAL_MARKS
    # Pieces meet at new neighbours ("…党" + ", 1"), so their spaces are repaired again.
    return [pieces[0] if len(pieces) == 1 else _repair_spaces("".join(pieces)) for pieces in paragraphs]


def _joiner(before: str, after: str) -> str:
    """What goes between two rejoined pieces: a space only inside Latin-script text.

    Chinese text breaks anywhere, even inside an acronym or a number ("定制(C2" +
    "B)"), so pieces of a line that holds Chinese are glued directly.
    """
    last, first = before[-1], after[0]
    latin_break = last.isascii() and (last.isalnum() or last in ",.;:!?") and first.isascii() and first.isalnum()
    return " " if latin_break and not _WIDE.search(before) else ""
