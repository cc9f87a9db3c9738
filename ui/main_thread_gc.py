"""Python's cycle collector runs on the UI thread only.

CPython collects cycles in whichever thread happens to allocate. When that is
the database worker, a cycle holding a Qt wrapper (a closed form, a lambda
that kept its widget) is destroyed off the UI thread, and Qt deletes a widget
from the wrong thread: the UI thread crashes later, far from the cause (seen
as a segfault while the worker was building a query). So, as Anki and other
PyQt applications do, automatic collection is off and a timer on the UI
thread collects instead; reference counting still frees everything else at
once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

# Often enough that cycles never pile up; a young-generation pass costs well
# under a millisecond.
COLLECT_INTERVAL_MS = 1_000


class MainThreadGarbageCollector(QObject):
    """Turns automatic collection off and collects on its timer, on its own thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(COLLECT_INTERVAL_MS)

    @Slot()
    def collect(self) -> None:
        """Collect the generations whose allocation count passed its threshold."""
        young, middle, old = gc.get_count()
        if young > self._threshold[0]:
            generation = 0
            if middle > self._threshold[1]:
                generation = 2 if old > self._threshold[2] else 1
            gc.collect(generation)


def collect_on_main_thread(parent: QObject) -> MainThreadGarbageCollector:
    """Install the collector once for ``parent`` (the application)."""
    existing = parent.findChild(MainThreadGarbageCollector)
    return existing if existing is not None else MainThreadGarbageCollector(parent)
