"""The database worker: serial tasks off the UI thread, results on it, stale ones dropped."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from contactdesk.errors import ValidationError
from ui.database_worker import DatabaseWorker


def test_results_arrive_on_the_ui_thread_from_another_thread(qtbot) -> None:
    worker = DatabaseWorker()
    ran_on: list[threading.Thread] = []
    delivered_on: list[QThread] = []

    def task(control):
        ran_on.append(threading.current_thread())
        return 42

    worker.submit(task, on_success=lambda result: delivered_on.append(QThread.currentThread()))
    qtbot.waitUntil(lambda: len(delivered_on) == 1)
    assert ran_on[0] is not threading.main_thread()
    assert delivered_on[0] is worker.thread()
    worker.shutdown()


def test_only_the_latest_task_under_a_key_delivers_its_result(qtbot) -> None:
    worker = DatabaseWorker()
    gate = threading.Event()
    results: list[str] = []
    worker.submit(lambda control: gate.wait(5))  # holds the single thread
    worker.submit(lambda control: "first", key="search", on_success=results.append)
    worker.submit(lambda control: "second", key="search", on_success=results.append)
    gate.set()
    assert worker.wait_until_idle()
    assert results == ["second"]
    worker.shutdown()


def test_cancelling_a_key_drops_its_pending_result(qtbot) -> None:
    worker = DatabaseWorker()
    gate = threading.Event()
    results: list[str] = []
    worker.submit(lambda control: gate.wait(5))
    worker.submit(lambda control: "stale", key="search", on_success=results.append)
    worker.cancel("search")
    gate.set()
    assert worker.wait_until_idle()
    assert results == []
    worker.shutdown()


def test_a_running_task_sees_its_cancel_flag(qtbot) -> None:
    worker = DatabaseWorker()
    started, finish = threading.Event(), threading.Event()
    seen: list[bool] = []

    def long_task(control):
        started.set()
        finish.wait(5)
        seen.append(control.cancelled)

    handle = worker.submit(long_task)
    assert started.wait(5)
    handle.cancel()
    finish.set()
    worker.wait_until_idle()
    assert seen == [True]
    worker.shutdown()


def test_tasks_run_one_at_a_time_in_submission_order(qtbot) -> None:
    worker = DatabaseWorker()
    order: list[int] = []
    for number in range(20):
        worker.submit(lambda control, n=number: order.append(n))
    assert worker.wait_until_idle()
    assert order == list(range(20))
    worker.shutdown()


def test_an_error_reaches_on_failure_with_its_message(qtbot) -> None:
    worker = DatabaseWorker(immediate=True)
    failures: list[BaseException] = []

    def failing(control):
        raise ValidationError("contact.email", "not an email address")

    worker.submit(failing, on_failure=failures.append)
    assert str(failures[0]) == "contact.email: not an email address"


def test_progress_reports_reach_the_ui_thread(qtbot) -> None:
    worker = DatabaseWorker()
    reports: list[tuple[int, int]] = []

    def counting(control):
        for done in range(1, 4):
            control.report_progress(done, 3)

    worker.submit(counting, on_progress=lambda done, total: reports.append((done, total)))
    assert worker.wait_until_idle()
    qtbot.waitUntil(lambda: len(reports) == 3)
    assert reports == [(1, 3), (2, 3), (3, 3)]
    worker.shutdown()


def test_immediate_worker_calls_back_before_submit_returns(qtbot) -> None:
    worker = DatabaseWorker(immediate=True)
    results: list[int] = []
    worker.submit(lambda control: 7, on_success=results.append)
    assert results == [7]
    assert worker.is_idle
