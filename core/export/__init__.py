"""Exports of a comparison: Word report, Word redline, PDF report (pure Python, no Qt)."""
