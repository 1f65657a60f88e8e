"""The later sections of the record of interview (:mod:`.interview_pdf`): the interview
event by event (questions and answers drawn fast by :mod:`.interview_timeline`), the
documents shown, the plan's topics, the closing (PACE Code C 11.11: invited to read, each
disagreement an addendum in the person's words and never an edit, signed or refused), the
signature blocks with lines for ink, the electronic seal and the amendments.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from officer_app.documents.interview_timeline import PAD_X, Line, Row, header_row, wrap_text
from officer_app.documents.record_body import UNANSWERED
from officer_app.documents.style import (
    CONTENT_W,
    FONT,
    INK,
    MUTED,
    RULE,
    markup,
)
from officer_app.domain.interview import Event, EventKind
from officer_app.wording import long_datetime

if TYPE_CHECKING:
    pass


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
)

__all__ = [
    "amendments",
    "closing",
    "documents_shown",
    "questions_and_answers",
    "seal",
    "signatures",
    "topics",
]


# -- the interview, event by event -----------------------------------------------------------

_SHADED = frozenset({EventKind.START, EventKind.END, EventKind.BREAK_START, EventKind.BREAK_END})
_DURING = frozenset(EventKind) - {EventKind.READ, EventKind.ADDENDUM, EventKind.SIGNATURE}


def _event_text(r: Reading, event: Event) -> tuple[str, str]:
    """(the mark in the Q/A column, the text as markup) of one event of the interview."""
    kind = event.kind
    if kind is EventKind.QUESTION:
        text = markup(event.text)
        if event.reason:
            text += (
                "<br/><font color='#595959'>Asked before the caution because: "
                f"{markup(event.reason)}</font>"
            )
        return "Q", text
    if kind is EventKind.ANSWER:
        return "A", markup(event.text)
    if kind is EventKind.START:
        return "", bold("Interview started.") + (f" {markup(event.text)}" if event.text else "")
    if kind is EventKind.END:
        return "", bold("Interview ended.") + (f" {markup(event.text)}" if event.text else "")
    if kind is EventKind.BREAK_START:
        return "", bold("Break.") + f" Reason: {markup(event.reason)}"
    if kind is EventKind.BREAK_END:
        return "", bold("Interview resumed.")
    if kind is EventKind.CAUTION:
        understood = "said they understood" if event.flag else "did not say they understood"
        reply = f" Reply: \u201c{markup(event.response)}\u201d" if event.response else ""
        return "", bold("Cautioned") + f" in the words above; the person {understood}.{reply}"
    if kind is EventKind.REMINDER:
        return "", bold("Reminded that they remain under caution.")
    if kind is EventKind.STATEMENT:
        reply = markup(event.response or "no reply recorded")
        text = (
            f"{bold('Significant statement put:')} \u201c{markup(event.text)}\u201d Reply: {reply}"
        )
        if event.reason:
            text += f" <font color='#595959'>(before the caution: {markup(event.reason)})</font>"
        return "", text
    if kind is EventKind.EXHIBIT:
        text = f"{bold('Document shown:')} exhibit {markup(event.ref)}, {markup(event.text)}"
        return "", text
    return "", f"{bold(kind.label + '.')} {markup(event.text)}"


def questions_and_answers(r: Reading, s: Sections) -> list[Flowable]:
    """Every event from the start to the end, in order: questions (Q) and answers (A) as
    plain rows drawn fast (:mod:`.interview_timeline`), the rest as paragraphs."""
    events = [e for e in r.events if e.kind in _DURING]
    time_w, offset_w, mark_w = 24 * mm, 19 * mm if r.audio else 0.0, 7 * mm
    widths = [time_w, *([offset_w] if r.audio else []), mark_w]
    widths.append(CONTENT_W - sum(widths))
    text_w = widths[-1] - 2 * PAD_X
    head = ["Time", *(["Recording"] if r.audio else []), "", "What was said and done"]
    out = s.heading("Questions and answers", room=45 * mm)
    out.append(
        plain(
            "Every question (Q) and answer (A) as recorded at the time, in order, with the time "
            "each was begun; breaks, cautions and documents shown in their place.",
            "note",
        )
    )
    out += [Spacer(1, 3), header_row(widths, head)]
    for event in events:
        mark, text = _event_text(r, event)
        stamp = [r.clock_lines(event.at)]
        if r.audio:
            stamp.append([Line(r.offset(event.at))])
        body: list[Line] | Paragraph
        if mark:
            body = [Line(line) for line in wrap_text(event.text, text_w)]
            if event.reason:
                why = f"Asked before the caution because: {event.reason}"
                body += [Line(line, color=MUTED) for line in wrap_text(why, text_w)]
        else:
            body = marked(text)
        shaded = event.kind in _SHADED
        out.append(Row(widths, stamp, mark, body, shaded=shaded, rule_above=mark == "Q"))
    if not events:
        out.append(plain("No event is recorded.", "note"))
    return out


# -- documents and topics --------------------------------------------------------------------


def documents_shown(r: Reading, s: Sections) -> list[Flowable]:
    shown: dict[str, list[str]] = {}
    for event in r.of_kind(EventKind.EXHIBIT):
        shown.setdefault(event.ref, []).append(r.stamp(event.at))
    rows = []
    listed = set()
    for doc in r.answers.get("documents") or []:
        label = str(doc.get("exhibit", ""))
        listed.add(label)
        times = shown.get(label)
        rows.append(
            [
                marked(bold(label or UNANSWERED)),
                plain(str(doc.get("title", ""))),
                plain(", ".join(times) if times else "Not shown"),
            ]
        )
    for event in r.of_kind(EventKind.EXHIBIT):
        if event.ref not in listed:
            listed.add(event.ref)
            rows.append(
                [marked(bold(event.ref)), plain(event.text), plain(", ".join(shown[event.ref]))]
            )
    out = s.heading("Documents shown")
    if not rows:
        return [*out, plain("No document was shown.", "note")]
    widths = [24 * mm, CONTENT_W - 74 * mm, 50 * mm]
    return [*out, grid(("Exhibit", "Document", "Shown at"), rows, widths)]


def topics(r: Reading, s: Sections) -> list[Flowable]:
    rows = []
    for topic in r.answers.get("topics") or []:
        covered = topic.get("covered") is True
        rows.append(
            [
                plain(str(topic.get("label", ""))),
                plain(str(topic.get("source", "")) or "Officer's topic"),
                marked(bold("Yes") if covered else "No"),
            ]
        )
    out = s.heading("Topics of the interview plan")
    if not rows:
        return [*out, plain("The plan listed no topics.", "note")]
    widths = [CONTENT_W - 76 * mm, 58 * mm, 18 * mm]
    return [*out, grid(("Topic", "Provision", "Covered"), rows, widths)]


# -- the closing, signatures, seal, amendments -----------------------------------------------


def closing(r: Reading, s: Sections) -> list[Flowable]:
    """The closing (PACE Code C 11.11): invited to read, disagreements as addenda, signed
    or refused. An addendum stands apart from the record, in the person's words."""
    rows = []
    for event in r.of_kind(EventKind.READ):
        how = (
            "They were invited to read the record and read it themselves."
            if event.by == "self"
            else "They were invited to read the record and had it read to them."
        )
        rows.append([marked(r.stamp_cell(event.at)), plain(how)])
    for number, event in enumerate(r.of_kind(EventKind.ADDENDUM), start=1):
        text = (
            f"<b>Addendum {number}: what they disagree with</b>, in their words (the record "
            f"above is not changed): \u201c{markup(event.text)}\u201d"
        )
        rows.append([marked(r.stamp_cell(event.at)), marked(text)])
    for event in r.of_kind(EventKind.SIGNATURE):
        who = ROLE_NAMES.get(event.by, event.by)
        if event.flag:
            text = f"{bold(who)} signed the record as correct."
        else:
            text = f"{bold(who)} <b>refused to sign</b> the record."
            if event.text:
                text += f" Their words: \u201c{markup(event.text)}\u201d"
        rows.append([marked(r.stamp_cell(event.at)), marked(text)])
    out = s.heading("Closing: reading and signing the record")
    if not rows:
        return [*out, plain("No closing is recorded.", "note")]
    stamp_w = STAMP_W
    return [*out, grid(("Time", "What happened"), rows, [stamp_w, CONTENT_W - stamp_w])]


