"""Help menu: the user guide (Markdown, shown in the app) and the About box."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from core.resources import docs_dir, version
from gui.i18n import tr


def guide_path() -> str:
    """Path of the Chinese user guide shipped with the app."""
    return str(docs_dir() / "使用说明.md")


class GuideDialog(QDialog):
    """Shows ``docs/使用说明.md`` with its screenshots; links open in the same view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("使用说明"))
        self.resize(900, 760)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(QUrl.fromLocalFile(guide_path()), QTextDocument.ResourceType.MarkdownResource)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)


def about_text() -> str:
    """Rich text of the About box, naming the version."""
    return (
        f"<h3>{tr('对照 Duizhao')} {version()}</h3>"
        f"<p>{tr('政策文件对照工具：找出两份文件中相互对应的条目、相同的表述和各自独有的内容，并导出对照表。')}</p>"
        f"<p>{tr('全部在本机离线运行，不上传任何文件。')}</p>"
        f"<p>{tr('界面字体：文泉驿微米黑（Apache 2.0 / GPLv3）。')}</p>"
    )


def show_about(parent: QWidget) -> None:
    """The About box."""
    QMessageBox.about(parent, tr("关于对照"), about_text())
