"""Word segmentation: tiling, policy terms, ASCII runs, engines agreeing, lazy loading."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import segmenter, tokens, word_index
from core.normalize import normalize, to_simplified
from core.resources import samples_dir

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(samples_dir().glob("*.txt"))


def words(text: str) -> list[str]:
    return [text[a:b] for a, b in tokens.tokenize(text)]


def assert_tiles(text: str, spans: tuple[tuple[int, int], ...]) -> None:
    pos = 0
    for start, end in spans:
        assert start == pos and end > start
        pos = end
    assert pos == len(text)


def run_python(code: str, tmp_path: Path) -> str:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("加快推动成渝地区双城经济圈建设", "成渝地区双城经济圈"),
        ("高水平建设川南渝西融合发展试验区", "川南渝西融合发展试验区"),
        ('深化"放管服"改革,持续优化营商环境', "放管服"),
        ("营造市场化法治化国际化营商环境", "营商环境"),
        ("编制十四五规划", "十四五"),
        ("推动经济高质量发展", "高质量发展"),
        ("加快构建新发展格局", "新发展格局"),
        ("积极融入一带一路建设和长江经济带发展", "一带一路"),
        ("积极融入一带一路建设和长江经济带发展", "长江经济带"),
        ("共建西部陆海新通道", "西部陆海新通道"),
        ("全面推进乡村振兴", "乡村振兴"),
        ("力争2030年前实现碳达峰、2060年前实现碳中和", "碳达峰"),
        ("力争2030年前实现碳达峰、2060年前实现碳中和", "碳中和"),
        ("深化供给侧结构性改革", "供给侧结构性改革"),
        ("扎实推动共同富裕", "共同富裕"),
        ("发展全过程人民民主", "全过程人民民主"),
        ("牵头单位:市发展改革委;责任单位:各区县政府", "牵头单位"),
        ("牵头单位:市发展改革委;责任单位:各区县政府", "责任单位"),
        ("推进政务服务一网通办", "一网通办"),
        ("全面落实河长制", "河长制"),
        ("用好地方政府专项债券", "地方政府专项债券"),
    ],
)
def test_policy_terms_stay_whole_in_context(sentence: str, term: str) -> None:
    assert term in words(sentence)


def test_ascii_runs_punctuation_and_line_breaks() -> None:
    text = 'gdp增长8.5%,建成5g基站2025个。\n"十四五"期间'
    assert words(text) == [
        "gdp", "增长", "8.5%", ",", "建成", "5g", "基站", "2025个", "。",
        "\n", '"', "十四五", '"', "期间",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("到2025年,全市地区生产总值达到1200亿元", "2025年"),
        ("到2025年,全市地区生产总值达到1200亿元", "1200亿元"),
        ("新增就业岗位500个", "500个"),
        ("研发投入强度达到16.5%", "16.5%"),
        ("到2025年底前完成", "2025年底"),
        ("自2020年7月1日起施行", "2020年7月1日"),
        ("二〇二五年七月一日", "二〇二五年七月一日"),
        ("每年新增5-8个", "5-8个"),
        ("比重控制在10%-15%之间", "10%-15%"),
        ("共有1,200家企业", "1,200家"),
        ("新增耕地3.5万亩", "3.5万亩"),
        ("用三年时间基本建成", "三年"),
        ("依照本法第十二条规定", "第十二条"),
        ("培育一百二十余家企业", "一百二十余家"),
        ("三至五年内完成", "三至五年内"),
        ("占比达到百分之十五", "百分之十五"),
    ],
)
def test_values_are_one_token(text: str, value: str) -> None:
    assert value in words(normalize(text).text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("统一年度计划", ["统一", "年度计划"]),  # a numeral inside a word is not a value
        ("加快推进一体化发展", ["加快", "推进", "一体化", "发展"]),
        ("编制十四五时期规划", ["编制", "十四五", "时期", "规划"]),
        ("建成5g基站", ["建成", "5g", "基站"]),
        ("10%-15a", ["10%", "-", "15a"]),  # no dangling range separator
        ("5至少", ["5", "至少"]),
    ],
)
def test_values_respect_word_boundaries(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_a_figure_after_a_comma_is_a_figure() -> None:
    # The comparison form writes ， as ",": only a comma between digits is a thousands separator.
    text = "增长,15%以上,总量1,200亿元,达到2.5,3.5倍"
    found = [text[a:b] for a, b in tokens.figure_spans(text)]
    assert found == ["15%", "1,200亿元", "2.5", "3.5倍"]


def test_figure_spans_are_the_values_by_pattern() -> None:
    text = "用三年时间,到2025年底新增500个,比重10%-15%,增长16.5%,第3条,统一规划,三日内,百分之二十"
    assert [text[a:b] for a, b in tokens.figure_spans(text)] == [
        "三年", "2025年底", "500个", "10%-15%", "16.5%", "3条", "三日", "百分之二十"]


def test_samples_are_tiled() -> None:
    for path in SAMPLES:
        text = normalize(path.read_text(encoding="utf-8")).text
        assert_tiles(text, tokens.tokenize(text))


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("成渝地区双城经济圈建设放管服改革十四五a1.%,。\n \ue000𠀀〇"), max_size=60
    )
)
def test_any_text_is_tiled(text: str) -> None:
    assert_tiles(text, tokens.tokenize(text))


def test_user_dictionary_is_sound() -> None:
    entries = word_index.read_user_dict()
    names = [word for word, _, _ in entries]
    assert len(names) >= 200
    assert len(set(names)) == len(names)
    for word, freq, _tag in entries:
        # only ideographs the segmenter sees, already in comparison form
        assert all("\u4e00" <= ch <= "\u9fd5" for ch in word), word
        assert to_simplified(word) == word, word
        assert freq > 0


@pytest.mark.parametrize("engine", ["rjieba", "jieba"])
def test_every_dictionary_word_is_one_token(engine: str) -> None:
    cut = segmenter.cutter(engine)
    for word, _, _ in word_index.read_user_dict():
        assert list(cut(word)) == [word]


def test_rjieba_and_jieba_cut_the_samples_alike() -> None:
    fast, reference = segmenter.cutter("rjieba"), segmenter.cutter("jieba")
    for path in SAMPLES:
        text = normalize(path.read_text(encoding="utf-8")).text
        fast_spans = tokens._spans(text, fast)
        assert fast_spans == tokens._spans(text, reference), path.name
        assert len(fast_spans) > len(text) // 3  # words, not characters


def test_import_is_cheap(tmp_path: Path) -> None:
    loaded = run_python(
        "import sys, core.tokens, core.diff; print(sorted({'jieba', 'rjieba'} & set(sys.modules)))", tmp_path
    )
    assert loaded == "[]"


@pytest.mark.slow
def test_falls_back_to_jieba_with_cache_in_cache_dir(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['rjieba'] = None\n"  # makes `import rjieba` fail
        "from core import segmenter, tokens\n"
        "t = '推动成渝地区双城经济圈建设'\n"
        "print(segmenter.engine(), [t[a:b] for a, b in tokens.tokenize(t)])\n"
    )
    out = run_python(code, tmp_path)
    assert out == "jieba ['推动', '成渝地区双城经济圈', '建设']"
    caches = list((tmp_path / "cache" / "duizhao").glob("jieba*.cache"))
    assert len(caches) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache"]  # nothing in the working directory


@pytest.mark.slow
def test_first_use_from_many_threads_loads_once(tmp_path: Path) -> None:
    code = (
        "import threading\n"
        "from core import segmenter, tokens\n"
        "calls = []\n"
        "load = segmenter._LOADERS['rjieba']\n"
        "segmenter._LOADERS['rjieba'] = lambda: calls.append(1) or load()\n"
        "out = []\n"
        "threads = [threading.Thread(target=lambda i=i: out.append(tokens.tokenize('深化放管服改革' * i)))"
        " for i in range(1, 9)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "print(len(calls), len(out))\n"
    )
    assert run_python(code, tmp_path) == "1 8"


# --- rjieba's lazy form and its word index in the cache folder ------------------------------

CUT_SAMPLES = (
    "import json, sys\n"
    "from core import segmenter, tokens\n"
    "from core.normalize import normalize\n"
    "from core.resources import samples_dir\n"
    "out = []\n"
    "for path in sorted(samples_dir().glob('*.txt')):\n"
    "    text = normalize(path.read_text(encoding='utf-8')).text\n"
    "    out.append([text[a:b] for a, b in tokens.tokenize(text)])\n"
    "cutter = segmenter._cutters['rjieba']\n"
    "print(json.dumps([type(cutter).__name__, 'rjieba' in sys.modules, out]))\n"
)


def index_file(cache: Path) -> Path:
    """The rjieba index a start built in the cache folder ``cache``."""
    (found,) = (cache / "duizhao").glob("rjieba-words-*.bin")
    return found


def same_index_in(built: Path, cache: Path) -> Path:
    """Where a start with the cache folder ``cache`` looks for the index ``built``."""
    return cache / "duizhao" / built.name


def cut_samples(cache: Path) -> tuple[str, bool, list[list[str]]]:
    """Cut every sample in a fresh interpreter whose cache folder is ``cache``."""
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", CUT_SAMPLES], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True)
    kind, imported, words = json.loads(out.stdout)
    return kind, imported, words


@pytest.fixture(scope="module")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[list[str]]]:
    """A cache folder where a first start built the index, and the samples as that start cut them."""
    cache = tmp_path_factory.mktemp("cache")
    kind, _imported, words = cut_samples(cache)
    assert kind == "_LazyRjieba"
    assert index_file(cache).is_file()
    return cache, words


@pytest.mark.skipif(sys.platform != "linux", reason="the cache folder is set through XDG_CACHE_HOME")
@pytest.mark.slow
def test_cached_and_fresh_index_cut_alike(built_index: tuple[Path, list[list[str]]]) -> None:
    cache, fresh = built_index
    kind, imported, cached = cut_samples(cache)
    assert kind == "_LazyRjieba"
    assert not imported  # the full dictionary was never built
    assert cached == fresh
    full = segmenter._load_rjieba_full()
    for text_words in cached:
        text = "".join(text_words)
        assert [text[a:b] for a, b in tokens._with_values(text, tokens._spans(text, full))] == text_words


@pytest.mark.skipif(sys.platform != "linux", reason="the cache folder is set through XDG_CACHE_HOME")
@pytest.mark.slow
def test_a_start_marks_the_index_it_reads_as_used(built_index: tuple[Path, list[list[str]]]) -> None:
    cache, _fresh = built_index
    path = index_file(cache)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))  # long unused: the first to be pruned
    cut_samples(cache)
    assert path.stat().st_mtime_ns > 1_000_000_000


@pytest.mark.skipif(sys.platform != "linux", reason="the cache folder is set through XDG_CACHE_HOME")
@pytest.mark.slow
@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped", "empty"])
def test_damaged_index_is_rebuilt(built_index: tuple[Path, list[list[str]]], tmp_path: Path, damage: str) -> None:
    cache, fresh = built_index
    good = index_file(cache).read_bytes()
    target = same_index_in(index_file(cache), tmp_path / "cache")
    target.parent.mkdir(parents=True)
    if damage == "garbage":
        target.write_bytes(b"\x00not an index" * 100)
    elif damage == "truncated":
        target.write_bytes(good[: len(good) // 2])
    elif damage == "flipped":  # a frequency changed: the checksum must catch it
        target.write_bytes(good[:-100] + bytes([good[-100] ^ 1]) + good[-99:])
    else:
        target.write_bytes(b"")
    kind, _imported, words = cut_samples(tmp_path / "cache")
    assert kind == "_LazyRjieba"
    assert words == fresh
    assert target.read_bytes() == good  # rebuilt as it was


@pytest.mark.skipif(sys.platform != "linux", reason="the cache folder is set through XDG_CACHE_HOME")
@pytest.mark.slow
def test_index_recorded_unusable_falls_back_to_the_full_dictionary(
    built_index: tuple[Path, list[list[str]]], tmp_path: Path
) -> None:
    cache, fresh = built_index
    good = index_file(cache).read_bytes()
    target = same_index_in(index_file(cache), tmp_path / "cache")
    target.parent.mkdir(parents=True)
    target.write_bytes(good.replace(b'"usable": true', b'"usable": false', 1))
    kind, imported, words = cut_samples(tmp_path / "cache")
    assert (kind, imported) == ("function", True)
    assert words == fresh


@pytest.mark.parametrize("engine", ["rjieba", "jieba"])
def test_lazy_form_cuts_any_text_as_the_full_dictionary(engine: str) -> None:
    lazy = segmenter.cutter(engine)
    # Both engines are pinned and the word index is built at install: falling back to the
    # whole dictionary here would be a lost speed-up, not a reason to skip.
    assert isinstance(lazy, segmenter._LazySegmenter), f"{engine} fell back to its whole dictionary"
    index = lazy._index
    if engine == "rjieba":
        full = segmenter._load_rjieba_full()
        fresh: segmenter._LazySegmenter = segmenter._LazyRjieba(index, segmenter._rjieba_class())
    else:
        full = segmenter._load_jieba_full()
        fresh = segmenter._LazyJieba(index, segmenter._jieba_tokenizer(initialize=False))
    words = [word for i in range(0, len(index.keys), 97) for word in index.words(i)]
    for seed in range(300):
        text = "".join(words[(seed * 7919 + k * 104729) % len(words)] for k in range(1 + seed % 25))
        assert fresh(text) == list(full(text)), text


def test_warm_adds_the_words_of_texts_ahead_of_cutting() -> None:
    lazy = segmenter.cutter("rjieba")
    assert isinstance(lazy, segmenter._LazyRjieba), "rjieba fell back to its whole dictionary"
    text = "统筹推进川南渝西融合发展试验区建设"
    segmenter.warm([text])
    assert {text[i : i + 2] for i in range(len(text) - 1)} <= lazy._seen
    assert lazy(text) == list(segmenter._load_rjieba_full()(text))


def test_each_installation_keeps_an_index_of_its_own(tmp_path: Path) -> None:
    identity = {"format": 3, "engine": "rjieba", "library": [100, 1], "jieba_dict": [5, 2], "policy_dict": [7, 9]}
    other = dict(identity, library=[100, 2])  # the same engine installed a second time
    path = word_index.index_path(tmp_path, identity)
    assert path == word_index.index_path(tmp_path, dict(reversed(identity.items())))
    assert path.name.startswith("rjieba-words-") and path.suffix == ".bin"
    assert word_index.index_path(tmp_path, other) != path


def test_old_indexes_are_pruned_but_the_new_one_and_the_recent_ones_stay(tmp_path: Path) -> None:
    legacy = tmp_path / "rjieba-words.bin"
    legacy.write_bytes(b"old")
    jieba = tmp_path / "jieba-words-0000000000000000.bin"
    jieba.write_bytes(b"other engine")
    older = []
    for age in range(4):
        path = tmp_path / f"rjieba-words-{age:016d}.bin"
        path.write_bytes(b"index")
        os.utime(path, ns=(1_000_000_000 * (10 - age),) * 2)  # age 0 is the most recent
        older.append(path)
    new = tmp_path / "rjieba-words-ffffffffffffffff.bin"
    new.write_bytes(b"index")
    word_index.prune(new)
    assert sorted(tmp_path.iterdir()) == sorted([jieba, new, *older[: word_index._KEPT - 1]])
