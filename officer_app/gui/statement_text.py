"""What the statement editor works with besides the window: a statement not saved yet, the
exhibit labels a witness numbers on, and the runner's callbacks kept from a closed window."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from officer_app.services.statements import ExhibitRef, StatementDraft, VersionInfo
from officer_app.wording import short_datetime

LABEL = re.compile(r"^([A-Z]+)/(\d+)$")
"""An exhibit label: the producer's initials and a number, ``JS/3`` (domain.md, "Witness
statements")."""


@dataclass(frozen=True)
class NewStatement:
    """A statement not saved yet: the officer's drafted from the case, or another witness's
    typed in. Nothing is kept until the first "Save version"."""

    case_id: str
    witness_kind: str  # officer | other
    witness_name: str
    occupation: str
    age_text: str
    paragraphs: tuple[str, ...] = ()
    exhibits: tuple[ExhibitRef, ...] = ()
    period: tuple[dt.date, dt.date] | None = None  # the officer's offence period

    @classmethod
    def from_draft(cls, draft: StatementDraft) -> NewStatement:
        return cls(
            case_id=draft.case_id,
            witness_kind=draft.witness_kind,
            witness_name=draft.witness_name,
            occupation=draft.occupation,
            age_text=draft.age_text,
            paragraphs=draft.paragraphs,
            exhibits=draft.exhibits,
            period=(draft.period_from, draft.period_to),
        )


def initials_of(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isalpha()).upper() or "W"


def next_label(exhibits: list[ExhibitRef], witness_name: str) -> str:
    """The next label in the witness's numbering: the prefix of the labels already given
    (the officer's own initials), else the witness's initials; numbered on from the highest.
    An officer's provisional label is settled when the statement is signed."""
    matched = [(e, m) for e in exhibits if (m := LABEL.match(e.label))]
    numbered = [m for _e, m in matched]
    prefix = next((m[1] for e, m in matched if e.provisional), None) or initials_of(witness_name)
    top = max((int(m[2]) for m in numbered if m[1] == prefix), default=0)
    return f"{prefix}/{top + 1}"


def referring(paragraphs: list[str], label: str) -> list[int]:
    """The numbers of the paragraphs that mention an exhibit label (DO/3, not DO/30)."""
    pattern = re.compile(rf"(?<![A-Za-z0-9/]){re.escape(label)}(?![0-9])")
    return [n for n, text in enumerate(paragraphs, 1) if pattern.search(text)]


def trimmed(paragraph: str) -> str:
    """A paragraph as the service keeps it: each line's spaces tidied, line breaks kept."""
    return "\n".join(" ".join(line.split()) for line in paragraph.strip().splitlines()).strip()


def version_text(version: VersionInfo, latest: int, signed: bool) -> str:
    pages = f", {version.pages} pages" if version.pages else ""
    tail = " (signed)" if signed and version.number == latest else ""
    who = f" by {version.saved_by}" if version.saved_by else ""
    return f"Version {version.number}: {short_datetime(version.saved_at)}{who}{pages}{tail}"
