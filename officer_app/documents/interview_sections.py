"""The sections of the record of interview (:mod:`.interview_pdf`), read from the sealed
answers (:func:`officer_app.services.interview_rows.record_answers`) and laid out in the
order a magistrate reads them: the summary, the times, the recording media (audio), who was
present, the rights and the caution, the significant statements, the questions and answers,
the documents shown, the topics, the closing, the signatures, the seal and the amendments.

Sources of what is shown: PACE Code C 3.21-3.22 (not under arrest, free to leave, legal
advice), 10.5 (the caution's words), 10.8 (after a break), 11.4 (significant statements),
11.7-11.11 (times, those present, reading and signing, refusals); Code E (audio: master and
working copies, the master's seal). domain.md, "Interview under caution (PACE)".

Times are clock times (24-hour, UK time); one on another day than the start carries its
date. In an audio summary each also gives its time into the recording, from the start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from officer_app.clock import uk_local
from officer_app.documents.record_body import UNANSWERED
from officer_app.documents.style import (
    CONTENT_W,
    FILL,
    FONT,
    NAVY,
    RULE,
    markup,
    record_style,
)
from officer_app.domain.interview import CAUTION, Event, EventKind
from officer_app.wording import long_date

if TYPE_CHECKING:
    from officer_app.documents.interview_pdf import InterviewDocument


from officer_app.documents.interview_conduct import (
    amendments,
    closing,
    documents_shown,
    questions_and_answers,
    seal,
    signatures,
    topics,
)
from officer_app.documents.interview_layout import (
    ROLE_NAMES,
    STAMP_W,
    Reading,
    Sections,
    bold,
    grid,
    marked,
    pairs,
    plain,
    when,
)

__all__ = ["ROLE_NAMES", "story", "when"]


# -- the summary -----------------------------------------------------------------------------


def _summary(r: Reading) -> Table:
    doc, a = r.doc, r.answers

    def label(text: str) -> Paragraph:
        return plain(text, "summary_label")

    def value(text: str) -> Paragraph:
        return plain(text or UNANSWERED, "summary_value")

    person = a.get("interviewee") or {}
    period = _period(a)
    day = long_date(uk_local(r.start).date(), weekday=True) if r.start else UNANSWERED
    at_home = (a.get("place_kind") or r.opening.get("place_kind")) == "home"
    place = str(a.get("place", "")) + (" (the person's home)" if at_home else "")
    dob = f"born {long_date(doc.child_dob)}" if doc.child_dob else "date of birth not recorded"
    recording = (
        "Audio recording; this is its summary record"
        if r.audio
        else "Written record, made at the time of the interview"
    )
    data: list[list[Any]] = [
        [label("Person interviewed"), value(str(person.get("name", ""))), "", ""],
        [label("Offence considered"), value(str(a.get("offence_label", ""))), "", ""],
        [label("Offence period"), value(period), "", ""],
        [
            label("Date"),
            value(day),
            label("Exhibit"),
            marked(bold(doc.exhibit or UNANSWERED), "summary_value"),
        ],
        [label("Place"), value(place), "", ""],
        [label("Child"), value(f"{doc.child_name}, {dob}"), label("School"), value(doc.school)],
        [
            label("Interviewer"),
            value(r.name_of("interviewer") or doc.interviewer),
            label("Second officer"),
            value(r.name_of("second") or "None"),
        ],
        [label("Record"), value(recording), "", ""],
    ]
    drop = record_style("summary_value").fontSize - record_style("summary_label").fontSize
    pad = 4.5
    style = TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, -1), FILL),
            ("BOX", (0, 0), (-1, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("LEFTPADDING", (0, 0), (0, -1), 2 * pad),
            ("TOPPADDING", (0, 0), (-1, 0), 7),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (0, -1), 2.5 + drop),
            ("TOPPADDING", (2, 0), (2, -1), 2.5 + drop),
            ("TOPPADDING", (0, 0), (0, 0), 7 + drop),
            *[("SPAN", (1, row), (-1, row)) for row in (0, 1, 2, 4, 7)],
        ]
    )
    widths = [36 * mm, 68 * mm, 27 * mm, CONTENT_W - 131 * mm]
    return Table(data, colWidths=widths, style=style, hAlign="LEFT")


def _period(a: Mapping[str, Any]) -> str:
    try:
        start = dt.date.fromisoformat(str(a.get("period_from")))
        end = dt.date.fromisoformat(str(a.get("period_to")))
    except ValueError:
        return UNANSWERED
    return f"{long_date(start)} to {long_date(end)}"


# -- times and media -------------------------------------------------------------------------


def _times(r: Reading, s: Sections) -> list[Flowable]:
    rows: list[tuple[str, Paragraph | str]] = []
    rows.append(("Started", r.stamp(r.start) if r.start else "Not recorded"))
    breaks = _breaks(r.events)
    for number, (begun, ended, reason) in enumerate(breaks, start=1):
        until = r.stamp(ended) if ended is not None else "not recorded"
        rows.append(
            (
                f"Break {number}",
                marked(f"{markup(r.stamp(begun))} to {markup(until)}<br/>Reason: {markup(reason)}"),
            )
        )
    if not breaks:
        rows.append(("Breaks", "None"))
    end = r.first(EventKind.END)
    rows.append(("Ended", r.stamp(end.at) if end else "Not recorded"))
    if r.start is not None and end is not None:
        rows.append(("Length", _length(r.start, end.at, breaks)))
    return [*s.heading("Times"), pairs(rows)]


def _length(
    start: dt.datetime,
    end: dt.datetime,
    breaks: Sequence[tuple[dt.datetime, dt.datetime | None, str]],
) -> str:
    def span(seconds: float) -> str:
        minutes = int(seconds // 60)
        return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"

    total = (end - start).total_seconds()
    paused = sum(((b or end) - a).total_seconds() for a, b, _ in breaks)
    if not breaks:
        return span(total)
    return f"{span(total)} from start to end, of which {span(paused)} in breaks"


def _breaks(events: Sequence[Event]) -> list[tuple[dt.datetime, dt.datetime | None, str]]:
    out: list[tuple[dt.datetime, dt.datetime | None, str]] = []
    for event in events:
        if event.kind is EventKind.BREAK_START:
            out.append((event.at, None, event.reason))
        elif event.kind is EventKind.BREAK_END and out and out[-1][1] is None:
            out[-1] = (out[-1][0], event.at, out[-1][2])
    return out


def _media(r: Reading, s: Sections) -> list[Flowable]:
    """The recording's media (PACE Code E): the master, sealed, and the working copy."""
    o = r.opening
    rows: list[tuple[str, Paragraph | str]] = [
        ("Master recording", str(o.get("master_media", ""))),
        ("Master's seal number", str(o.get("master_seal", ""))),
        ("Working copy", str(o.get("working_media", ""))),
        (
            "Times into the recording",
            "Each time below is the clock time, then the time into the recording "
            "(hours:minutes:seconds from the start of the interview).",
        ),
    ]
    return [*s.heading("Recording media"), pairs(rows)]


