"""Entry point of the desktop app: `quotecheck gui` and the `quotecheck-gui` launcher.

Only this module configures logging handlers and the excepthook.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtWidgets import QApplication

from quotecheck import QuoteCheckError, __version__
from quotecheck.fetch import looks_like_url
from quotecheck.store import Store
from quotecheck_ui.context import AppContext
from quotecheck_ui.errors import install_excepthook, setup_logging, show_error
from quotecheck_ui.icons import app_icon
from quotecheck_ui.settings import Settings

log = logging.getLogger(__name__)

ORGANISATION = "QuoteCheck"
APPLICATION = "QuoteCheck"


def open_store(db: str | Path | None, settings: Settings | None = None) -> Store:
    """The database to open: the one given, else the one open when the app last closed (if it
    still exists), else the default one (seeded with the sample article on first use, as the
    CLI does)."""
    from quotecheck.importing import import_seeds
    from quotecheck.paths import default_db_path

    if db:
        return Store(db)
    # A portable or test setup (QUOTECHECK_HOME) keeps to its own folder, like the CLI.
    portable = bool(os.environ.get("QUOTECHECK_HOME"))
    last = settings.last_db if settings is not None and not portable else None
    if last and Path(last).is_file():
        try:
            return Store(last)
        except QuoteCheckError as exc:
            log.warning("cannot reopen the last database %s: %s", last, exc)
    store = Store(default_db_path())
    if store.is_empty:
        report = import_seeds(store)
        log.info("first launch: seeded the default database (%s)", report.summary())
    return store


def make_app(argv: Sequence[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setDesktopFileName("quotecheck")
    app.setWindowIcon(app_icon())
    return app


def create_window(store: Store, settings: Settings | None = None):  # type: ignore[no-untyped-def]
    """A main window over `store` (used by run(), the tests, screenshots and the benchmark)."""
    from quotecheck_ui.mainwindow import MainWindow

    ctx = AppContext(store, settings or Settings())
    window = MainWindow(ctx)
    return window


# Qt's own command-line options that take a value (`-platform offscreen`, `-style Fusion`...):
# the value is Qt's too, not a file to import.
QT_VALUE_OPTIONS = frozenset(
    "platform platformpluginpath platformtheme plugin style stylesheet display geometry "
    "qwindowgeometry qwindowicon qwindowtitle qmljsdebugger session name title visual".split()
)


def split_arguments(rest: Sequence[str]) -> tuple[list[str], list[str]]:
    """(Qt's options, files and links to import) from the arguments argparse did not take:
    `quotecheck-gui article.html https://example.org/story` (the desktop entry's %F)."""
    qt: list[str] = []
    items: list[str] = []
    args = iter(rest)
    for arg in args:
        if arg.startswith("-") and arg != "-":
            qt.append(arg)
            if "=" not in arg and arg.lstrip("-") in QT_VALUE_OPTIONS:
                value = next(args, None)
                if value is not None:
                    qt.append(value)
        elif arg.lower().startswith("file:"):  # a file manager may pass file:// URLs
            items.append(QUrl(arg).toLocalFile() or arg)
        else:
            items.append(arg)
    return qt, items


def import_at_start(window, items: Sequence[str]) -> None:  # type: ignore[no-untyped-def]
    """Import the files (articles, collections, folders) and http(s) links given on the
    command line, as a drop on the window would: in the import worker, with its summary. Runs
    once the event loop does, so after the window shows."""
    if not items:
        return
    paths = [item if looks_like_url(item) else str(Path(item).expanduser()) for item in items]
    log.info("importing %d item(s) from the command line", len(paths))
    QTimer.singleShot(0, window, lambda: window.import_dropped(paths))


def run(db: str | None = None, argv: Sequence[str] | None = None, items: Sequence[str] = ()) -> int:
    setup_logging()
    app = make_app(argv)
    install_excepthook()
    from quotecheck_ui import _compat

    if _compat._applied:
        log.warning("the PySide6 reference-leak guard is active (see quotecheck_ui._compat)")
    settings = Settings()  # in QUOTECHECK_HOME when that is set (a portable or test home)
    try:
        from quotecheck.config import apply_config

        apply_config()  # the user's gazetteer, as the command line does
        store = open_store(db or None, settings)
    except QuoteCheckError as exc:
        show_error(None, f"Cannot start: {exc}")
        return 2
    settings.last_db = store.path
    settings.add_recent(store.path)
    window = create_window(store, settings)
    window.show()
    log.info("QuoteCheck %s started on %s", __version__, store.path)
    import_at_start(window, items)
    code = int(app.exec())
    window.ctx.close()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="quotecheck-gui",
        description="QuoteCheck desktop app",
        usage="%(prog)s [--db PATH] [FILE or LINK ...]",
        epilog="Files (articles, quote collections, folders) and http(s) links given are "
        "imported once the window shows.",
    )
    parser.add_argument("--db", metavar="PATH", help="database file (default: your user data)")
    parser.add_argument("--version", action="version", version=f"quotecheck {__version__}")
    args, rest = parser.parse_known_args(argv)
    qt_args, items = split_arguments(rest)
    return run(args.db, [sys.argv[0], *qt_args], items)


if __name__ == "__main__":
    sys.exit(main())
