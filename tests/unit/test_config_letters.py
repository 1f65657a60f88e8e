"""The letters' settings: the LA's letterhead and its own templates folder, checked like the
other settings (file, key, problem)."""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path

import pytest

from officer_app.config import ConfigError, Letterhead, load_settings

# A 1x1 PNG: enough for a logo that exists and is an image.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg=="
)

LETTERHEAD = """
[letterhead]
name_lines = ["Eastmoor Borough Council", "Education Welfare Service"]
address_lines = ["Town Hall", "High Street", "Eastmoor", "XT9 9ZZ"]
phone = "0113 496 0500"
email = "ews@eastmoor.example"
website = "www.eastmoor.example/ews"
logo = "logo.png"
payment_instructions = "Pay at www.eastmoor.example/pay quoting the notice number."
officer_title = "Education Welfare Officer"
"""


def test_the_default_letterhead_is_the_demo_one(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "settings.toml")
    assert settings.letterhead == Letterhead()
    assert settings.letterhead.is_demo and settings.letterhead.authority == "Northam City Council"
    assert settings.letters_folder is None


def test_an_la_sets_its_letterhead_and_letters_folder(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(PNG)
    (tmp_path / "letters").mkdir()
    path = tmp_path / "settings.toml"
    path.write_text('letters_folder = "letters"\n' + LETTERHEAD, encoding="utf-8")
    settings = load_settings(path)
    head = settings.letterhead
    assert settings.letters_folder == (tmp_path / "letters").resolve()
    assert head.name_lines == ("Eastmoor Borough Council", "Education Welfare Service")
    assert head.authority == "Eastmoor Borough Council" and not head.is_demo
    assert head.logo == (tmp_path / "logo.png").resolve()
    assert head.officer_title == "Education Welfare Officer"


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (("letters_folder", 'letters_folder = "nowhere"\n'), "letters_folder"),
        (('phone = "0113 496 0500"\n', ""), "missing phone"),
        (('name_lines = ["Eastmoor Borough Council", "Education Welfare Service"]\n',
          "name_lines = []\n"), "name_lines"),
        (('email = "ews@eastmoor.example"\n', 'email = "not an email"\n'), "email"),
        (('logo = "logo.png"\n', 'logo = "logo.svg"\n'), "a PNG or JPEG"),
        (('logo = "logo.png"\n', 'logo = "missing.png"\n'), "is not a file"),
        (('officer_title = "Education Welfare Officer"\n', 'officer_titel = "x"\n'),
         "unknown setting(s): officer_titel"),
    ],
)  # fmt: skip
def test_letterhead_mistakes_are_named_with_file_and_key(
    tmp_path: Path, change: tuple[str, str], says: str
) -> None:
    (tmp_path / "logo.png").write_bytes(PNG)
    old, new = change
    text = LETTERHEAD.replace(old, new) if old in LETTERHEAD else new + LETTERHEAD
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        load_settings(path)
    assert str(path) in str(refused.value) and says in str(refused.value)


def test_a_logo_is_printed_on_the_letterhead(tmp_path: Path) -> None:
    from PIL import Image

    from officer_app.documents.letter_pdf import LetterDocument, render_letter_bytes
    from officer_app.letters.model import BlockKind, FilledBlock, FilledLetter, Segment

    logo = tmp_path / "logo.png"
    Image.new("RGB", (400, 160), (31, 78, 121)).save(logo)
    letter = FilledLetter(
        "Test", "A subject", (FilledBlock(BlockKind.PARAGRAPH, ((Segment("Hello."),),)),)
    )

    def render(head: Letterhead) -> bytes:
        document = LetterDocument(
            head, ("Ms A Parent", "1 Road", "TOWN", "XT1 1AA"), "ATT-2026-00001",
            dt.date(2026, 11, 20), "Dana Okafor", "Officer", "", "Dear Ms Parent", letter,
        )  # fmt: skip
        return render_letter_bytes(document)[0]

    plain, with_logo = render(Letterhead()), render(Letterhead(logo=logo))
    assert b"/Subtype /Image" in with_logo and b"/Subtype /Image" not in plain
