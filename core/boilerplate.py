"""Noise: web-page chrome and PDF page furniture, line by line.

Web-page chrome (breadcrumbs, publishing meta, toolbars, share widgets, site footers,
gov.cn metadata tables, news headline prefixes) and PDF page numbers with their running
headers. Chrome patterns run on the Simplified form of short lines only, so one table
covers both scripts.
"""

from __future__ import annotations

import re
from functools import cache

from core import patterns
from core.normalize import to_simplified
from core.reflow import starts_block
from core.spacing import WIDE, has_space
from core.tuning import TUNING

# A run of spaces, dropped before chrome is looked for where it stands next to Chinese
# text (``compact``).
_SPACES = patterns.compiled(r"[^\S\n]+")

_NO_STOP = r"[^。]*"  # a line part without a full stop: chrome, not a policy sentence

_TOOL_WORD = (
    r"打印本页|打印此页|打印文章|打印|关闭窗口|关闭本页|关闭|返回顶部|返回首页|返回|收藏本页|加入收藏|收藏"
    r"|分享|我要纠错|纠错|保存|设为首页|网站地图|联系我们|关于我们|网站声明|隐私声明|使用帮助|无障碍浏览"
    r"|无障碍|长者模式|关怀版|繁体版?|简体版?|English"
    r"|(?:字号|字体)[:：]?(?:[【\[]?(?:大|中|小|默认)[】\]]?){2,4}"
)


def _cased(pattern: str) -> bool:
    """Whether ``pattern`` holds a letter that has a case (outside escapes such as ``\\s``).

    Only such patterns are compiled ignoring case: it changes nothing for the others and
    makes their big classes of Chinese characters several times dearer to compile.
    """
    return any(char.lower() != char.upper() for char in re.sub(r"\\.", "", pattern))


