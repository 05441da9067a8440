"""Shared test setup: Qt runs offscreen (no display needed) for the tests under tests/ui."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
