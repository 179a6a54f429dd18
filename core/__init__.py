"""Duizhao's comparison engine: pure Python, never imports Qt."""
