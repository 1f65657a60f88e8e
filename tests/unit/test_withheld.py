"""Addresses withheld (issue 13, point 2): set and cleared as a signed change with its reason;
the addresses a case withholds; a withheld address planted in a note, a letter and an
attachment's PDF text found in each place with its label, and never the town alone."""

from __future__ import annotations

import datetime as dt
import io
import subprocess

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import select

from officer_app.services.family_changes import FamilyChangeRefused
from officer_app.services.profile import OpenProfile
from officer_app.services.withheld import (
    CaseAttachment,
    WithheldAddress,
    WithheldAddressFound,
    attachment_texts,
    case_attachments,
    case_texts,
    find_withheld,
    pdf_text,
    refuse_withheld,
    withheld_addresses,
)
from officer_app.store import evidence
from officer_app.store.models import Adult, ChronologyEntry, Family, OutboxMutation
from tests.conftest import DEMO_TODAY
from tests.unit.test_family_changes import _family_with_two_open_cases

HOME = WithheldAddress("27 Larch Avenue", "", "Northam", "XT4 5AB", True, None, "the Test family")
OLD = WithheldAddress(
    "Flat 2", "14 High Street", "Southam", "XT9 1CD", False, dt.date(2026, 9, 1), "the Test family"
)


def _pdf(*lines: str) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    y = 780
    for line in lines:
        page.drawString(72, y, line)
        y -= 16
    page.showPage()
    page.save()
    return out.getvalue()


# --- matching, pure ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Mum now lives at 27 Larch Avenue with the children.",
        "address: 27, LARCH AVE., Northam",
        "27  larch\navenue",
        "post to XT4 5AB",
        "postcode xt45ab on the form",
        "(XT4-5AB)",
    ],
)
def test_the_current_address_is_found_however_it_is_typed(text: str) -> None:
    found = find_withheld([("Note of 12/11/2026 10:00: Call", text)], [HOME])
    assert len(found) == 1
    assert found[0].startswith("Note of 12/11/2026 10:00: Call: the ")
    assert found[0].endswith("of the current address withheld for the Test family")
    assert "Larch" not in found[0] and "XT4" not in found[0]  # never the address itself


@pytest.mark.parametrize(
    "text",
    [
        "She works in Northam and shops in Southam.",  # the towns alone
        "The family used to live on Larch Avenue.",  # the street without its number
        "Schools in the XT4 area",  # a postcode district alone
        "Room 27 at the Larch Avenue centre",  # the number and the street apart
        "127 Larch Avenue",  # another house
        "Flat 2 at the civic centre",  # a generic first line on its own
        "XT4 5AC",  # another postcode
    ],
)
def test_no_false_alarm_on_a_town_a_street_or_a_district_alone(text: str) -> None:
    assert find_withheld([("Note", text)], [HOME, OLD]) == []


def test_a_generic_first_line_is_found_with_the_second_and_both_parts_named() -> None:
    found = find_withheld(
        [
            ("Letter of 01/09/2026: Notice to Improve", "Flat 2, 14 High St, Southam XT9 1CD"),
            ("Visit", "called at 14 High Street"),
            ("Phone call", "Flat 2 Southam"),  # the first line with the town: not this address
        ],
        [HOME, OLD],
    )
    assert found == [
        "Letter of 01/09/2026: Notice to Improve: the first line and the postcode of an "
        "earlier address (to 01/09/2026) withheld for the Test family",
        "Visit: the first line of an earlier address (to 01/09/2026) withheld for the Test family",
    ]
    with pytest.raises(WithheldAddressFound, match="would appear in 2 places") as refused:
        refuse_withheld([("a", "XT9 1CD"), ("b", "xt4 5ab")], [HOME, OLD])
    assert [p.split(":")[0] for p in refused.value.places] == ["a", "b"]
    assert "XT" not in str(refused.value)
    refuse_withheld([("a", "XT9 1CD")], [])  # nothing withheld: nothing refused


