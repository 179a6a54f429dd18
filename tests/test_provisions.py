"""Articles recognised by their kind (``core.provisions``): purpose, scope, definitions, penalties."""

from __future__ import annotations

from core.provisions import (
    cited_articles,
    defined_terms,
    is_about_itself,
    is_definitions,
    is_enabling,
    is_penalty,
    is_purpose,
    is_scope,
    punishes_officials,
    rewards_merit,
    speaks_of_sanctions,
    takes_effect,
)


def test_purpose_articles_say_why_their_text_is_made() -> None:
    assert is_purpose("为了实施《中华人民共和国气象法》,结合本市实际情况,制定本办法。")
    assert is_purpose("根据国家有关规定,结合本省实际,制定本条例;")
    assert not is_purpose("本市应当制定本市气象探测规划。")


def test_an_enabling_article_leaves_implementing_rules_to_the_provinces() -> None:
    assert is_enabling("第五十二条 省、自治区、直辖市人民代表大会常务委员会可以根据本法制定实施办法。")
    assert is_enabling("第四十条 省、自治区、直辖市的人民代表大会常务委员会根据本法，"
                       "结合本行政区域的实际情况，制定实施办法。")
    assert is_enabling("第二十九条 国务院根据本法制定实施办法。\n省、自治区、直辖市的人民代表大会常务委员会可以根据本法"
                       "和国务院的实施办法，制定实施办法。")
    assert is_enabling("第八十三条 民族自治地方的人民代表大会，可以根据本法的原则，结合当地民族风俗习惯的具体情况，"
                       "依照法定程序制定变通的或者补充的规定。")
    # A State Council regulation is no provincial measure; a province's duty is no enabling article.
    assert not is_enabling("第三十五条 国务院公安部门可以根据本法制定实施条例，报国务院批准施行。")
    assert not is_enabling("第十五条 省、自治区、直辖市人民政府应当制定本行政区域的水土保持规划。")


def test_a_definitions_article_opens_by_defining_the_texts_own_terms() -> None:
    assert is_definitions("本办法中下列用语的含义是:\n(一)地方气象事业项目,是指市和区、县人民政府建设的项目。")
    assert is_definitions("本条例所称高层建筑,是指总层数十层以上的住宅建筑。")
    assert is_definitions("本法下列用语的含义:\n邮政企业,是指中国邮政集团公司及其全资企业、控股企业。")
    assert not is_definitions("本法自2009年10月1日起施行。")
    # A scope article that defines its topic in a second paragraph is a scope article.
    assert not is_definitions("在本市行政区域内从事水土保持活动,适用本办法。\n本办法所称水土保持,是指预防和治理措施。")
    assert not is_definitions("违反本办法规定,擅自移动气象设施的,责令改正。")


def test_defined_terms_are_read_from_lists_and_from_所称() -> None:
    listed = "本法中下列用语的含义是:\n(一)气象设施,是指气象探测设施等。\n(二)气象探测、气象观测,是指系统观察和测量。"
    assert defined_terms(listed) == {"气象设施", "气象探测", "气象观测"}
    assert defined_terms("本办法所称水土保持,是指对水土流失所采取的预防和治理措施。") == {"水土保持"}
    assert defined_terms("前款规定的高层建筑,是指总层数十层以上的住宅建筑。") == {"高层建筑"}
    assert defined_terms("县级以上人民政府应当加强气象设施建设。") == frozenset()


def test_a_penalty_article_cites_the_articles_whose_breach_it_punishes() -> None:
    assert cited_articles("第三十一条 违反本办法第二十条规定的单位和个人，由推广行政部门责令停止推广。") == ["第二十条"]
    assert cited_articles("违反本条例第七条第四款、第九条规定的，依照本条例第七条处理。") == ["第七条", "第九条"]
    assert cited_articles("违反本办法第12条规定，擅自移动气象设施的，责令改正。") == ["第12条"]
    # Citing an article is no breach of it: a duty or a definition cites nothing to punish.
    assert cited_articles("依照本办法第二十条的规定推广农业技术。") == []


def test_penalty_articles_punish_a_breach() -> None:
    assert is_penalty("违反本法规定，截留或者挪用用于农业技术推广的资金的，对直接责任人员依法给予处分。")
    assert is_penalty("由主管部门责令改正，可以并处五万元以下的罚款。")
    assert not is_penalty("各级人民政府在财政预算内应当保障用于农业技术推广的资金。")
    assert is_penalty("有下列行为之一，尚不构成犯罪的，依法给予治安管理处罚：（一）盗窃、损毁邮政设施的；")
    assert is_penalty("由邮政管理部门责令改正，给予警告。")
    # A warning to the public is no sanction; a supervision article names breaches, and imposes nothing.
    assert not is_penalty("县级以上人民政府应当及时向社会发布可能受到突发事件危害的警告，宣传避免、减轻危害的常识。")
    assert not is_penalty("邮政管理部门依法履行监督管理职责，可以采取下列监督检查措施：（一）进入邮政企业、快递企业"
                          "或者涉嫌发生违反本法活动的其他场所实施现场检查；（四）查封与违反本法活动有关的场所，扣押用于"
                          "违反本法活动的运输工具以及相关物品。")


