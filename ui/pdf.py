"""PDF output of quote sheets: Qt lays out the sheet's HTML on A4 or Letter pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from quotecheck import QuoteCheckError

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


def html_to_pdf(html: str, path: str | Path, *, page_size: str = "a4", title: str = "") -> Path:
    """Render `html` into a PDF at `path` (written beside it, then renamed into place)."""
    app = QGuiApplication.instance()
    if app is None:  # the CLI prints PDFs without a window; offscreen needs no display
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # A QApplication (not only a QGuiApplication): one Qt application lives per process,
        # and a later window or dialog in the same process needs the widgets kind.
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
    target = Path(path)
    if not target.parent.is_dir():
        raise QuoteCheckError(f"cannot write {target}: folder {target.parent} does not exist")
    tmp = target.with_name(f".{target.name}.tmp")
    writer = QPdfWriter(str(tmp))
    writer.setTitle(title)
    writer.setCreator("QuoteCheck")
    writer.setResolution(300)
    size = PAGE_SIZES[page_size.lower()]
    writer.setPageLayout(
        QPageLayout(
            QPageSize(size),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Serif", 10))
    document.setHtml(html)
    # Without a page size of its own, QTextDocument.print_ paginates to the writer and
    # draws a page number at the foot of every page.
    document.setPageSize(QSizeF())
    document.print_(writer)
    del writer  # finishes the file
    if not tmp.exists():  # QPdfWriter reports no errors; a missing file is how it fails
        raise QuoteCheckError(f"cannot write {target}: the PDF could not be created there")
    tmp.replace(target)
    return target