def signatures(r: Reading, s: Sections) -> list[Flowable]:
    """A block for everyone who signs, with what was recorded and lines for ink."""
    signers: list[tuple[str, str, str]] = []  # (event signer, role label, name)
    for key, role in (("interviewee", "interviewee"), ("interviewer", "interviewer")):
        signers.append((key, ROLE_NAMES[role], r.name_of(role)))
    if r.name_of("second"):
        signers.append(("second", ROLE_NAMES["second"], r.name_of("second")))
    for role in ("interpreter", "appropriate_adult", "solicitor"):
        if r.name_of(role):
            signers.append(("", ROLE_NAMES[role], r.name_of(role)))
    blocks: list[Flowable] = []
    for key, role, name in signers:
        event = next((e for e in r.of_kind(EventKind.SIGNATURE) if key and e.by == key), None)
        if event is None:
            recorded = "No signature recorded in the interview."
        elif event.flag:
            recorded = f"Signed at {r.when(event.at)}."
        else:
            recorded = f"Refused to sign at {r.when(event.at)}."
        who = f"{bold(role)}<br/>{markup(name or UNANSWERED)}"
        data = [
            [marked(who), "", "", ""],
            [
                plain(recorded, "note"),
                plain("Signature", "label"),
                "",
                plain("Date and time", "label"),
            ],
        ]
        table = Table(
            data,
            colWidths=[58 * mm, 66 * mm, 8 * mm, CONTENT_W - 132 * mm],  # a gap between lines
            rowHeights=[14 * mm, None],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ("LINEBELOW", (1, 0), (1, 0), 0.7, INK),
                    ("LINEBELOW", (3, 0), (3, 0), 0.7, INK),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.25, RULE),
                ]
            ),
            hAlign="LEFT",
        )
        blocks += [KeepTogether([table]), Spacer(1, 7)]
    intro = plain(
        "Each person signs below in ink on the printed record; the times recorded in the "
        "interview are shown beside their names.",
        "note",
    )
    return [*s.heading("Signatures", room=70 * mm), intro, Spacer(1, 4), *blocks]