def test_a_penalty_on_officials_punishes_misconduct_in_office() -> None:
    assert punishes_officials("卫生行政部门及其工作人员在献血、用血的监督管理工作中，玩忽职守，造成严重后果，"
                              "构成犯罪的，依法追究刑事责任；尚不构成犯罪的，依法给予行政处分。")
    assert punishes_officials("监督检查部门的工作人员滥用职权、玩忽职守、徇私舞弊的，依法给予处分。")
    # The words alone are no penalty: a duty to guard against misconduct imposes nothing.
    assert not punishes_officials("监察机关应当加强对行政执法人员的监督，防止滥用职权、玩忽职守。")
    # A penalty on those the administration supervises is no penalty on officials.
    assert not punishes_officials("违反本法规定，非法采集血液的，由县级以上地方人民政府卫生行政部门予以取缔，"
                                  "没收违法所得，可以并处十万元以下的罚款。")


def test_an_article_rewarding_merit_opens_with_the_reward_or_ends_with_it() -> None:
    opening = "第四条 对在开展档案工作、发展档案事业中作出显著成绩的单位或者个人，由地方各级人民政府给予奖励。"
    ending = ("第七条 国家鼓励社会力量参与和支持档案事业的发展。\n"
              "对在档案收集、整理、保护、利用等方面做出突出贡献的单位和个人，按照国家有关规定给予表彰、奖励。")
    assert rewards_merit(opening) and rewards_merit(opening, anywhere=False)
    assert rewards_merit(ending) and not rewards_merit(ending, anywhere=False)
    assert not rewards_merit("鼓励单位和个人对献血公益事业进行捐赠。")


def test_an_article_about_the_text_itself_says_when_it_takes_effect_who_interprets_it_or_who_punishes() -> None:
    assert is_about_itself("第二十九条 本办法自2014年1月1日起施行。")
    assert is_about_itself("本条例自公布之日起施行。《浙江省城市房屋拆迁管理条例》同时废止。")
    assert is_about_itself("第三十五条 本办法的具体应用问题由市农业委员会负责解释。")
    assert is_about_itself("本办法具体应用中的问题，由北京市人民政府负责解释。")
    assert is_about_itself("第二十六条 违反本办法规定的行为，法律、行政法规已有法律责任规定的，从其规定。")
    assert not is_about_itself("违反本办法第八条规定的，由卫生健康主管部门给予通报批评。")
    assert not is_about_itself("第九条 本办法自实施之日起，有关部门应当依照本办法开展工作。")
    assert not is_about_itself("本办法所称献血，是指公民自愿提供血液的行为。")
    # Only an article taking effect may go on to repeal what the base repeals too.
    assert takes_effect("本条例自公布之日起施行。《浙江省城市房屋拆迁管理条例》同时废止。")
    assert not takes_effect("本办法具体应用中的问题，由北京市人民政府负责解释。")


def test_a_scope_article_says_what_its_text_governs() -> None:
    assert is_scope("第二条 本市行政区域内义务教育的实施及其有关管理活动，适用本办法。")
    assert is_scope("在中华人民共和国境内从事水土保持活动，应当遵守本法。")
    assert is_scope("本市行政区域内的价格行为适用本条例。")
    assert is_scope("本条例适用于本省行政区域内的居民委员会。")
    assert is_scope("在中华人民共和国境内从事下列活动，应当遵守本法：")
    assert is_scope("消费者为生活消费需要购买、使用商品或者接受服务，其权益受本法保护；"
                    "本法未作规定的，受其他有关法律、法规保护。")
    # Only the first sentence counts, and a rule of reference is no scope article.
    assert not is_scope("社会组织或者个人依法举办的民办学校实施义务教育的，依照民办教育促进法有关规定执行；"
                        "民办教育促进法未作规定的，适用本法。")
    assert not is_scope("邮政普遍服务业务范围内的邮件和汇款的损失赔偿，适用本章规定。")
    assert not is_scope("国家实行九年义务教育制度。\n本法适用于全国。")


def test_a_penalty_imposes_a_sanction_it_does_not_merely_name_one() -> None:
    assert is_penalty("对违反道路交通安全法律、法规的行为，可以依法给予罚款。")
    assert is_penalty("未按照规定明示资费标准的，由政府价格主管部门依照《中华人民共和国价格法》的规定处罚。")
    assert is_penalty("对食品生产加工小作坊、食品摊贩等的违法行为的处罚，依照省、自治区、直辖市制定的办法执行。")
    # Disposing of property, a cause of dissolution, a remedy and a points system impose nothing.
    assert not is_penalty("归侨、侨眷对其私有房屋，依法享有占有、使用、收益和处分的权利。")
    assert not is_penalty("农民专业合作社因下列原因解散：（四）依法被吊销营业执照或者被撤销。")
    assert not is_penalty("当事人对行政处罚决定不服的，可以依法申请行政复议或者提起行政诉讼。")
    assert not is_penalty("公安机关交通管理部门对机动车驾驶人违反道路交通安全法律、法规的行为，"
                          "除依法给予行政处罚外，实行累积记分制度。")
    # Such articles still speak of sanctions: they may carry out a penalty of the base.
    assert speaks_of_sanctions("依法没收的假冒伪劣烟草专卖品，应当销毁。")
    assert speaks_of_sanctions("当事人对行政处罚决定不服的，可以依法申请行政复议或者提起行政诉讼。")
    assert not speaks_of_sanctions("各级人民政府在财政预算内应当保障用于农业技术推广的资金。")
