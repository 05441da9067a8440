"""One path for expected errors (QuoteCheckError -> a plain message) and one for crashes (an
excepthook that logs the traceback and shows it with details). Only the app entry point
configures logging handlers."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from quotecheck.paths import log_dir

log = logging.getLogger(__name__)
LOG_FILE = "quotecheck.log"


def setup_logging(level: int = logging.INFO) -> Path | None:
    """A rotating log file in the user log folder (and warnings on stderr)."""
    root = logging.getLogger()
    root.setLevel(level)
    path: Path | None = None
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_FILE
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    except OSError as exc:  # a read-only home must not stop the app
        print(f"quotecheck: cannot write the log file: {exc}", file=sys.stderr)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("quotecheck: %(levelname)s: %(message)s"))
    root.addHandler(console)
    return path


def show_error(parent: QWidget | None, message: str, title: str = "QuoteCheck") -> None:
    """An expected problem (a refused file, a locked database): a plain message."""
    log.info("error shown: %s", message)
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setAccessibleName("Error")
    box.exec()


_showing = False


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log an unexpected exception and show it with its traceback (never crash silently)."""
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.critical("unexpected error:\n%s", details)
    from quotecheck import QuoteCheckError

    app = QApplication.instance()
    if app is None or _showing:
        sys.__excepthook__(exc_type, exc, tb)
        return
    _showing = True
    try:
        if isinstance(exc, QuoteCheckError):
            show_error(QApplication.activeWindow(), str(exc))
            return
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("QuoteCheck: unexpected error")
        box.setText(
            "Something went wrong that QuoteCheck did not expect. Your data is safe: every "
            "change is saved as it is made.\n\n"
            f"{exc_type.__name__}: {exc}"
        )
        box.setInformativeText(f"The details are in the log folder: {log_dir()}")
        box.setDetailedText(details)
        box.exec()
    finally:
        _showing = False


def install_excepthook() -> None:
    sys.excepthook = excepthook
