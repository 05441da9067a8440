"""Background work on a QThreadPool (after git-cola's Task/RunTask).

A job is a plain function `fn(store, job)` that runs in a pool thread with *its own* Store
(connection), opened for the job and closed after it; the GUI thread's Store is never
shared. Results, progress and errors come back as signals on a QObject that lives in the GUI
thread, so a worker never touches a widget.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from quotecheck import QuoteCheckError
from quotecheck.store import Store

log = logging.getLogger(__name__)


class JobSignals(QObject):
    progress = Signal(int, int, str)  # done, total, what
    finished = Signal(object)  # the function's return value
    failed = Signal(str, str)  # message, details (a traceback for unexpected errors)
    partial = Signal(object)  # an early part of the result (e.g. the first page of rows)
    done = Signal()  # after finished or failed


class Job(QRunnable):
    """One unit of background work. `cancel()` asks it to stop at its next progress call; an
    `interruptible` job (a read-only query) is also interrupted inside SQLite at once."""

    def __init__(
        self,
        db_path: str,
        fn: Callable[[Store, Job], Any],
        *,
        read_only: bool = False,
        interruptible: bool = False,
        name: str = "job",
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Runner keeps the Python object until `done`
        self.db_path = db_path
        self.fn = fn
        self.read_only = read_only
        self.interruptible = interruptible
        self.name = name
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._store: Store | None = None  # while fn runs, for interrupting it

    def cancel(self) -> None:
        self._cancel.set()
        if self.interruptible:
            with self._lock:
                if self._store is not None:
                    # sqlite3's interrupt() is safe from another thread: the running
                    # statement fails with "interrupted" and the job ends as cancelled.
                    self._store.db.conn.interrupt()

    def partial(self, value: Any) -> None:
        """Called by the job function to hand an early part of its result to the GUI."""
        self.signals.partial.emit(value)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int, what: str = "") -> bool:
        """Called by the job function; returns False once the job was cancelled."""
        self.signals.progress.emit(done, total, what)
        return not self._cancel.is_set()

    def run(self) -> None:
        try:
            store = Store(self.db_path, read_only=self.read_only)
        except QuoteCheckError as exc:
            self.signals.failed.emit(str(exc), "")
            self.signals.done.emit()
            return
        except Exception as exc:
            log.exception("%s: cannot open %s", self.name, self.db_path)
            self.signals.failed.emit(f"cannot open the database: {exc}", traceback.format_exc())
            self.signals.done.emit()
            return
        with self._lock:
            self._store = store
        try:
            if self._cancel.is_set() and self.interruptible:
                raise _Cancelled
            result = self.fn(store, self)
        except QuoteCheckError as exc:
            self.signals.failed.emit(str(exc), "")
        except Exception as exc:
            if self._cancel.is_set() and self.interruptible:
                self.signals.failed.emit("cancelled", "")
            else:
                log.exception("%s failed", self.name)
                self.signals.failed.emit(f"{type(exc).__name__}: {exc}", traceback.format_exc())
        else:
            self.signals.finished.emit(result)
        finally:
            with self._lock:
                self._store = None
            store.close()
        self.signals.done.emit()


class _Cancelled(Exception):
    """A cancelled interruptible job that had not started its work yet."""


class Runner(QObject):
    """Starts jobs and keeps them alive until they are done.

    `submit_latest(slot, job)`: at most one job per slot runs at a time and only the newest
    waiting one is kept, so typing fast in the search box never builds a queue of stale
    queries.
    """

    idle = Signal()

    def __init__(self, parent: QObject | None = None, max_threads: int = 3) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._live: set[Job] = set()
        self._running_slot: dict[str, Job] = {}
        self._waiting_slot: dict[str, Job] = {}
        self._by_signals: dict[QObject, Job] = {}

    def start(self, job: Job) -> Job:
        self._live.add(job)
        self._by_signals[job.signals] = job
        # A bound slot of this GUI-thread object: the call is queued to the GUI thread.
        job.signals.done.connect(self._on_done)
        self.pool.start(job)
        return job

    def submit_latest(self, slot: str, job: Job, *, interrupt: bool = False) -> Job:
        """Run `job` when the slot's running job is done (`interrupt`: cancel that one now)."""
        if slot in self._running_slot:
            old = self._waiting_slot.get(slot)
            if old is not None:
                old.cancel()
            self._waiting_slot[slot] = job
            if interrupt:
                self._running_slot[slot].cancel()
            return job
        self._running_slot[slot] = job
        return self.start(job)

    @Slot()
    def _on_done(self) -> None:
        job = self._by_signals.pop(self.sender(), None)
        if job is not None:
            self._finished(job)

    def _finished(self, job: Job) -> None:
        self._live.discard(job)
        for slot, running in list(self._running_slot.items()):
            if running is job:
                del self._running_slot[slot]
                waiting = self._waiting_slot.pop(slot, None)
                if waiting is not None:
                    self._running_slot[slot] = waiting
                    self.start(waiting)
        if not self._live:
            self.idle.emit()

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def cancel_all(self) -> None:
        for job in list(self._live) + list(self._waiting_slot.values()):
            job.cancel()
        self._waiting_slot.clear()

    def wait(self, msecs: int = 30000) -> bool:
        return bool(self.pool.waitForDone(msecs))