def seal(r: Reading, s: Sections) -> list[Flowable]:
    doc = r.doc
    body: list[Flowable] = [
        marked(
            f"Sealed into the case's evidence chain as exhibit <b>{markup(doc.exhibit)}</b> "
            f"by <b>{markup(doc.signed_by)}</b>, on "
            f"{markup(long_datetime(doc.signed_at, weekday=True))}.",
            "sign",
        ),
        Spacer(1, 3),
        marked(f"Electronically signed; SHA-256 {escape(doc.content_hash)}", "hash"),
        Spacer(1, 2),
        plain(
            "The SHA-256 fingerprint identifies the sealed record exactly: any change to it "
            "would give a different fingerprint.",
            "note",
        ),
    ]
    return [*s.heading("Electronic seal", room=40 * mm), KeepTogether(body)]


def amendments(r: Reading, s: Sections) -> list[Flowable]:
    amendments = r.doc.amendments
    if not amendments:
        return []
    out = s.heading("Amendments", room=50 * mm)
    out += [
        plain(
            "The record above is printed as it was sealed. Each amendment below was signed "
            "separately; none of them changes the original.",
            "note",
        ),
        Spacer(1, 4),
    ]
    for index, amendment in enumerate(amendments, start=1):
        title = (
            f"Amendment {index}, signed by {amendment.signed_by}, "
            f"{long_datetime(amendment.signed_at, weekday=True)}"
        )
        out += [
            CondPageBreak(25 * mm),
            plain(title, "subheading"),
            pairs([("Reason", amendment.reason), ("Correction", amendment.text)]),
        ]
    return out
