"""Letters from templates: the LA's wording as data, checked at load, filled per case.

The templates live in ``resources/letters/`` (one ``.txt`` file per letter: a small YAML
header, then the body in a light markup); an LA adds or overrides letters from its own
``letters_folder``. Nothing here imports Qt, touches the database or draws a PDF:

- :mod:`.model`: the template in memory (``Template``, ``Ask``, ``Block``, ``Run``) and the
  filled letter (``FilledLetter``, ``Segment``) that the PDF and the chronology share.
- :mod:`.markup`: the body's markup (paragraphs, ``# headings``, ``- lists``, ``| tables |``,
  ``**bold**``, ``{placeholders}``, ``[if name]…[end]``, ``[new page]``).
- :mod:`.vocabulary`: every placeholder a template may name.
- :mod:`.loader`: ``load_templates(folders) -> TemplateRegistry``; a broken file is refused
  with its file, line, column and reason, and the other templates still load.
- :mod:`.fill`: the officer's answers checked, the placeholders filled, dates and times
  formatted; a placeholder without a value refuses the letter rather than leave a hole.

``officer-app letters check [FOLDER]`` checks the shipped templates and a folder.
"""

from __future__ import annotations

from officer_app.letters.fill import (
    AskRefused,
    LetterRefused,
    MissingValues,
    check_asks,
    clock_time,
    fill,
    long_date,
)
from officer_app.letters.loader import (
    TemplateProblem,
    TemplateRegistry,
    TemplateUnavailable,
    default_folders,
    load_registry,
    load_template_file,
    load_templates,
)
from officer_app.letters.model import (
    Ask,
    AskType,
    BlockKind,
    FilledBlock,
    FilledLetter,
    Layout,
    Segment,
    Template,
)

__all__ = [
    "Ask",
    "AskRefused",
    "AskType",
    "BlockKind",
    "FilledBlock",
    "FilledLetter",
    "Layout",
    "LetterRefused",
    "MissingValues",
    "Segment",
    "Template",
    "TemplateProblem",
    "TemplateRegistry",
    "TemplateUnavailable",
    "check_asks",
    "clock_time",
    "default_folders",
    "fill",
    "load_registry",
    "load_template_file",
    "load_templates",
    "long_date",
]
