"""Console progress for long steps: a bar that moves while the model loads and while passages are embedded."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

T = TypeVar("T")


def load_with_spinner(load: Callable[[], T], text: str, interval: float = 0.2) -> T:
    """Run ``load()`` while a bar counts the seconds it takes (the model load gives no progress of its own)."""
    from tqdm import tqdm

    done = threading.Event()
    bar = tqdm(desc=text, unit="s", bar_format="{desc}: {elapsed}", leave=False)

    def tick() -> None:
        while not done.wait(interval):
            bar.refresh()

    thread = threading.Thread(target=tick, daemon=True)
    thread.start()
    try:
        return load()
    finally:
        done.set()
        thread.join()
        bar.close()


class ProgressBar:
    """``update(done, total)`` as the indexer reports it, shown as a tqdm bar."""

    def __init__(self, text: str, disable: bool = False):
        self.text = text
        self.disable = disable
        self._bar: Any = None
        self._started = time.monotonic()

    def __enter__(self) -> ProgressBar:
        from tqdm import tqdm

        self._bar = tqdm(total=0, unit="text", desc=self.text, disable=self.disable)
        return self

    def update(self, done: int, total: int) -> None:
        if self._bar is None:
            return
        self._bar.total = total
        self._bar.n = done
        self._bar.refresh()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.close()
