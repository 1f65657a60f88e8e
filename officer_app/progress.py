"""Progress of a long job: core generators yield these; the window shows a bar and a Cancel."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    message: str = ""

    @property
    def fraction(self) -> float:
        return 0.0 if self.total <= 0 else min(1.0, self.done / self.total)


class Cancelled(Exception):
    """The person asked the job to stop; nothing it had not finished was kept."""