def test_pdf_text_reads_a_pdf_and_says_when_there_is_nothing_to_read() -> None:
    assert "27 Larch Avenue" in pdf_text(_pdf("Referee", "27 Larch Avenue, XT4 5AB"))
    items = case_attachments_stub()
    data = {"p": _pdf("at XT4 5AB"), "s": _pdf(), "i": b"\x89PNG...", "x": b"PK\x03\x04"}
    places, unread = attachment_texts(items, data.__getitem__)
    assert [where for where, _ in places] == ["Attachment referee.pdf"]
    assert unread == [
        "Attachment scan.pdf: a PDF with no text (a scan?): look at it before serving",
        "Attachment photo.jpg: a picture, no text to read: look at it before serving",
        "Attachment bundle.zip: not a PDF or text, nothing read: look at it",
    ]


def case_attachments_stub() -> list[CaseAttachment]:
    return [
        CaseAttachment("p", "Attachment referee.pdf", "application/pdf"),
        CaseAttachment("s", "Attachment scan.pdf", "application/pdf"),
        CaseAttachment("i", "Attachment photo.jpg", "image/jpeg"),
        CaseAttachment("x", "Attachment bundle.zip", "application/zip"),
    ]


# --- on a demo profile ------------------------------------------------------------------------
def _letter_case(profile: OpenProfile) -> tuple[str, str, str]:
    """An open case of a family with two open cases, and a parent who can be written to."""
    family_id, cases = _family_with_two_open_cases(profile)
    for case_id in cases:
        people = [r for r in profile.letters.recipients(case_id) if r.can_receive]
        if people:
            return family_id, case_id, people[0].id
    raise AssertionError("no demo family with two open cases has a parent to write to")


def test_set_and_clear_are_signed_with_their_reason_on_every_open_case(
    demo_profile: OpenProfile,
) -> None:
    family_id, cases = _family_with_two_open_cases(demo_profile)
    service = demo_profile.family_changes.withheld()
    assert not service.flags(cases[0]).any
    assert demo_profile.store.read(lambda s: withheld_addresses(s, cases[0])) == []

    with pytest.raises(FamilyChangeRefused, match="needs a reason"):
        service.set_address_withheld(cases[0], True, "  ")
    with pytest.raises(FamilyChangeRefused, match="nothing to change"):
        service.set_address_withheld(cases[0], False, "not needed")
    change = service.set_address_withheld(cases[0], True, "Mother in a refuge; IDVA asked")
    assert change.subject_id == family_id and len(change.entry_ids) == len(cases)
    flags = service.flags(cases[1])
    assert flags.family and flags.any and flags.adult_ids == frozenset()
    entries = demo_profile.store.read(
        lambda s: [s.get_one(ChronologyEntry, i) for i in change.entry_ids]
    )
    family = demo_profile.store.read(lambda s: s.get_one(Family, family_id))
    for entry in entries:
        assert entry.signed_at is not None and entry.signed_by == demo_profile.officer.id
        assert entry.title.startswith("Family details: address withheld (")
        assert entry.body.endswith("- Mother in a refuge; IDVA asked")
        assert family.postcode not in entry.body and family.address_line1 not in entry.body
    withheld = demo_profile.store.read(lambda s: withheld_addresses(s, cases[0]))
    assert withheld[0].current and withheld[0].postcode == family.postcode
    assert withheld[0].whose == f"the {family.name}"

    adult_id = demo_profile.store.read(
        lambda s: s.scalar(select(Adult.id).where(Adult.family_id == family_id).limit(1))
    )
    service.set_address_withheld(cases[0], True, "she asked too", adult_id=adult_id)
    assert service.flags(cases[0]).adult_ids == {adult_id}
    cleared = service.set_address_withheld(cases[0], False, "court order: may be given")
    assert cleared.headline.startswith("Family details: address no longer withheld (")
    assert not service.flags(cases[0]).family
    # the adult still lives with the child: the family's addresses stay withheld for them
    still = demo_profile.store.read(lambda s: withheld_addresses(s, cases[0]))
    assert still and " and " not in still[0].whose and "(" in still[0].whose
    service.set_address_withheld(cases[0], False, "she agreed", adult_id=adult_id)
    assert demo_profile.store.read(lambda s: withheld_addresses(s, cases[0])) == []

    checked, breaks = demo_profile.store.read(lambda s: evidence.verify(s))
    assert checked and not breaks
    changes = demo_profile.store.read(
        lambda s: [
            (m.entity_type, m.changes)
            for m in s.scalars(select(OutboxMutation).where(OutboxMutation.op == "update"))
        ]
    )
    assert ("family", {"address_withheld": True}) in [
        (t, {k: v for k, v in c.items() if k == "address_withheld"}) for t, c in changes
    ]
    assert any(t == "adult" and c.get("address_withheld") is False for t, c in changes)


