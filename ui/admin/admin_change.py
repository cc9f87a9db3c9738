"""Running one governance service call from an admin page: on the worker, one unit of work.

Every admin action is exactly one service call (so it commits or fails as a
whole); a refusal is shown in the page's InlineError for the input it names,
or the page's general one, and the admin's input is left as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from contactdesk.services.changes import ChangeSet
from ui.database_worker import DatabaseWorker, TaskControl
from ui.forms.error_target import error_field, error_text
from ui.forms.inline_error import InlineError


def submit_admin_change(
    worker: DatabaseWorker,
    call: Callable[[], ChangeSet],
    general_error: InlineError,
    *,
    field_errors: Mapping[str, InlineError] | None = None,
    on_done: Callable[[ChangeSet], None] | None = None,
    on_refused: Callable[[], None] | None = None,
) -> None:
    """Run ``call`` on the worker. ``field_errors`` maps ``entity.field`` names to labels."""
    targets = dict(field_errors or {})
    general_error.clear_message()
    for label in targets.values():
        label.clear_message()

    def task(control: TaskControl) -> ChangeSet:
        return call()

    def failed(error: BaseException) -> None:
        target = targets.get(error_field(error) or "")
        if target is not None:
            target.show_message(error_text(error))
        else:
            general_error.show_message(str(error))
        if on_refused is not None:
            on_refused()

    worker.submit(task, on_success=on_done, on_failure=failed)
