"""Which script a document is written in, and converting one side into the other's.

The engine compares in a Simplified comparison form, so script never counts as a
difference there; but an output that shows the two texts as written (the redline)
still sees 經 against 经. To write such an output in one script, the left text is
converted into the right document's script before it is shown against the right one.

**Which script.** Counted on the text itself: the characters that OpenCC's t2s would
change are Traditional-only, those its s2t would change Simplified-only. A text is
Traditional or Simplified when one kind outnumbers the other several times over, and
of neither script (``None``) when it holds neither kind, or both in like numbers.

**Which conversion.** Simplified maps to Traditional one to many (发: 發 or 髮; 为: 為 or
爲; 着: 著 or 着), and each Traditional standard picks its own variants: OpenCC's s2t
writes 爲 and 羣 (the OpenCC standard), s2tw 為 and 群 (Taiwan), s2hk the Hong Kong
forms. The convention of the Traditional side is found by round trip: its text turned
Simplified (t2s) and back with each convention's s2t, s2tw, s2hk; the convention that
gives back most of the document's own characters is the one its drafter followed. On
the two sample decisions the provincial one comes back with 111 characters different
under s2tw against 150 under s2t and 133 under s2hk: Taiwan forms. The conversion
towards Simplified follows the same convention (t2s, tw2s, hk2s): tw2s also turns the
Taiwan 著 of 著力 into 着, which t2s leaves. The phrase variants (s2twp, tw2sp) are
never used: they replace words (软件 → 軟體, 鼠标 → 滑鼠), which is a change of
wording, not of script, and they change the text's length.

Every conversion here keeps the length of its text, character for character, so
offsets into the converted text are offsets into the original.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

Script = Literal["traditional", "simplified"]

# Each Traditional convention: its conversion from Simplified and back to Simplified.
CONVENTIONS = {"opencc": ("s2t", "t2s"), "taiwan": ("s2tw", "tw2s"), "hong kong": ("s2hk", "hk2s")}
_DOMINANT = 4  # one kind of script-only characters must outnumber the other this many times over
_SCRIPT_SAMPLE = 10_000  # characters read to decide a script: hundreds of telling ones in a Chinese text
_CONVENTION_SAMPLE = 40_000  # characters read to decide a convention: its telling characters are rarer


@dataclass(frozen=True)
class Conversion:
    """How to write the left text in the right document's script.

    ``config``: the OpenCC conversion from the left's script to the right's;
    ``simplified``: the same convention's conversion to Simplified, which tells whether
    two spellings differ in script only; ``convention``: a key of ``CONVENTIONS``.
    """

    left: Script
    right: Script
    convention: str
    config: str
    simplified: str

    def convert(self, text: str) -> str:
        """``text`` (in the left's script) in the right's, of the same length."""
        return convert(text, self.config)

    def script_only(self, left: str, right: str) -> bool:
        """True when ``left`` and ``right`` differ and read the same once both are Simplified.

        By this convention's conversion first, then by the others': a variant of another
        convention (著力 in Taiwan forms, 着力 in OpenCC's) is still script alone.
        """
        if left == right or len(left) != len(right):  # every conversion here keeps the length
            return False
        return any(convert(left, config) == convert(right, config)
                   for config in dict.fromkeys((self.simplified, *(back for _, back in CONVENTIONS.values()))))


_converters: dict[str, Any] = {}
_converters_lock = threading.Lock()


def _converter(config: str) -> Any:
    """OpenCC's conversion ``config``, loaded once per process (``load_ahead`` may be loading
    it in another thread: a second caller waits for it rather than loading it again)."""
    found = _converters.get(config)
    if found is None:
        with _converters_lock:
            found = _converters.get(config)
            if found is None:
                import opencc  # imported here: only a run that converts needs it

                found = _converters[config] = opencc.OpenCC(config)
    return found


def load_ahead(configs: Iterable[str]) -> None:
    """Load OpenCC's conversions ``configs`` before the first text to convert: the tables of
    each take some 10 to 20 ms to load, with the GIL released, so a thread can load them
    while the main thread goes on."""
    for config in configs:
        _converter(config)


def load_every_conversion() -> None:
    """``load_ahead`` every conversion a text may be written in the other's script with
    (``conversion``): a redline does not know which until it has both texts."""
    load_ahead(config for configs in CONVENTIONS.values() for config in configs)


def convert(text: str, config: str) -> str:
    """``text`` converted with OpenCC's ``config``, keeping its length.

    OpenCC converts phrases; where a phrase changes length, that line falls back to a
    character-by-character conversion (and a character whose conversion is not one
    character stays as it is), so that positions stay aligned.
    """
    converter = _converter(config)
    converted: str = converter.convert(text)
    if len(converted) == len(text):
        return converted
    lines = []
    for line in text.split("\n"):
        out: str = converter.convert(line)
        if len(out) != len(line):
            out = "".join(_one_char(converter, ch) for ch in line)
        lines.append(out)
    return "\n".join(lines)


def _one_char(converter: Any, ch: str) -> str:
    out: str = converter.convert(ch)
    return out if len(out) == 1 else ch


def _changed(text: str, config: str) -> int:
    """How many characters of ``text`` the conversion ``config`` writes differently."""
    return sum(a != b for a, b in zip(text, convert(text, config), strict=True))


def script_of(text: str) -> Script | None:
    """The script ``text`` is written in; None when it shows neither, or both alike."""
    sample = text[:_SCRIPT_SAMPLE]
    traditional, simplified = _changed(sample, "t2s"), _changed(sample, "s2t")
    if traditional > _DOMINANT * simplified:
        return "traditional"
    if simplified > _DOMINANT * traditional:
        return "simplified"
    return None


def convention_of(traditional: str) -> str:
    """The Traditional convention (a key of ``CONVENTIONS``) ``traditional`` is written in.

    The one whose conversion from Simplified gives back most of the text's own
    characters after a round trip through Simplified; the first listed on a tie.
    """
    sample = traditional[:_CONVENTION_SAMPLE]
    simplified = convert(sample, "t2s")

    def differences(name: str) -> int:
        back = convert(simplified, CONVENTIONS[name][0])
        return sum(a != b for a, b in zip(sample, back, strict=True))

    return min(CONVENTIONS, key=differences)


def conversion(left: str, right: str) -> Conversion | None:
    """How to write ``left`` in the script of ``right``; None when they share one (or either has none)."""
    left_script, right_script = script_of(left), script_of(right)
    if left_script is None or right_script is None or left_script == right_script:
        return None
    convention = convention_of(right if right_script == "traditional" else left)
    to_traditional, to_simplified = CONVENTIONS[convention]
    config = to_traditional if right_script == "traditional" else to_simplified
    return Conversion(left_script, right_script, convention, config, to_simplified)