# The chrome table: (pattern, longest line it may remove). Patterns match from the
# start of the whitespace-repaired, Simplified line and are anchored so that a policy
# sentence mentioning 来源, 发布, 版权 or 打印 never matches. Latin words match in any case.
_CHROME: tuple[tuple[str, int], ...] = (
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
# All chrome patterns at once, each in a group named after its place in the table: one
# match rejects an ordinary line cheaply and names the first pattern a chrome line matches.
_CHROME_SCREEN = patterns.compiled("|".join(f"(?P<chrome{i}>(?{'i' if _cased(pattern) else ''}:{pattern}))"
                                    for i, (pattern, _) in enumerate(_CHROME)))  # fmt: skip


@cache
def _chrome_pattern(index: int) -> re.Pattern[str]:
    """The chrome table's pattern ``index`` on its own, compiled on first use: the screen
    decides almost every line, and compiling them all cost a few milliseconds on every start."""
    pattern = _CHROME[index][0]
    return re.compile(pattern, re.IGNORECASE if _cased(pattern) else 0)


def _is_chrome(line: str) -> bool:
    """Whether a pattern of the chrome table matches ``line``, and ``line`` is within its limit."""
    found = _CHROME_SCREEN.match(line)
    if found is None or found.lastgroup is None:
        return False
    first = int(found.lastgroup.removeprefix("chrome"))  # no pattern before it matches
    return len(line) <= _CHROME[first][1] or any(
        len(line) <= limit and _chrome_pattern(index).match(line)
        for index, (_, limit) in enumerate(_CHROME) if index > first
    )

# PDF page numbers: "12", "- 12 -", "— 3 —", "第 3 页", "第3页 共20页", "3/20", "Page 3".
_PAGE_NUMBER = patterns.compiled(
    r"^(?:\d{1,3}|[-—–－~～]+\s*\d{1,4}\s*[-—–－~～]+|\d{1,4}\s*/\s*\d{1,4}"
    r"|第\s*[\d一二三四五六七八九十百]+\s*[页頁](?:\s*[,，/]?\s*共\s*\d+\s*[页頁])?"
    r"|共\s*\d+\s*[页頁]\s*[,，/]?\s*第\s*\d+\s*[页頁]|(?:Page|页码|頁碼)\s*\d+(?:\s*(?:of|/)\s*\d+)?)$",
    re.IGNORECASE,
)
# The line that heads a table of contents, in its compact form (目  录 is 目录).
_CONTENTS_TITLES = frozenset({"目录", "目錄"})
# A news site's headline tag before the title: "权威发布 | 中共泸州市委八届九次全会《决定》全文".
_HEADLINE_SEPARATOR = patterns.compiled(r"\S\s*[|丨｜]\s*\S")


def compact(line: str) -> str:
    """``line`` without its indent and the spaces next to Chinese text: the form the chrome
    table is written against, so a toolbar spaced as "【字体：大 中 小】" is still a toolbar."""
    stripped = line.strip()
    return _SPACES.sub(_beside_chinese, stripped) if has_space(stripped) else stripped


def _beside_chinese(gap: re.Match[str]) -> str:
    """A run of spaces: gone when a Chinese character stands on either side of it."""
    text, start, end = gap.string, gap.start(), gap.end()
    return "" if (start and WIDE.match(text, start - 1)) or WIDE.match(text, end) else gap.group()


def noise(lines: list[str]) -> list[bool]:
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
        elif _is_chrome(line):
            drop[i] = True
    _mark_headline_prefix(lines, drop)
    _mark_running_headers(lines, pages, drop)
    _mark_table_of_contents(lines, drop)
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


def _mark_table_of_contents(lines: list[str], drop: list[bool]) -> None:
    """Drop a table of contents: before the body's first sentence, a run of heading lines
    (第一章 总则, 二、回避 …) that all stand again, in the same order, as headings further on,
    with the 目录 line above it. Web and PDF copies of laws print one; compared with a copy
    without it, each of its lines read as a chapter deleted (22 of them in one copy of the
    Supreme People's Court's 民事诉讼法 interpretation). A list whose lines do not all come
    back as the text's headings is content, and stays."""
    run: list[int] = []
    for i, line in enumerate(lines):
        if drop[i]:
            continue
        if _sentence(line):
            break
        if starts_block(line) and len(line) <= TUNING.clean.short:
            run.append(i)
            continue
        if len(run) >= TUNING.clean.min_repeats:
            break
        run = []
    # Where the table runs straight into the body's first heading, it ends where its first line comes again.
    first = compact(lines[run[0]]) if run else ""
    run = next((run[:k] for k in range(1, len(run)) if compact(lines[run[k]]) == first), run)
    if len(run) < TUNING.clean.min_repeats or not _heads_again(lines, run):
        return
    for i in run:
        drop[i] = True
    above = run[0] - 1
    while above >= 0 and drop[above]:
        above -= 1
    if above >= 0 and compact(lines[above]) in _CONTENTS_TITLES:
        drop[above] = True


def _sentence(line: str) -> bool:
    """Whether a line holds a sentence of the body (a full stop or a semicolon)."""
    return "。" in line or "；" in line


def _heads_again(lines: list[str], run: list[int]) -> bool:
    """Whether every line of ``run`` stands again, in order, as a heading after the run."""
    wanted = [compact(lines[i]) for i in run]
    found = 0
    for line in lines[run[-1] + 1:]:
        if found < len(wanted) and starts_block(line) and compact(line) == wanted[found]:
            found += 1
    return found == len(wanted)


def _mark_running_headers(lines: list[str], pages: list[int], drop: list[bool]) -> None:
    """Drop a short line repeated beside page numbers: a page's running header or footer.

    Only looked for in paginated text (several page numbers), and only next to page
    breaks (a page number, or the start and end of the text), so a heading that
    legitimately repeats in the body is never touched. A header standing twice on the first
    page repeats the title, and the second of the two is the title: it stays.
    """
    if len(pages) < TUNING.clean.min_repeats:
        return
    near: dict[str, list[int]] = {}
    for page in [-1, *pages, len(lines)]:
        reach = TUNING.clean.header_neighbourhood
        low, high = max(0, page - reach), min(len(lines), page + reach + 1)
        for i in range(low, high):
            line = lines[i]
            if not drop[i] and len(line) <= 40 and "。" not in line and not starts_block(line):
                near.setdefault(line, []).append(i)
    # A running header or footer is on most pages, not just on a few.
    enough = max(TUNING.clean.min_repeats, len(pages) // 2)
    for found in near.values():
        if len(set(found)) >= enough:
            # A header repeating the document's title stands twice on the first page, as the
            # header and as the title: the second, before the first page number, stays.
            opening = [i for i in found if i < pages[0]]
            for i in found:
                drop[i] = len(opening) < 2 or i != opening[-1]
