"""QuoteCheck core: extraction, storage, matching and export. Never imports Qt."""

__version__ = "0.1.0"


class QuoteCheckError(Exception):
    """An expected error caused by the user's input or environment; shown as a plain message."""
