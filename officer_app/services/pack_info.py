"""What the evidence packs' service answers and refuses with (issue 13, point 2): plain data
(:class:`PackInfo`) and the one-line refusals, apart from :mod:`officer_app.services.packs`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from officer_app.domain.time_limits import last_day_to_lay
from officer_app.store.models import EvidencePack

__all__ = ["PackInfo", "PackRefused", "WithheldAddressInPack", "pack_info"]


class PackRefused(ValueError):
    """The pack cannot be built, approved or served as asked; the message says why."""


class WithheldAddressInPack(PackRefused):
    """The pack would show an address that is withheld; ``places`` lists every place."""

    def __init__(self, places: Sequence[str]) -> None:
        self.places = tuple(places)
        super().__init__(
            f"the pack would show a withheld address in {len(self.places)} place"
            f"{'s' * (len(self.places) != 1)}: " + "; ".join(self.places)
        )


@dataclass(frozen=True)
class PackInfo:
    id: str
    case_id: str
    number: int
    reference: str
    offence: str  # s444_1 | s444_1a
    period_from: dt.date
    period_to: dt.date
    last_day: dt.date  # to lay the information (s127 MCA 1980)
    defendant_ids: tuple[str, ...]
    status: str  # draft | approved | served
    approved_by: str  # a name, or ""
    approved_at: dt.datetime | None
    served_on: dt.date | None
    served_method: str
    sha256: str
    pages: int
    built_at: dt.datetime
    built_by: str  # a name
    attachment_id: str | None
    sections: int
    out: Path | None = None  # where :meth:`PackService.build` wrote it


def pack_info(row: EvidencePack, names: dict[str, str]) -> PackInfo:
    return PackInfo(
        id=row.id,
        case_id=row.case_id,
        number=row.number,
        reference=row.reference,
        offence=row.offence,
        period_from=row.period_from,
        period_to=row.period_to,
        last_day=last_day_to_lay(row.period_from),
        defendant_ids=tuple(row.defendants or ()),
        status=row.status,
        approved_by=names.get(row.approved_by or "", ""),
        approved_at=row.approved_at,
        served_on=row.served_on,
        served_method=row.served_method,
        sha256=row.sha256,
        pages=row.pages,
        built_at=row.built_at,
        built_by=names.get(row.built_by or "", ""),
        attachment_id=row.attachment_id,
        sections=len((row.manifest or {}).get("sections", ())),
    )
