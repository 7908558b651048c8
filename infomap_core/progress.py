"""A progress display of the trials of a run: trials done, best codelength so far, elapsed time.

Drawn with ``rich`` on stderr, and only when both stdout and stderr are terminals (a run
whose output goes to a file or a pipe gets no progress lines) and the caller has not asked
for silence. :func:`trial_progress` returns a callable ``update(done, total, best)`` and must
be used as a context manager so the display is closed when the run ends or fails.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator

__all__ = ["trial_progress", "progress_wanted"]

Update = Callable[[int, int, float], None]


def progress_wanted(silent: bool) -> bool:
    """True when a progress display makes sense: not silent, stdout and stderr are terminals."""
    return not silent and sys.stdout.isatty() and sys.stderr.isatty()


@contextmanager
def trial_progress(total: int, enabled: bool) -> Iterator[Update]:
    """A context whose value is ``update(done, total, best_codelength)``; a no-op when not enabled."""
    if not enabled:
        yield lambda done, total, best: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("trials"), BarColumn(), MofNCompleteColumn(),
               TextColumn("best {task.fields[best]}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("trials", total=total, best="-")

        def update(done: int, total: int, best: float) -> None:
            progress.update(task, completed=done, total=total, best=f"{best:.9f} bits")

        yield update
