"""The manifest kept beside an evidence pack (``FILE.manifest.json``) and the check of a pack
file against it (``officer-app pack verify FILE.pdf``; no profile needed).

Three things are tied together, so that one changed byte anywhere in the PDF fails, and so
does a manifest from another pack or one edited:

1. the PDF file's SHA-256 and size are in the manifest beside it (they cannot be inside the
   PDF they describe);
2. the rest of that manifest (the reference, every section with its pages and SHA-256…) is
   also embedded in the PDF as ``manifest.json``, and the two must be equal;
3. the SHA-256 of that embedded manifest (its canonical JSON) is printed on the pack's
   manifest page and recorded beside it; the page must show it.

What the check cannot show on its own: that a pack and its manifest, both forged together,
were never built. The whole PDF's SHA-256 is also signed into the case's chronology when the
pack is built; the profile holds that proof.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from officer_app.documents.pack_model import (
    FORMAT,
    MANIFEST_NAME,
    AssembledPack,
    manifest_digest,
)

__all__ = ["manifest_path", "sidecar_bytes", "verify_pack_file"]

_CHUNK = 1024 * 1024


def manifest_path(pdf: Path) -> Path:
    """``FILE.pdf`` → ``FILE.manifest.json`` beside it."""
    return pdf.with_name(f"{pdf.stem}.manifest.json")


def sidecar_bytes(pack: AssembledPack, pdf_name: str) -> bytes:
    """The manifest file's bytes: the embedded manifest, its SHA-256 and the PDF's."""
    text = json.dumps(pack.sidecar(pdf_name), indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def _file_hash(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def _differences(inside: dict[str, Any], beside: dict[str, Any]) -> list[str]:
    """What differs between two manifests, named: a key, or a section by its number."""
    found: list[str] = []
    for key in sorted(set(inside) | set(beside)):
        if inside.get(key) == beside.get(key):
            continue
        if (
            key == "sections"
            and isinstance(inside.get(key), list)
            and isinstance(beside.get(key), list)
        ):
            a, b = inside[key], beside[key]
            for n in range(max(len(a), len(b))):
                if n >= len(a) or n >= len(b) or a[n] != b[n]:
                    found.append(f"section {n + 1}")
        else:
            found.append(key)
    return found


def verify_pack_file(pdf: Path) -> list[str]:
    """What is wrong with the pack ``pdf`` and its manifest beside it, each in one line;
    an empty list: the file is the pack the manifest describes, byte for byte."""
    pdf = Path(pdf)
    name = pdf.name
    try:
        sha, size = _file_hash(pdf)
    except FileNotFoundError:
        return [f"{pdf}: no such file"]
    except IsADirectoryError:
        return [f"{pdf}: is a folder, not a pack"]
    except OSError as exc:
        return [f"{pdf}: cannot be read ({_reason(exc)})"]
    side = manifest_path(pdf)
    try:
        sidecar = json.loads(side.read_text("utf-8"))
    except FileNotFoundError:
        return [f"{side.name}: there is no manifest beside {name}"]
    except OSError as exc:
        return [f"{side.name}: cannot be read ({_reason(exc)})"]
    except ValueError:
        return [f"{side.name}: is not a manifest (not JSON)"]
    if not isinstance(sidecar, dict) or sidecar.get("format") != FORMAT:
        return [f"{side.name}: is not an evidence pack's manifest"]

    problems: list[str] = []
    given = sidecar.get("pdf")
    recorded: dict[str, Any] = given if isinstance(given, dict) else {}
    if recorded.get("sha256") != sha:
        problems.append(
            f"{name}: its SHA-256 is {sha}, the manifest records {recorded.get('sha256')}: "
            "the file is not the pack as it was built"
        )
    elif recorded.get("bytes") != size:
        problems.append(
            f"{name}: it has {size} bytes, the manifest records {recorded.get('bytes')}"
        )
    beside = {k: v for k, v in sidecar.items() if k not in ("manifest_sha256", "pdf")}
    digest = manifest_digest(beside)
    if sidecar.get("manifest_sha256") != digest:
        problems.append(
            f"{side.name}: its own SHA-256 does not match what it says: it has been edited"
        )
    problems += _inside(pdf, name, beside)
    return problems


def _inside(pdf: Path, name: str, beside: dict[str, Any]) -> list[str]:
    """The manifest inside the PDF against the one beside it, and the manifest page."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(pdf)
        pages = len(reader.pages)
        embedded = reader.attachments.get(MANIFEST_NAME)
    except Exception:  # pypdf's many errors: a damaged file
        return [f"{name}: is not a PDF that can be read"]
    if not embedded:
        return [f"{name}: has no manifest inside it: it is not an evidence pack as built"]
    try:
        inside = json.loads(embedded[0])
    except ValueError:
        return [f"{name}: the manifest inside it is damaged"]
    if not isinstance(inside, dict):
        return [f"{name}: the manifest inside it is damaged"]
    problems: list[str] = []
    differences = _differences(inside, beside)
    if differences:
        problems.append(
            f"the manifest beside {name} is not the one inside it (differs in "
            f"{', '.join(differences)})"
        )
    if inside.get("pages") != pages:
        problems.append(f"{name}: has {pages} pages, its manifest says {inside.get('pages')}")
    where = inside.get("manifest_pages")
    if isinstance(where, list) and len(where) == 2 and 1 <= where[0] <= where[1] <= pages:
        try:
            text = "".join(
                "".join(reader.pages[n].extract_text().split())
                for n in range(where[0] - 1, where[1])
            )
        except Exception:
            text = ""
        if manifest_digest(inside) not in text:
            problems.append(
                f"{name}: its manifest page does not show the SHA-256 of the manifest inside it"
            )
        if str(inside.get("reference", "")) not in text:
            problems.append(f"{name}: its manifest page does not name the pack's reference")
    else:
        problems.append(f"{name}: the manifest inside it does not say where its page is")
    return problems