def _present(r: Reading, s: Sections) -> list[Flowable]:
    rows = []
    for person in r.present():
        role = str(person.get("role", ""))
        detail = str(person.get("detail", ""))
        if detail:
            detail = {
                "solicitor": f"Firm: {detail}",
                "interpreter": f"Language: {detail}",
                "appropriate_adult": f"Relationship or role: {detail}",
            }.get(role, detail)
        rows.append(
            [
                plain(ROLE_NAMES.get(role, role)),
                plain(str(person.get("name", ""))),
                plain(detail or ""),
            ]
        )
    widths = [42 * mm, 62 * mm, CONTENT_W - 104 * mm]
    return [*s.heading("Persons present"), grid(("Role", "Name", "Detail"), rows, widths)]


# -- rights and the caution ------------------------------------------------------------------

_LEGAL = {
    "declined": "They declined legal advice.",
    "requested": "They asked for legal advice.",
    "solicitor_present": "A solicitor was present.",
}


def _told(value: Any, said: str) -> str:
    return said if value is True else f"Not recorded as told: {said[0].lower()}{said[1:]}"


def _rights(r: Reading, s: Sections) -> list[Flowable]:
    o = r.opening
    at_home = o.get("place_kind") == "home" or r.answers.get("place_kind") == "home"
    identity = _told(
        o.get("identities_confirmed"),
        "Everyone present said who they are; the person's identity was confirmed.",
    )
    if o.get("identity_notes"):
        identity += f" {o['identity_notes']}"
    if at_home:
        leave = _told(
            o.get("told_may_ask_to_leave"),
            "Told that, in their own home, they may ask the officers to leave at any time.",
        )
    else:
        leave = _told(o.get("told_free_to_leave"), "Told they are free to leave at any time.")
    legal = _told(
        o.get("told_legal_advice"),
        "Told of the right to free and independent legal advice, now or at any time.",
    )
    answer = _LEGAL.get(str(o.get("legal_advice", "")), "Their answer was not recorded.")
    if o.get("legal_advice") == "solicitor_present":
        answer += f" {o.get('solicitor_name', '')}, {o.get('solicitor_firm', '')}."
    if o.get("legal_advice_words"):
        answer += f" In their words: \u201c{o['legal_advice_words']}\u201d"
    interpreter = (
        f"{o.get('interpreter_name', '')}, interpreting {o.get('interpreter_language', '')}."
        if o.get("interpreter_present") is True
        else "None present."
    )
    adult = (
        f"{o.get('appropriate_adult_name', '')} ({o.get('appropriate_adult_relationship', '')})."
        if o.get("appropriate_adult_present") is True
        else "None present."
    )
    rows: list[tuple[str, Paragraph | str]] = [
        ("Identity", identity),
        ("Arrest", _told(o.get("told_not_under_arrest"), "Told they are not under arrest.")),
        ("Free to leave", leave),
        ("Legal advice", legal),
        ("Their answer", answer),
        ("Interpreter", interpreter),
        ("Appropriate adult", adult),
    ]
    out = [*s.heading("Rights and the caution"), pairs(rows), Spacer(1, 6)]
    out += _caution(r)
    return out