def test_a_withheld_address_planted_in_a_note_a_letter_and_a_pdf_is_found_in_each(
    demo_profile: OpenProfile,
) -> None:
    family_id, case_id, parent_id = _letter_case(demo_profile)
    moved = dt.date(2026, 10, 5)
    demo_profile.family_changes.change_address(
        case_id, "27 Larch Avenue", "", "Northam", "XT4 5AB", moved, "Mother rang: moved"
    )
    demo_profile.family_changes.withheld().set_address_withheld(
        case_id, True, "Mother fled domestic abuse; the refuge asked"
    )
    cases = demo_profile.cases
    cases.sign_note(case_id, "Mum says the new flat at 27, Larch Ave is warmer.", title="Call")
    cases.sign_note(case_id, "Mum has a new job in Northam; Larch Avenue is near it.", title="Job")
    made = demo_profile.letters.render(
        case_id,
        "meeting_invitation",
        recipient_id=parent_id,
        asks={
            "meeting_date": "2026-11-26",
            "meeting_time": "10:30",
            "meeting_place": "your home, 27 Larch Avenue, Northam",
        },
    )
    sent = demo_profile.letters.record_sent(case_id, made, sent_on=DEMO_TODAY, method="hand")
    demo_profile.attachments.add_bytes(
        case_id,
        _pdf("Letter from the housing officer", "Tenancy: 27 Larch Avenue, Northam XT45AB"),
        filename="housing.pdf",
        media_type="application/pdf",
    )
    demo_profile.attachments.add_bytes(
        case_id, b"\x89PNG\r\n\x1a\n", filename="photo.png", media_type="image/png"
    )

    addresses = demo_profile.store.read(lambda s: withheld_addresses(s, case_id))
    assert [a.current for a in addresses][:2] == [True, False]  # the old address too
    texts = demo_profile.store.read(lambda s: case_texts(s, case_id))
    items = demo_profile.store.read(lambda s: case_attachments(s, case_id))
    pdfs, unread = attachment_texts(items, demo_profile.attachments.read)
    found = find_withheld([*texts, *pdfs], addresses)

    current = "of the current address withheld for the "
    letter = f"Letter of {DEMO_TODAY:%d/%m/%Y}: {sent.title}"
    assert any(f.startswith("Note of ") and ": Call: the first line " + current in f for f in found)
    assert f"{letter}: the first line {current}" in "\n".join(found)
    assert any(
        f.startswith(f"{letter} (the copy kept): the first line and the postcode") for f in found
    )
    assert any(
        f.startswith("Attachment housing.pdf: the first line and the postcode") for f in found
    )
    assert not any(": Job:" in f for f in found)  # the town and the street alone
    assert any(f.startswith("Note of ") and "new address from 05/10/2026" in f for f in found)
    assert any("earlier address" in f for f in found)  # demo letters sent to the old address
    assert unread == ["Attachment photo.png: a picture, no text to read: look at it before serving"]
    family = demo_profile.store.read(lambda s: s.get_one(Family, family_id))
    assert all(f"the {family.name}" in f and "Larch" not in f and "XT4" not in f for f in found)

    only = demo_profile.store.read(
        lambda s: case_texts(s, case_id, entry_ids={sent.entry_id} if sent.entry_id else set())
    )
    assert [w for w, _ in only if w.startswith("Letter")] == [letter]


def test_pdf_text_converts_as_pdftotext_does() -> None:
    data = _pdf("27 Larch Avenue")
    out = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    assert b"27 Larch Avenue" in out.stdout and "27 Larch Avenue" in pdf_text(data)
