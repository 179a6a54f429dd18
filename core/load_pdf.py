"""Text of a PDF, page by page, extracted by pypdfium2 in a child process.

pdfium inflates a page's content streams in memory, so a small file can ask for gigabytes;
the extraction therefore runs in a child process with a memory limit and a time limit, and
only the text comes back.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from core.load_limits import MAX_TEXT_CHARS, fail

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

# PDF text is extracted in a child process with these bounds: a content stream that inflates
# to hundreds of megabytes (a few kilobytes on disk) must not take the machine's memory or
# minutes. A 185-page plan extracts in under a second, its child process using some 30 MB.
MAX_PDF_PAGES = 3_000
PDF_MEMORY_BYTES = 768 * 1024 * 1024
PDF_SECONDS = 30.0

# pdfium's FPDF_ERR_PASSWORD
_PDF_ERR_PASSWORD = 4

# What the extraction reports besides the pages' text, and what the user is told.
_PDF_MESSAGES = {
    "password": "PDF 设有打开密码，请先去掉密码再试",
    "corrupt": "PDF 文件已损坏或无法打开",
    "damaged": "PDF 文件已损坏，无法读出文字",
    "pages": f"PDF 页数过多（超过 {MAX_PDF_PAGES:,} 页）",
    "long": f"文本过长（超过 {MAX_TEXT_CHARS:,} 字）",
    "memory": "PDF 内容过于庞大（解压后超出内存上限），可能已损坏或是恶意构造的文件",
    "time": f"PDF 文字提取超过 {PDF_SECONDS:.0f} 秒仍未完成，文件可能已损坏或是恶意构造的文件",
}


def pdf_text(data: bytes, name: str) -> str:
    """Text of every page in order, pages joined by a line break.

    Refuses a PDF the child could not read within its limits, and one without a text layer.
    """
    status, pages = _extract_pdf(data)
    if status != "ok":
        fail(name, _PDF_MESSAGES[status])
    if not any(p.strip() for p in pages):
        fail(name, "PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）")
    return "\n".join(pages)


def _extract_pdf(data: bytes) -> tuple[str, list[str]]:
    """``(status, pages)`` from a child process; in-process where no child may be started
    (inside a daemonic worker process)."""
    import multiprocessing  # here, not at the top: only a PDF needs it (about 10 ms to import)

    if multiprocessing.current_process().daemon:
        return pdf_pages(data, MAX_TEXT_CHARS, MAX_PDF_PAGES)
    # "spawn" everywhere: forking a process that runs Qt or other threads can deadlock.
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_pdf_child, args=(data, sender), name="duizhao-pdf", daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(PDF_SECONDS):
            return "time", []
        try:
            status, pages = receiver.recv()
        except (EOFError, OSError):  # the child died: pdfium aborts when an allocation fails
            return "memory", []
        return str(status), list(pages)
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()


def _pdf_child(data: bytes, sender: Connection) -> None:
    """The child process's work: limit its memory, extract, send ``(status, pages)``."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (PDF_MEMORY_BYTES, PDF_MEMORY_BYTES))
    try:
        result = pdf_pages(data, MAX_TEXT_CHARS, MAX_PDF_PAGES)
    except MemoryError:
        result = ("memory", [])
    sender.send(result)
    sender.close()


def pdf_pages(data: bytes, max_chars: int, max_pages: int) -> tuple[str, list[str]]:
    """``("ok", text of each page)``, or a status naming why not (see ``_PDF_MESSAGES``).

    Stops at the first page past ``max_chars`` characters in total.
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        return ("password" if getattr(exc, "err_code", None) == _PDF_ERR_PASSWORD else "corrupt"), []
    pages: list[str] = []
    total = 0
    try:
        if len(pdf) > max_pages:
            return "pages", []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range()
                finally:
                    textpage.close()
            finally:
                page.close()
            pages.append(text)
            total += len(text)
            if total > max_chars:
                return "long", []
    except pdfium.PdfiumError:
        return "damaged", []
    finally:
        pdf.close()
    return "ok", pages
