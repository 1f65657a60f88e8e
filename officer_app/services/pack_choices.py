"""What the pack builder in the window asks before it builds (issue 13, point 4): the
defendants to tick, who may approve, a period to start from, and the contents a pack would
have as a checklist; and a built pack read back or saved with its manifest beside it.

Plain data and blocking reads (a worker's), used by :class:`~officer_app.services.packs.
PackService` (``choices``, ``read_pdf``, ``save_copy`` here in :class:`PackCopies`;
``contents`` there, beside the checks it shares with ``build``)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import Clock
from officer_app.documents.destination import DestinationRefused, check_destination, write_file
from officer_app.documents.pack_model import PackSection, sha256_hex
from officer_app.services.pack_info import PackRefused
from officer_app.services.pack_sections import is_fixed
from officer_app.services.statement_facts import default_period
from officer_app.store import audit
from officer_app.store.database import Store
from officer_app.store.models import Adult, Case, Child, EvidencePack, Officer

if TYPE_CHECKING:
    from officer_app.services.attachments import AttachmentService

__all__ = [
    "APPROVER_ROLES",
    "Approver",
    "Defendant",
    "KeptPack",
    "PackChoices",
    "PackContent",
    "PackCopies",
    "contents_of",
    "defendants_named",
    "gather_choices",
    "manifest_bytes",
    "read_kept_pack",
]

APPROVER_ROLES = ("court_officer", "supervisor")
"""Who may approve a pack for service (issue 13: "approved by a court officer"; a supervisor
too, as for legal intervention). domain.md does not say; this is the app's reading."""
ROLE_WORDS = {"court_officer": "court officer", "supervisor": "supervisor", "officer": "officer"}


@dataclass(frozen=True)
class Defendant:
    """A parent of the child with parental responsibility (issue 13: the defendants)."""

    id: str
    name: str
    address_withheld: bool


@dataclass(frozen=True)
class Approver:
    id: str
    name: str
    role: str  # "court officer", "supervisor", "officer"
    may_approve: bool


@dataclass(frozen=True)
class PackChoices:
    """What the builder opens with, gathered on a worker."""

    case_id: str
    case_reference: str
    child_name: str
    today: dt.date
    defendants: tuple[Defendant, ...]
    period_from: dt.date  # a period to start from (statement_facts.default_period)
    period_to: dt.date
    period_source: str  # "interview plan", "penalty notice", "last 70 days", "last pack"
    offence: str  # "s444_1" | "s444_1a": the last pack's, else s444(1)
    approvers: tuple[Approver, ...]  # the acting officer first, then who may approve
    officer_id: str


@dataclass(frozen=True)
class PackContent:
    """One line of the builder's checklist: a section the pack would have."""

    key: str
    title: str
    kind: str
    exhibit: str | None
    fixed: bool  # always in a pack (cannot be ticked off)


def contents_of(sections: list[PackSection]) -> list[PackContent]:
    return [
        PackContent(s.key, s.title, s.kind, s.exhibit, is_fixed(s.key)) for s in sections if s.key
    ]


def parents_of(session: Session, child: Child) -> list[Adult]:
    """The child's parents with parental responsibility now, by name."""
    if not child.family_id:
        return []
    return list(
        session.scalars(
            select(Adult)
            .where(
                Adult.family_id == child.family_id,
                Adult.parental_responsibility.is_(True),
                Adult.ended_on.is_(None),
            )
            .order_by(Adult.surname, Adult.forename)
        )
    )


def defendants_named(session: Session, child: Child, given: tuple[str, ...]) -> list[Adult]:
    """The adults named, each a parent of the child with parental responsibility (domain.md,
    issue 13: "each parent with parental responsibility"); none named: every such parent."""
    parents = parents_of(session, child)
    if not given:
        if not parents:
            raise PackRefused(
                f"{child.forename} {child.surname} has no parent with parental responsibility "
                "recorded: name the defendant"
            )
        return parents
    by_id = {adult.id: adult for adult in parents}
    chosen: list[Adult] = []
    for adult_id in dict.fromkeys(given):
        if adult_id not in by_id:
            adult = session.get(Adult, adult_id)
            name = f"{adult.forename} {adult.surname}" if adult else repr(adult_id)
            raise PackRefused(
                f"{name} is not a parent of {child.forename} {child.surname} with parental "
                "responsibility on this case"
            )
        chosen.append(by_id[adult_id])
    return chosen


