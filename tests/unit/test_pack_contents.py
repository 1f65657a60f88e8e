"""An evidence pack and the officer's signed statement agree (issue 13): every exhibit label
the statement produces is in the pack under that label (a label sheet when the pack holds no
copy), and every exhibit label stamped in the pack is produced by a statement; the pack
carries the statement, the certificate, the register extract and the unused-material
schedule, which lists the statement's earlier draft."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from officer_app.domain.interview import Offence
from officer_app.services.profile import OpenProfile
from officer_app.store.models import ChronologyEntry


def _interviewed_case(profile: OpenProfile) -> str:
    def work(session):  # type: ignore[no-untyped-def]
        for entry in session.scalars(
            select(ChronologyEntry).where(ChronologyEntry.entry_type == "interview")
        ):
            if (entry.answers or {}).get("kind") == "interview_record":
                return entry.case_id
        raise AssertionError("the demo has no record of interview")

    found: str = profile.store.read(work)
    return found


def test_the_statement_and_the_pack_agree_on_every_exhibit(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    case_id = _interviewed_case(demo_profile)
    statements = demo_profile.statements
    start, end = dt.date(2026, 9, 21), dt.date(2026, 11, 13)  # in time on 20 November 2026
    draft = statements.draft_for_officer(case_id, period_from=start, period_to=end)
    made = statements.create(
        case_id,
        witness_kind="officer",
        witness_name=draft.witness_name,
        occupation=draft.occupation,
        age_text=draft.age_text,
        paragraphs=draft.paragraphs,
        exhibits=draft.exhibits,
    )
    statements.save_version(
        made.id, (*draft.paragraphs, "I have nothing further to add."), version=made.version
    )
    signed = statements.sign(made.id)
    produced = {ref.label for ref in signed.exhibits}
    assert produced, "the drafted statement produces exhibits"

    out = tmp_path / "pack.pdf"
    pack = demo_profile.packs.build(
        case_id,
        offence=Offence.S444_1A,
        period_from=draft.period_from,
        period_to=draft.period_to,
        out=out,
    )
    manifest = json.loads(out.with_suffix(".manifest.json").read_text())
    in_pack = {s["exhibit"] for s in manifest["sections"] if s["exhibit"]}
    assert produced <= in_pack, produced - in_pack
    assert in_pack <= produced, in_pack - produced
    kinds = [s["kind"] for s in manifest["sections"]]
    assert kinds.index("statement") < kinds.index("certificate") < kinds.index("register")
    assert kinds[-1] == "unused"
    reader = PdfReader(out)
    assert len(reader.pages) == pack.pages
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert f"Witness statement of {draft.witness_name}" in text
    for label in produced:
        assert f"Exhibit {label}" in text or label in text
    # the first version differs from the signed one: listed as unused material (disclosure)
    unused = manifest["sections"][-1]
    pages = range(unused["first_page"] - 1, unused["last_page"])
    schedule = " ".join(reader.pages[n].extract_text() or "" for n in pages)
    assert "version 1" in schedule.lower() or "draft" in schedule.lower()


def test_a_withheld_address_in_letters_a_note_and_an_exhibit_stops_the_build(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    import pytest

    from officer_app.services.exhibits import new_exhibit
    from officer_app.services.packs import WithheldAddressInPack
    from officer_app.store.models import Case, Child, Family
    from tests.unit.test_packs_service import _text_pdf

    case_id = _interviewed_case(demo_profile)
    person = next(p for p in demo_profile.letters.recipients(case_id) if p.can_receive)
    made = demo_profile.letters.render(
        case_id, "attendance_concern", recipient_id=person.id,
        asks={"contact_by": "2026-11-27"}, dated=dt.date(2026, 11, 20),
    )  # fmt: skip
    demo_profile.letters.record_sent(case_id, made, sent_on=dt.date(2026, 11, 20), method="post")

    def withhold(session):  # type: ignore[no-untyped-def]
        case = session.get_one(Case, case_id)
        family = session.get_one(Family, session.get_one(Child, case.child_id).family_id)
        family.address_withheld = True
        return family.address_line1, family.postcode

    line1, postcode = demo_profile.store.write_wait(withhold)
    # a note whose title carries the postcode (listed as unused material) …
    demo_profile.cases.sign_note(
        case_id, "Phone call about where the family may stay.",
        title=f"Mum's sister lives near {postcode}",
    )  # fmt: skip
    # … and a scan produced as an exhibit whose text has the first line
    scan = tmp_path / "school-report.pdf"
    scan.write_bytes(_text_pdf(f"Report sent home to {line1}"))
    attached = demo_profile.attachments.add(case_id, scan)

    def label(session):  # type: ignore[no-untyped-def]
        new_exhibit(
            session, case_id, demo_profile.officer.id, "School report", demo_profile.clock.now(),
            attachment_id=attached.id,
        )  # fmt: skip

    demo_profile.store.write_wait(label)
    out = tmp_path / "pack.pdf"
    with pytest.raises(WithheldAddressInPack) as refused:
        demo_profile.packs.build(
            case_id, offence=Offence.S444_1, period_from=dt.date(2026, 9, 21),
            period_to=dt.date(2026, 11, 13), out=out,
        )  # fmt: skip
    places = refused.value.places
    assert any(p.startswith("Letter") for p in places), places
    assert any(p.startswith("school-report.pdf") for p in places), places
    assert any(p.startswith("Schedule of unused material") for p in places), places
    assert all(line1 not in p and postcode not in p for p in places)  # never the address
    assert not out.exists()
