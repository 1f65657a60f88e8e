"""PackService on a demo profile (issue 13, point 2): the s127 time limit at its boundary days
(the last day in time builds, the day after is refused naming the last day), a future period,
a period with no register, versions (each build a new number, never an overwrite), approval
by a court officer, a served pack frozen (by the service and by the database), the pack
recorded with its SHA-256 in a signed entry and kept encrypted, a withheld address listed
wherever it would show, and a cancelled build leaving nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import func, select, update

from officer_app.documents.pack_model import PackSection
from officer_app.documents.pack_pages import render_cover
from officer_app.documents.pages import register_fonts
from officer_app.documents.style import FONT
from officer_app.progress import Cancelled
from officer_app.services.pack_sections import PackContext, PackRequest
from officer_app.services.packs import PackRefused, PackService, WithheldAddressInPack
from officer_app.services.profile import OpenProfile
from officer_app.store.models import (
    Adult,
    Case,
    Child,
    ChronologyEntry,
    EvidencePack,
    Family,
    Officer,
)

TODAY = dt.date(2026, 11, 20)  # the demo_profile's clock


def _text_pdf(text: str) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, initialFontName=FONT)
    canvas.setFont(FONT, 11)
    canvas.drawString(72, 500, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _cover_only(request: PackRequest, _ctx: PackContext) -> list[PackSection]:
    return [PackSection("Cover sheet", "cover", lambda: render_cover(request.header))]


def _service(opened: OpenProfile, collect: Any = _cover_only) -> PackService:
    return PackService(
        opened.store,
        opened.clock,
        opened.officer.id,
        opened.attachments,
        letters=lambda: opened.letters,
        field_work=lambda: opened.field_work,
        la_name=opened.settings.la_name,
        collect=collect,
    )


def _court_case(opened: OpenProfile) -> str:
    """A case at court with a parent with parental responsibility, signed records made on
    forms and a record of interview."""

    def work(session: Any) -> str:
        for case in session.scalars(select(Case).where(Case.stage == "court")):
            child = session.get(Child, case.child_id)
            parents = session.scalar(
                select(func.count(Adult.id)).where(
                    Adult.family_id == child.family_id, Adult.parental_responsibility.is_(True)
                )
            )
            entries = session.scalars(
                select(ChronologyEntry).where(
                    ChronologyEntry.case_id == case.id, ChronologyEntry.signed_at.is_not(None)
                )
            ).all()
            forms = [e for e in entries if e.form_id]
            interviews = [e for e in entries if (e.answers or {}).get("kind") == "interview_record"]
            if parents and forms and interviews:
                return str(case.id)
        raise AssertionError("the demo has no case at court with records and an interview")

    return opened.store.read(work)


def _packs(opened: OpenProfile, case_id: str) -> int:
    return opened.store.read(
        lambda s: s.scalar(
            select(func.count(EvidencePack.id)).where(EvidencePack.case_id == case_id)
        )
    )


def test_the_last_day_in_time_builds_and_the_day_after_is_refused(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    service = _service(demo_profile)
    case_id = _court_case(demo_profile)
    late = tmp_path / "late.pdf"
    # s127 MCA 1980 read early: a period beginning 20 May 2026 could be laid until 19 November
    with pytest.raises(PackRefused, match="the last day to lay the information was 19 November"):
        service.build(case_id, offence="s444-1", period_from=dt.date(2026, 5, 20),
                      period_to=dt.date(2026, 7, 10), out=late)  # fmt: skip
    assert not late.exists() and _packs(demo_profile, case_id) == 0
    made = service.build(
        case_id,
        offence="s444-1A",
        period_from=dt.date(2026, 5, 21),
        period_to=dt.date(2026, 7, 10),
        out=tmp_path / "in time.pdf",
    )
    assert made.last_day == TODAY and made.offence == "s444_1a"
    assert (tmp_path / "in time.pdf").is_file() and (tmp_path / "in time.manifest.json").is_file()
    assert service.verify_file(tmp_path / "in time.pdf") == []


def test_a_future_period_no_register_or_a_stranger_is_refused_with_nothing_written(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    service = _service(demo_profile)
    case_id = _court_case(demo_profile)
    out = tmp_path / "pack.pdf"

    def build(**given: Any) -> None:
        asked = {"offence": "s444-1", "period_from": dt.date(2026, 9, 7),
                 "period_to": dt.date(2026, 11, 13), **given}  # fmt: skip
        service.build(case_id, out=out, **asked)

    with pytest.raises(PackRefused, match="ends on 21 November 2026, after today"):
        build(period_to=dt.date(2026, 11, 21))
    with pytest.raises(PackRefused, match=r"there is no register for .* import the school"):
        build(period_from=dt.date(2026, 8, 3), period_to=dt.date(2026, 8, 28))  # the holiday
    with pytest.raises(PackRefused, match=r"starts .* after it ends"):
        build(period_from=dt.date(2026, 11, 13), period_to=dt.date(2026, 9, 7))
    with pytest.raises(PackRefused, match="'s444-2' is not an offence"):
        build(offence="s444-2")
    stranger = demo_profile.store.read(
        lambda s: s.scalar(select(Adult.id).where(Adult.family_id != _family(s, case_id)))
    )
    with pytest.raises(PackRefused, match=r"is not a parent of .* with parental responsibility"):
        build(defendant_ids=[stranger])
    with pytest.raises(PackRefused, match=r"give a .pdf file"):
        service.build(case_id, offence="s444-1", period_from=dt.date(2026, 9, 7),
                      period_to=dt.date(2026, 11, 13), out=tmp_path / "pack.docx")  # fmt: skip
    assert [p.name for p in tmp_path.iterdir()] == ["profile"] and _packs(
        demo_profile, case_id
    ) == 0


def _family(session: Any, case_id: str) -> str:
    return str(session.get(Child, session.get(Case, case_id).child_id).family_id)


def test_each_build_is_a_new_version_and_a_served_pack_is_frozen(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    service = _service(demo_profile)
    case_id = _court_case(demo_profile)
    period = {"offence": "s444-1", "period_from": dt.date(2026, 9, 7),
              "period_to": dt.date(2026, 11, 13)}  # fmt: skip
    first = service.build(case_id, out=tmp_path / "one.pdf", **period)
    second = service.build(case_id, out=tmp_path / "two.pdf", **period)
    assert (first.number, second.number) == (1, 2)
    assert second.reference == first.reference[:-1] + "2" and first.reference.endswith("/P1")
    assert first.status == "draft" and len(first.defendant_ids) >= 1

    with pytest.raises(PackRefused, match="cannot approve a pack: a court officer"):
        service.approve(first.id)  # the demo's own officer is an attendance officer
    court_officer = demo_profile.store.read(
        lambda s: s.scalar(select(Officer.id).where(Officer.role == "court_officer"))
    )
    with pytest.raises(PackRefused, match="must be approved before it is served"):
        service.serve(first.id, TODAY, "post")
    approved = service.approve(first.id, approver_id=court_officer)
    assert approved.status == "approved" and approved.approved_by
    with pytest.raises(PackRefused, match="'fax' is not a way of serving"):
        service.serve(first.id, TODAY, "fax")
    served = service.serve(first.id, TODAY, "post")
    assert (served.status, served.served_on, served.served_method) == ("served", TODAY, "post")

    with pytest.raises(PackRefused, match="was served on 20 November 2026: it cannot be changed"):
        service.approve(first.id, approver_id=court_officer)
    with pytest.raises(PackRefused, match="cannot be changed"):
        service.serve(first.id, TODAY, "hand")
    with pytest.raises(Exception, match="a served evidence pack cannot be changed"):
        demo_profile.store.write_wait(
            lambda s: s.execute(
                update(EvidencePack).where(EvidencePack.id == first.id).values(sha256="0" * 64)
            )
        )
    third = service.build(case_id, out=tmp_path / "one.pdf", **period)  # the same file name
    assert third.number == 3 and service.pack(first.id) == served
    assert [p.number for p in service.packs(case_id)] == [1, 2, 3]
    titles = demo_profile.store.read(
        lambda s: [
            e.title
            for e in s.scalars(
                select(ChronologyEntry)
                .where(ChronologyEntry.case_id == case_id, ChronologyEntry.entry_type == "court")
                .where(ChronologyEntry.title.like("Evidence pack %"))
                .order_by(ChronologyEntry.chain_seq)
            )
        ]
    )
    ref = first.reference
    assert titles == [f"Evidence pack {ref} built", f"Evidence pack {second.reference} built",
                      f"Evidence pack {ref} approved", f"Evidence pack {ref} served",
                      f"Evidence pack {third.reference} built"]  # fmt: skip


def test_a_pack_from_the_case_is_recorded_signed_and_kept_encrypted(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    case_id = _court_case(demo_profile)
    out = tmp_path / "pack.pdf"
    seen: list[float] = []
    made = demo_profile.packs.build(
        case_id,
        offence="s444-1",
        period_from=dt.date(2026, 9, 7),
        period_to=dt.date(2026, 11, 13),
        out=out,
        progress=lambda p: seen.append(p.fraction),
    )
    data = out.read_bytes()
    assert made.sha256 == hashlib.sha256(data).hexdigest() and made.out == out
    assert seen and seen == sorted(seen)
    assert demo_profile.packs.verify_file(out) == []
    kinds = [s["kind"] for s in _manifest(demo_profile, made.id)["sections"]]
    assert kinds[:2] == ["cover", "index"] and "record" in kinds and "interview" in kinds
    assert demo_profile.attachments.read(made.attachment_id or "") == data
    entry = demo_profile.store.read(
        lambda s: s.scalar(
            select(ChronologyEntry).where(
                ChronologyEntry.title == f"Evidence pack {made.reference} built"
            )
        )
    )
    assert entry.signed_at is not None and entry.content_hash
    assert f"SHA-256 of the PDF: {made.sha256}" in entry.body


def _manifest(opened: OpenProfile, pack_id: str) -> dict[str, Any]:
    return opened.store.read(lambda s: dict(s.get(EvidencePack, pack_id).manifest))


def test_a_withheld_address_stops_the_build_listing_every_place(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    case_id = _court_case(demo_profile)

    def withhold(session: Any) -> tuple[str, str]:
        family = session.get(Family, _family(session, case_id))
        family.address_withheld = True
        return family.address_line1, family.postcode

    line1, postcode = demo_profile.store.write_wait(withhold)

    def collect(request: PackRequest, ctx: PackContext) -> list[PackSection]:
        return [
            *_cover_only(request, ctx),
            PackSection("Letter: attendance concern", "letter", _text_pdf(f"To: {line1}, Town")),
            PackSection("Note of a call", "record", b"", text=f"moved to {postcode.lower()}"),
            PackSection("School report", "exhibit", _text_pdf("Nothing to see here")),
        ]

    out = tmp_path / "pack.pdf"
    with pytest.raises(WithheldAddressInPack) as refused:
        _service(demo_profile, collect).build(
            case_id, offence="s444-1", period_from=dt.date(2026, 9, 7),
            period_to=dt.date(2026, 11, 13), out=out,
        )  # fmt: skip
    assert [p.rsplit(": ", 1)[0] for p in refused.value.places] == [
        "Letter: attendance concern, page 1",
        "Note of a call, page 1",
    ]
    assert "2 places" in str(refused.value)
    assert not out.exists() and _packs(demo_profile, case_id) == 0


def test_a_cancelled_build_leaves_nothing(demo_profile: OpenProfile, tmp_path: Path) -> None:
    case_id = _court_case(demo_profile)
    out = tmp_path / "pack.pdf"
    with pytest.raises(Cancelled):
        _service(demo_profile).build(
            case_id, offence="s444-1", period_from=dt.date(2026, 9, 7),
            period_to=dt.date(2026, 11, 13), out=out, cancelled=lambda: True,
        )  # fmt: skip
    assert [p.name for p in tmp_path.iterdir()] == ["profile"] and _packs(
        demo_profile, case_id
    ) == 0