def gather_choices(session: Session, case_id: str, officer_id: str, today: dt.date) -> PackChoices:
    case = session.get(Case, case_id)
    if case is None:
        raise PackRefused(f"no case with id {case_id}")
    child = session.get_one(Child, case.child_id)
    parents = parents_of(session, child)
    last = session.scalar(
        select(EvidencePack)
        .where(EvidencePack.case_id == case_id)
        .order_by(EvidencePack.number.desc())
        .limit(1)
    )
    if last is not None:
        first, end, source, offence = last.period_from, last.period_to, "last pack", last.offence
    else:
        first, end, source = default_period(session, case_id, today)
        offence = "s444_1"
    acting = session.get_one(Officer, officer_id)
    others = session.scalars(
        select(Officer).where(Officer.role.in_(APPROVER_ROLES), Officer.id != officer_id)
    ).all()
    approvers = tuple(
        Approver(o.id, o.name, ROLE_WORDS.get(o.role, o.role), o.role in APPROVER_ROLES)
        for o in (acting, *sorted(others, key=lambda o: o.name))
    )
    return PackChoices(
        case_id=case.id,
        case_reference=case.reference,
        child_name=f"{child.forename} {child.surname}",
        today=today,
        defendants=tuple(
            Defendant(a.id, f"{a.forename} {a.surname}", bool(a.address_withheld)) for a in parents
        ),
        period_from=first,
        period_to=end,
        period_source=source,
        offence=offence,
        approvers=approvers,
        officer_id=officer_id,
    )


@dataclass(frozen=True)
class KeptPack:
    """A built pack as the case keeps it: its reference, PDF and manifest."""

    reference: str
    pdf: bytes
    manifest: dict[str, Any]


def read_kept_pack(store: Store, attachments: AttachmentService, pack_id: str) -> KeptPack:
    """The pack's kept PDF, checked against the SHA-256 the case recorded when it was built."""

    def work(session: Session) -> tuple[str, str, str | None, dict[str, Any]]:
        row = session.get(EvidencePack, pack_id)
        if row is None:
            raise PackRefused(f"no evidence pack with id {pack_id}")
        return row.reference, row.sha256, row.attachment_id, dict(row.manifest or {})

    reference, sha256, attachment_id, manifest = store.read(work)
    if not attachment_id:
        raise PackRefused(f"pack {reference}: no copy of it is kept on the case")
    data = attachments.read(attachment_id)
    if sha256_hex(data) != sha256:
        raise PackRefused(f"pack {reference}: the copy kept does not match its SHA-256")
    return KeptPack(reference, data, manifest)


def manifest_bytes(manifest: dict[str, Any], pdf_name: str) -> bytes:
    """The manifest kept beside a saved copy, naming the file it is beside (the name is not
    part of what is hashed: documents/pack_manifest.py)."""
    body = dict(manifest)
    pdf = dict(body.get("pdf") or {})
    pdf["file"] = pdf_name
    body["pdf"] = pdf
    return (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


class PackCopies:
    """The pack builder's reads and a kept pack's copies, for :class:`~officer_app.services.
    packs.PackService` (which holds these attributes)."""

    _store: Store
    _clock: Clock
    _officer_id: str
    _attachments: AttachmentService

    def choices(self, case_id: str) -> PackChoices:
        """What the pack builder opens with: the defendants, a period, who may approve."""
        today = self._clock.today()
        return self._store.read(
            lambda session: gather_choices(session, case_id, self._officer_id, today)
        )

    def read_pdf(self, pack_id: str) -> bytes:
        """The pack's PDF as kept on the case (checked against its SHA-256), for a preview."""
        return read_kept_pack(self._store, self._attachments, pack_id).pdf

    def save_copy(self, pack_id: str, out: Path) -> Path:
        """Save the kept pack as ``FILE.pdf`` with ``FILE.manifest.json`` beside it (audited
        as an export); ``pack verify`` passes on the two."""
        from officer_app.documents.pack_manifest import manifest_path

        try:
            target = check_destination(Path(out), (".pdf",))
        except DestinationRefused as exc:
            raise PackRefused(str(exc)) from exc
        kept = read_kept_pack(self._store, self._attachments, pack_id)
        try:
            write_file(target, kept.pdf)
            try:
                write_file(manifest_path(target), manifest_bytes(kept.manifest, target.name))
            except BaseException:
                with contextlib.suppress(OSError):
                    target.unlink()
                raise
        except DestinationRefused as exc:
            raise PackRefused(str(exc)) from exc
        self._store.write_wait(
            lambda session: audit.record(
                session, "export", entity_type="evidence_pack", entity_id=pack_id,
                detail={"copy": True, "bytes": len(kept.pdf)},
            )
        )  # fmt: skip
        return target
