"""The single database worker: service calls run one at a time, off the UI thread.

STYLE.md, "Serialise database work, keep the UI thread free": like Anki's
collection executor, one thread runs every submitted task in order, and results
come back to the UI thread by a queued signal, so callbacks may touch widgets.

A task is a plain function ``task(control) -> result``. ``control`` lets long
work report progress and notice that it was cancelled (it should then return
early; its result is dropped). Tasks submitted with the same ``key`` supersede
each other: only the latest one's result is delivered (search as you type).

``DatabaseWorker(immediate=True)`` runs each task at once on the calling thread
and calls back before ``submit`` returns (Picard's test pool), for deterministic
tests and scripts.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QThreadPool, Signal, Slot

from contactdesk.errors import ContactDeskError

log = logging.getLogger(__name__)

Task = Callable[["TaskControl"], Any]
SuccessCallback = Callable[[Any], None]
FailureCallback = Callable[[BaseException], None]
ProgressCallback = Callable[[int, int], None]


class TaskControl:
    """What a running task sees: a cancel flag and a progress reporter. Thread-safe."""

    def __init__(self, report: Callable[[int, int], None]) -> None:
        self._cancelled = threading.Event()
        self._report = report

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def report_progress(self, done: int, total: int) -> None:
        """Tell the UI how far the task got; delivered on the UI thread."""
        if not self.cancelled:
            self._report(done, total)


@dataclass(eq=False)
class TaskHandle:
    """A submitted task. ``cancel()`` sets its flag and drops its result."""

    task: Task
    key: str | None
    on_success: SuccessCallback | None
    on_failure: FailureCallback | None
    on_progress: ProgressCallback | None
    control: TaskControl = field(init=False)
    done: bool = False

    def cancel(self) -> None:
        self.control.cancel()

    @property
    def cancelled(self) -> bool:
        return self.control.cancelled


@dataclass(frozen=True)
class _Outcome:
    result: Any = None
    error: BaseException | None = None


class DatabaseWorker(QObject):
    """Runs database tasks one at a time on its own thread; lives on the UI thread."""

    # Emitted from the worker thread; connected to this object's slots, which
    # Qt therefore runs on the thread this object lives on (the UI thread).
    _finished = Signal(object, object)
    _progressed = Signal(object, int, int)
    # Tells scripts and tests that every submitted result has been delivered.
    became_idle = Signal()

    def __init__(self, parent: QObject | None = None, *, immediate: bool = False) -> None:
        super().__init__(parent)
        self._immediate = immediate
        self._pool = QThreadPool(self)
        # One thread: tasks are serialised, as the store's writers expect.
        self._pool.setMaxThreadCount(1)
        self._pending: set[TaskHandle] = set()
        self._latest: dict[str, TaskHandle] = {}
        self._finished.connect(self._deliver)
        self._progressed.connect(self._deliver_progress)

    def submit(
        self,
        task: Task,
        *,
        on_success: SuccessCallback | None = None,
        on_failure: FailureCallback | None = None,
        on_progress: ProgressCallback | None = None,
        key: str | None = None,
    ) -> TaskHandle:
        """Queue ``task``; callbacks run later on the UI thread (at once if immediate)."""
        handle = TaskHandle(task, key, on_success, on_failure, on_progress)
        handle.control = TaskControl(lambda done, total: self._progressed.emit(handle, done, total))
        if key is not None:
            superseded = self._latest.get(key)
            if superseded is not None:
                superseded.cancel()
            self._latest[key] = handle
        self._pending.add(handle)
        if self._immediate:
            self._deliver(handle, self._execute(handle))
        else:
            self._pool.start(lambda: self._run_on_worker_thread(handle))
        return handle

    def cancel(self, key: str) -> None:
        """Cancel the latest task submitted under ``key``; its result will not arrive."""
        handle = self._latest.pop(key, None)
        if handle is not None:
            handle.cancel()

    @property
    def is_idle(self) -> bool:
        return not self._pending

    def wait_until_idle(self, timeout_ms: int = 30_000) -> bool:
        """Block until queued tasks ran and their results were delivered (scripts, tests)."""
        deadline = QDeadlineTimer(timeout_ms)
        while self._pending and not deadline.hasExpired():
            self._pool.waitForDone(20)
            QCoreApplication.processEvents()
        return not self._pending

    def shutdown(self) -> None:
        """Cancel what is queued and wait for the running task; call before closing the store."""
        for handle in list(self._pending):
            handle.cancel()
        self._pool.clear()
        self._pool.waitForDone()
        self._pending.clear()
        self._latest.clear()

    # -- worker thread --------------------------------------------------------

    def _run_on_worker_thread(self, handle: TaskHandle) -> None:
        self._finished.emit(handle, self._execute(handle))

    @staticmethod
    def _execute(handle: TaskHandle) -> _Outcome:
        if handle.cancelled:
            return _Outcome()
        try:
            return _Outcome(result=handle.task(handle.control))
        except Exception as error:  # every failure goes back to the UI, never kills the thread
            if not isinstance(error, ContactDeskError):
                log.exception("database task failed")
            return _Outcome(error=error)

    # -- UI thread --------------------------------------------------------------

    @Slot(object, object)
    def _deliver(self, handle: TaskHandle, outcome: _Outcome) -> None:
        handle.done = True
        self._pending.discard(handle)
        if handle.key is not None and self._latest.get(handle.key) is handle:
            del self._latest[handle.key]
        try:
            if handle.cancelled:
                return
            if outcome.error is not None:
                if handle.on_failure is not None:
                    handle.on_failure(outcome.error)
            elif handle.on_success is not None:
                handle.on_success(outcome.result)
        finally:
            if not self._pending:
                self.became_idle.emit()

    @Slot(object, int, int)
    def _deliver_progress(self, handle: TaskHandle, done: int, total: int) -> None:
        if not handle.cancelled and handle.on_progress is not None:
            handle.on_progress(done, total)
