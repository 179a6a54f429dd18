"""Duizhao's comparison engine: pure Python, never imports Qt."""

from core import dataclass_code

# Before any module of the engine defines its dataclasses.
dataclass_code.install()
