"""A picture exhibit (a photograph, a scan) as one A4 page of an evidence pack.

The page's caption and frame are drawn by reportlab; the picture itself is placed by pypdf as
an image XObject: a JPEG is embedded as it is (DCTDecode: its own bytes, not re-encoded), any
other picture decoded by Pillow and kept losslessly (FlateDecode). reportlab would encode the
picture again in ASCII85 in pure Python, about 1.5 s for one photograph.
"""

from __future__ import annotations

import io
import zlib
from typing import cast

from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    StreamObject,
)
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from officer_app.documents.pages import register_fonts
from officer_app.documents.style import CONTENT_W, FONT, INK, MARGIN_X, PAGE_H, PAGE_W, RULE, fit

__all__ = ["render_image_page"]

_TOP, _BOTTOM = PAGE_H - 16 * mm, 24 * mm


def _image_stream(image: bytes, picture: Image.Image) -> StreamObject:
    """The picture as an image XObject's stream."""
    stream: StreamObject
    if picture.format == "JPEG" and picture.mode in ("RGB", "L"):
        stream = DecodedStreamObject()
        stream.set_data(image)  # already compressed: DCTDecode is the reader's job
        stream[NameObject("/Filter")] = NameObject("/DCTDecode")
        space = "/DeviceRGB" if picture.mode == "RGB" else "/DeviceGray"
    else:
        if picture.mode in ("RGBA", "LA", "P", "PA"):
            flat = Image.new("RGB", picture.size, (255, 255, 255))
            rgba = picture.convert("RGBA")
            flat.paste(rgba, mask=rgba.getchannel("A"))
            picture = flat
        elif picture.mode not in ("RGB", "L"):
            picture = picture.convert("RGB")
        stream = DecodedStreamObject()
        stream.set_data(zlib.compress(picture.tobytes(), 6))
        stream[NameObject("/Filter")] = NameObject("/FlateDecode")
        space = "/DeviceRGB" if picture.mode == "RGB" else "/DeviceGray"
    stream.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(picture.width),
            NameObject("/Height"): NumberObject(picture.height),
            NameObject("/ColorSpace"): NameObject(space),
            NameObject("/BitsPerComponent"): NumberObject(8),
        }
    )
    return stream


def render_image_page(title: str, image: bytes, *, exhibit: str | None) -> bytes:
    """One A4 page showing the picture as large as the margins allow (its proportions kept),
    framed, with its title under it. Raises ValueError if the bytes are not a picture."""
    register_fonts()
    try:
        picture = Image.open(io.BytesIO(image))
        picture.load()
    except Exception as exc:  # Pillow's many errors: the file is not a picture it can read
        raise ValueError(f"{title}: not a picture that can be printed") from exc
    width, height = picture.size
    box_w, box_h = CONTENT_W, _TOP - _BOTTOM
    scale = min(box_w / width, box_h / height)
    w, h = width * scale, height * scale
    x, y = MARGIN_X + (box_w - w) / 2, _BOTTOM + (box_h - h) / 2

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_W, PAGE_H), invariant=1, initialFontName=FONT)
    canvas.setTitle(title)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.rect(x, y, w, h, stroke=1, fill=0)
    caption = title if not exhibit else f"{title} · exhibit {exhibit}"
    size = fit(caption, FONT, 9, CONTENT_W, smallest=6, step=0.5)
    canvas.setFillColor(INK)
    canvas.setFont(FONT, size)
    canvas.drawCentredString(PAGE_W / 2, 15 * mm, caption)
    canvas.showPage()
    canvas.save()

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    page = writer.pages[0]
    image_ref = writer._add_object(_image_stream(image, picture))
    resources = cast(DictionaryObject, page["/Resources"].get_object())
    xobjects = resources.get("/XObject")
    named = DictionaryObject(xobjects.get_object()) if xobjects is not None else DictionaryObject()
    named[NameObject("/OAPicture")] = image_ref
    resources[NameObject("/XObject")] = named
    draw = DecodedStreamObject()
    draw.set_data(f"q {w:.3f} 0 0 {h:.3f} {x:.3f} {y:.3f} cm /OAPicture Do Q\n".encode("ascii"))
    contents = page.raw_get("/Contents")
    parts = ArrayObject([writer._add_object(draw)])
    resolved = contents.get_object()
    parts.extend(resolved if isinstance(resolved, ArrayObject) else [contents])
    page[NameObject("/Contents")] = parts
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
