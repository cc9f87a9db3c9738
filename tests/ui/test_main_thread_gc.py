"""The cycle collector runs on the UI thread, never on the database worker's."""

from __future__ import annotations

import gc
import threading
from typing import Any

from ui.database_worker import DatabaseWorker
from ui.main_thread_gc import MainThreadGarbageCollector, collect_on_main_thread


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_app_turns_automatic_collection_off_and_installs_one_collector(qapp: Any) -> None:
    first = collect_on_main_thread(qapp)
    assert collect_on_main_thread(qapp) is first
    assert qapp.findChildren(MainThreadGarbageCollector) == [first]
    assert not gc.isenabled()


def test_cycles_made_on_the_worker_are_freed_on_the_ui_thread(qapp: Any, qtbot: Any) -> None:
    collect_on_main_thread(qapp)
    collected_on: list[str] = []

    def note(phase: str, info: dict[str, Any]) -> None:
        if phase == "stop":
            collected_on.append(threading.current_thread().name)

    worker = DatabaseWorker()
    gc.callbacks.append(note)
    try:
        # Far more cycles than the young generation's threshold: with automatic
        # collection on, the worker's thread would collect while allocating.
        handle = worker.submit(lambda control: [_Cycle() for _ in range(50_000)] and None)
        qtbot.waitUntil(lambda: handle.done, timeout=10_000)
        qtbot.wait(1_500)  # one tick of the collector's timer
    finally:
        gc.callbacks.remove(note)
        worker.shutdown()
    assert collected_on, "the timer collected nothing"
    assert set(collected_on) == {threading.main_thread().name}
