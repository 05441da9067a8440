"""QuoteCheck's PySide6 desktop front-end (installed as the package `quotecheck_ui`)."""

from quotecheck_ui._compat import guard_singleton_refcounts

guard_singleton_refcounts()