def _caution(r: Reading) -> list[Flowable]:
    """The caution's exact words once, boxed (PACE Code C 10.5), then every time it was
    given and every reminder after a break (Code C 10.8)."""
    words = str(r.answers.get("caution") or CAUTION)
    box = Table(
        [
            [marked(bold("The caution, in these words:"), "label")],
            [marked(f"\u201c{markup(words)}\u201d")],
        ],
        colWidths=[CONTENT_W],
        style=TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, NAVY),
                ("BACKGROUND", (0, 0), (-1, -1), FILL),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        ),
        hAlign="LEFT",
    )
    rows = []
    for event in r.of_kind(EventKind.CAUTION, EventKind.REMINDER):
        if event.kind is EventKind.CAUTION:
            understood = (
                "They said they understood it."
                if event.flag
                else "They did not say they understood it; it was explained."
            )
            text = f"Caution given in full. {understood}"
            if event.response:
                text += f" Their reply: \u201c{event.response}\u201d"
        else:
            text = "After the break: reminded that they remain under caution."
            if event.text and event.text != "You are still under caution.":
                text += f" Words used: \u201c{event.text}\u201d"
        rows.append([marked(r.stamp_cell(event.at)), plain(text)])
    if not rows:
        rows.append([plain(UNANSWERED), plain("No caution is recorded.")])
    stamp_w = STAMP_W
    table = grid(("Time", "Caution given"), rows, [stamp_w, CONTENT_W - stamp_w])
    return [KeepTogether([box, Spacer(1, 6), table])]


# -- significant statements ------------------------------------------------------------------


def _statements(r: Reading, s: Sections) -> list[Flowable]:
    put = r.of_kind(EventKind.STATEMENT)
    planned = [x for x in r.answers.get("statements") or [] if isinstance(x, Mapping)]
    said_on = {str(x.get("text", "")): str(x.get("said_on", "")) for x in planned}
    rows = []
    for event in put:
        made = _said_on(said_on.get(event.text, ""))
        text = f"<b>Statement:</b> \u201c{markup(event.text)}\u201d"
        if made:
            text += f"<br/><font color='#595959'>Made before the interview: {markup(made)}</font>"
        text += f"<br/><b>Reply:</b> {markup(event.response or 'No reply recorded.')}"
        rows.append([marked(r.stamp_cell(event.at)), marked(text)])
    put_texts = {e.text for e in put}
    for item in planned:
        if str(item.get("text", "")) not in put_texts:
            rows.append(
                [
                    plain("Not put"),
                    marked(f"<b>Statement:</b> \u201c{markup(str(item.get('text', '')))}\u201d"),
                ]
            )
    out = s.heading("Significant statements put")
    if not rows:
        return [*out, plain("No significant statement was put.", "note")]
    stamp_w = STAMP_W
    return [*out, grid(("Time", "Statement and reply"), rows, [stamp_w, CONTENT_W - stamp_w])]


def _said_on(text: str) -> str:
    """``2026-10-02 09:40`` (as the plan keeps it) as ``2 October 2026 at 09:40``."""
    day, _, time = text.partition(" ")
    try:
        written = long_date(dt.date.fromisoformat(day))
    except ValueError:
        return text
    return f"{written} at {time}" if time else written


def story(document: InterviewDocument) -> list[Flowable]:
    """Every section of the record of interview, in order."""
    r = Reading.of(document)
    s = Sections()
    out: list[Flowable] = [_summary(r)]
    out += _times(r, s)
    if r.audio:
        out += _media(r, s)
    for section in (
        _present,
        _rights,
        _statements,
        questions_and_answers,
        documents_shown,
        topics,
        closing,
        seal,
        signatures,
        amendments,
    ):
        out += section(r, s)
    return out
