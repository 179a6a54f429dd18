"""Articles a law's implementing measure pairs by what kind of article they are, not by subject.

A 实施办法 states why it is made (为了实施《…法》，结合本市实际，制定本办法) and what its terms
mean (本办法中下列用语的含义) in articles that share few subject words with the law's own
such articles, or share them with the wrong ones: a purpose article names the law's whole
subject, and a definitions article names terms every other article uses. Which base article
each one carries out follows from its kind: the purpose article carries out the law's purpose
article; a definitions article carries out the base articles defining one of its terms, and
is local (本地新增) when it defines only terms of its own.

A penalty article of a measure names the duty it punishes by citing its own article
(违反本办法第二十条规定的……) and otherwise shares only the stock wording of sanctions
(责令改正, 给予处分) with every penalty of the law: what it is about is the article it cites
(``cited_articles``), and what it carries out is one of the law's penalties (``is_penalty``).
"""

from __future__ import annotations

import re

from core import patterns

_OWN = r"本(?:法|条例|办法|规定|细则|实施办法|实施细则|实施条例|决定)"
# The article stating why a law or regulation is made: 为了……，制定本法 / 根据……，制定本办法.
_PURPOSE = patterns.compiled(r"制定" + _OWN + r"[。；;.]")
# An article that is a list of definitions: 本办法中下列用语的含义 / 本法下列用语的含义 / 本条例所称……是指.
_DEFINITIONS = patterns.compiled(
    _OWN + r"(?:中|所称)?(?:下列)?(?:用语|术语)?(?:的)?(?:含义|[^。；;\n]{1,40}?[,，]?是指)")
# The article stating what a text governs: ……，适用本办法 / ……，应当遵守本条例 / 本条例适用于…….
_SCOPE = patterns.compiled(r"(?:应当|必须|应)?(?:适用|遵守)" + _OWN
                           + r"(?:[和及、][^,，。；;]{0,40})?(?:的规定)?(?:$|[,，:：])"
                           + r"|^" + _OWN + r"适用于|受" + _OWN + r"(?:的)?(?:保护|调整|约束)")
# What a rule of reference says before 适用本法: the case the text leaves to another (未作规定的).
_REFERENCE = patterns.compiled(r"(?:未作|没有|未|另有)规定")
# The article leaving implementing rules to the provinces: 省、自治区、直辖市的人民代表大会常务委员会可以
# 根据本法……制定实施办法 (not 国务院根据本法制定实施条例: a province's measure is no State Council rule).
_ENABLING = patterns.compiled(r"(?:省、自治区、直辖市|地方)[^。；;]*?根据本(?:法|条例)[^。；;]*?制定"
                              r"[^。；;]{0,12}?(?:办法|细则|规定)")
# The articles about the text itself, not its subject: when it takes effect (本办法自2014年1月1日起施行),
# who answers questions on applying it (本办法具体应用中的问题，由市人民政府负责解释), and that
# other laws' penalties punish its breaches (违反本办法规定的行为，法律、行政法规已有处罚规定的，从其规定).
_EFFECT = _OWN + r"自[^。；;]{1,30}?(?:起|之日)施行"
_TAKES_EFFECT = patterns.compiled(_EFFECT)
_ABOUT_ITSELF = patterns.compiled(_EFFECT + r"|" + _OWN + r"[^。；;]{0,12}?问题[,，]?由[^。；;]{1,40}?解释"
                                  r"|违反" + _OWN + r"[^。；;]{0,50}?规定的[,，]从其规定")
_SENTENCE_END = patterns.compiled(r"[。；;\n]")
# An article's own label, when a text still carries it (第四十三条 本办法中……).
_LABEL = patterns.compiled(r"\s*(?:第[一二三四五六七八九十百千零〇两\d]+[条條]\s*)?")
# A defined term: what stands before 是指, at the start of a sentence or list item, after
# 本法所称 or 前款规定的 when the text names itself or its previous paragraph.
_DEFINED = patterns.compiled(r"(?:^|[\n。；;:：]|[)）])\s*(?:" + _OWN + r"(?:中)?所称|前款(?:规定|所称)的|本条所称)?"
                      r"([^\s,，。；;:：()（）“”\"]{2,40}?)[,，]?是指", re.MULTILINE)


def is_purpose(text: str) -> bool:
    """True for an article saying why its text is made (为了……，制定本法)."""
    return _PURPOSE.search(text) is not None


def is_enabling(text: str) -> bool:
    """True for an article leaving implementing rules to the provinces (省、自治区、直辖市的人民代表大会
    常务委员会可以根据本法制定实施办法): the implementing measure as a whole carries it out."""
    return _ENABLING.search(text) is not None


def is_about_itself(text: str) -> bool:
    """True for an article opening with when its text takes effect, who interprets it, or that other
    laws punish its breaches (本办法自2014年1月1日起施行; 本办法的具体应用问题由市农业委员会负责解释;
    违反本办法规定的行为，法律、行政法规已有处罚规定的，从其规定): it says nothing of the subject a
    base governs."""
    return _ABOUT_ITSELF.match(_body(text)) is not None


def takes_effect(text: str) -> bool:
    """True for an article opening with when its text takes effect (本办法自2014年1月1日起施行), which
    may go on to repeal what it replaces (《浙江省城市房屋拆迁管理条例》同时废止)."""
    return _TAKES_EFFECT.match(_body(text)) is not None


def is_definitions(text: str) -> bool:
    """True for an article that opens by defining the text's own terms (本办法中下列用语的含义)."""
    label = _LABEL.match(text)
    return _DEFINITIONS.match(text, label.end() if label else 0) is not None


def is_scope(text: str) -> bool:
    """True for an article stating what its text governs: its first sentence ends in 适用本办法 or
    应当遵守本条例 (本市行政区域内……活动，适用本办法), opens with 本条例适用于, or puts its subject
    under the text (消费者……，其权益受本法保护). A rule of reference
    (……未作规定的，适用本法) is no scope article."""
    first = _SENTENCE_END.split(_body(text), maxsplit=1)[0]
    return _SCOPE.search(first) is not None and _REFERENCE.search(first) is None


def defined_terms(text: str) -> frozenset[str]:
    """The terms a text defines (气象设施 in ``（一）气象设施，是指……``), each of a list
    (``X、Y，是指``) on its own."""
    found: set[str] = set()
    for match in _DEFINED.finditer(text):
        found.update(part for part in match.group(1).split("、") if len(part) >= 2)
    return frozenset(found)


# A text's own articles cited by number: 本办法第二十条, 本条例第七条第四款、第九条, 本法第二十九条 (the
# paragraphs and points they name are left to the article).
_NUMERAL = r"[一二三四五六七八九十百千零〇两\d]+"
_CITATION = patterns.compiled(r"本(?:法|办法|条例|规定|细则|实施办法|实施细则|决定)"
                              rf"(?:第{_NUMERAL}[条款项](?:[、和及与或者至]+)?)+")
_ARTICLE = patterns.compiled(rf"第{_NUMERAL}条")
# What a penalty imposes, where it does not open with the breach (违反本法规定): a fine (处……罚款), a
# sanction given (给予处分, 予以警告, 依法给予治安管理处罚), criminal liability pursued, illegal gains
# confiscated, a licence revoked, or a penalty by reference (依照《价格法》的规定处罚; 对小作坊的违法
# 行为的处罚，依照……执行). The words alone say nothing: 有权处分其财产 disposes of property, 被吊销营业执照
# is why a cooperative dissolves, 当事人对行政处罚决定不服的 is a remedy, and 除依法给予行政处罚外，实行
# 累积记分制度 a points system (``_EXCEPT``). 违反本法 inside an article is no penalty either: a
# supervision article names breaches too (对涉嫌违反本法规定的行为……查封、扣押).
_SANCTION = patterns.compiled(
    r"(?:处|并处|处以)[^。；;，,]{0,30}?罚(?:款|金)|(?:给予|予以)[^。；;，,]{0,14}?(?:处分|处罚|警告|罚款)"
    r"|追究[^。；;，,]{0,6}?刑事责任|没收(?:违法|非法)|(?<!被)吊销[^。；;，,]{0,20}?(?:证|执照)"
    r"|(?:规定|依法)(?:予以|进行|给予)?处罚|的处罚[,，](?:依照|按照)")
_EXCEPT = patterns.compiled(r"除[^。；;]*?外")
# Any word of sanctions: what an article about penalties (who imposes them, what becomes of
# what was confiscated) has in common with a penalty, imposed or not.
_SANCTION_WORD = patterns.compiled(r"罚款|罚金|刑事责任|处分|处罚|没收|吊销|警告")


def _body(text: str) -> str:
    """The text without its article label."""
    return text[_LABEL.match(text).end():]  # type: ignore[union-attr]  # the label pattern matches the empty string


def cited_articles(text: str) -> list[str]:
    """The numbers of the text's own articles a penalty article cites for the breach it punishes
    (违反本办法第二十条规定的…… → 第二十条), in order; none unless the article opens with 违反."""
    body = _body(text)
    if not body.startswith("违反"):
        return []
    return list(dict.fromkeys(number for citation in _CITATION.finditer(body)
                              for number in _ARTICLE.findall(citation.group())))


def is_penalty(text: str) -> bool:
    """True for an article that punishes a breach: it opens with the breach (违反本法规定……) or
    imposes a sanction (罚款, 依法给予处分)."""
    return _body(text).startswith("违反") or _SANCTION.search(_EXCEPT.sub("", text)) is not None


# The administration's own misconduct in office: the words of the article punishing its staff.
_MISCONDUCT = patterns.compiled(r"玩忽职守|滥用职权|徇私舞弊")


def punishes_officials(text: str) -> bool:
    """True for a penalty on the administration's own staff for misconduct in office (……工作人员
    玩忽职守、滥用职权、徇私舞弊的，依法给予处分): nearly every law has one such article, and
    nearly every measure implementing it has its own."""
    return _MISCONDUCT.search(text) is not None and is_penalty(text)


# A reward for merit: 对在献血工作中作出显著成绩的单位和个人，给予表彰、奖励.
_REWARD = patterns.compiled(r"(?:成绩|贡献|事迹)[^。；;]{0,30}?(?:表彰|奖励)")


def rewards_merit(text: str, anywhere: bool = True) -> bool:
    """True for an article rewarding merit (对……作出显著成绩的单位和个人，给予表彰和奖励): nearly every
    law has one such article, and nearly every measure implementing it too. With ``anywhere`` false,
    only an article opening with the reward: one about other work that ends with it (免试入学……; 设立
    专项资金……奖励) carries out what the base says of that work."""
    if not anywhere:
        text = _SENTENCE_END.split(_body(text), maxsplit=1)[0]
    return _REWARD.search(text) is not None


def speaks_of_sanctions(text: str) -> bool:
    """True for an article that opens with a breach or names a sanction at all, imposed or not
    (对违反本办法的行为进行处罚时……; 依法没收的烟草专卖品应当销毁): such an article may carry out a
    penalty of the base, one that names none carries out a duty, a power or a right."""
    return _body(text).startswith("违反") or _SANCTION_WORD.search(text) is not None
