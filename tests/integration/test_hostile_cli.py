"""Every command, driven with hostile arguments and files, answers in words (issue 8, point 8).

Hypothesis generates text and bytes for every option and positional of every command of
``build_parser`` (``--smoke-test`` excepted: it opens the window): random text with control
characters, NULs, bidi overrides and surrogates; absurd dates and numbers; paths that are
folders, missing, under a file, in /proc or /sys, symlink loops; files of random bytes, with
BOMs, NULs and huge fields. A run fails on a traceback, on an exception out of ``main()``, on
an "internal error" line (the last-resort handler: a defect not yet met), on a raw control
character echoed to the terminal, and on any exit status but 0, 1, 2 and 130. Afterwards the
profile must still verify: nothing half-written.

``main()`` runs in-process for speed (a fast key derivation; an in-memory keyring), with
stdout and stderr as strict UTF-8 streams like a terminal's; a few real processes at the end.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from officer_app import cli
from officer_app.security import keys
from officer_app.services import profile
from tests.conftest import TEST_PASSPHRASE

FINE_EXITS = {0, 1, 2, 130}
HOSTILE_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,  # the same examples on every run and every machine: no flaky CI
    phases=[Phase.explicit, Phase.generate],  # report the first failure as found: no shrinking
)

SPECIAL_TEXT = [
    "", " ", "-", "--", "=", "\x00", "\x1b[2J\x1b[31m", "\x1b]0;owned\x07", "\r", "\u202e",
    "\ud800", "9" * 5000, "-1", "0", "1e309", "nan", "inf", "0001-01-01", "9999-12-31",
    "2026-02-30", "31/12/9999", "../../../../etc/passwd", "%s%n", "{child.name}", "A" * 300,
    "ATT-2026-00001", "Q801200110001",
]  # fmt: skip
TEXT = st.one_of(st.sampled_from(SPECIAL_TEXT), st.text(max_size=40))
DATES = st.one_of(
    st.sampled_from(["0001-01-01", "9999-12-31", "2006-08-31", "2026-11-20", "2100-02-29"]),
    st.dates().map(lambda d: d.isoformat()),
    TEXT,
)
NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["9" * 5000, "-0", "0x10", "1_000", " 3", "3.5"]),
    TEXT,
)
PATH_KINDS = [
    "missing", "folder", "under_a_file", "proc", "proc_missing", "sys", "dev_null", "dev_zero",
    "loop", "random_bytes", "bom_nul", "huge_field", "control_chars", "good_register",
    "future_register", "text_name", "too_long",
]  # fmt: skip
OUT_KINDS = ["new_pdf", "new_csv", "folder", "under_a_file", "proc", "sys", "missing_parent"]
DATA_DIR_KINDS = ["profile"] * 6 + [
    "missing", "a_file", "under_a_file", "proc", "sys", "empty_folder", "text_name", "too_long",
]  # fmt: skip
TOO_LONG = "9" * 5000  # over any file system's limit for a name
UPN = "Q801200110001"
ATTENDANCE_CONCERN = "attendance_concern"  # a letter that needs one ask: contact_by
CONTACT_BY = f"contact_by={dt.date.today() + dt.timedelta(days=30)}"  # attendance_concern's
ASKS = st.one_of(st.just(CONTACT_BY), TEXT)


@dataclass
class Sandbox:
    """Hostile paths, made once per test in a temporary folder."""

    root: Path
    profile: Path

    def __post_init__(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.a_file = self.root / "a-file"
        self.a_file.write_text("not a folder")
        self.folder = self.root / "a-folder.pdf"  # a folder where a file is expected
        self.folder.mkdir(exist_ok=True)
        self.empty = self.root / "empty-folder"
        self.empty.mkdir(exist_ok=True)
        loop = self.root / "loop"
        if not loop.is_symlink():
            loop.symlink_to(loop)
        self.counter = 0

    def fresh(self, suffix: str) -> Path:
        self.counter += 1
        return self.root / f"made-{self.counter}{suffix}"

    def path(self, kind: str, text: str = "", content: bytes = b"") -> str:
        named = {
            "missing": self.root / "no-such-thing.csv",
            "folder": self.folder,
            "under_a_file": self.a_file / "x.csv",
            "proc": Path("/proc/self/status"),
            "proc_missing": Path("/proc/no-such-process/x"),
            "sys": Path("/sys/kernel"),
            "dev_null": Path(os.devnull),
            "dev_zero": Path("/dev/zero"),
            "loop": self.root / "loop",
            "too_long": self.root / TOO_LONG,
        }
        if kind in named:
            return str(named[kind])
        if kind == "text_name":
            return text
        path = self.fresh(".csv")
        path.write_bytes(self._content(kind, text, content))
        return str(path)

    def _content(self, kind: str, text: str, content: bytes) -> bytes:
        header = b"upn,date,session,code,date_of_birth\n"
        if kind == "random_bytes":
            return content
        if kind == "bom_nul":
            return b"\xef\xbb\xbf" + header + f"{UPN},2026-09-07\x00,AM,/,\n".encode() + content
        if kind == "huge_field":
            return header + f"{UPN},2026-09-07,AM,{'N' * 200_000},\n".encode()
        if kind == "control_chars":
            row = f"{UPN},2026-09-07,AM,\x1b[2J{text},\u202e\r\n"
            return header + row.encode("utf-8", "surrogateescape")
        if kind == "future_register":
            return header + f"{UPN},9999-12-31,AM,N,\n{UPN},0001-01-01,PM,N,\n".encode()
        return header + f"{UPN},2026-09-07,AM,/,\n{UPN},2026-09-07,PM,N,2013-05-01\n".encode()

    def out(self, kind: str, text: str) -> str:
        return str(
            {
                "new_pdf": self.fresh(".pdf"),
                "new_csv": self.fresh(".csv"),
                "folder": self.folder,
                "under_a_file": self.a_file / "x.pdf",
                "proc": Path("/proc/self/x.pdf"),
                "sys": Path("/sys/kernel/x.pdf"),
                "missing_parent": self.root / "no-such-folder" / "x.pdf",
            }[kind]
        )

    def data_dir(self, kind: str, text: str) -> str:
        return str(
            {
                "profile": self.profile,
                "missing": self.root / "no-profile-here",
                "a_file": self.a_file,
                "under_a_file": self.a_file / "profile",
                "proc": Path("/proc/self"),
                "sys": Path("/sys/kernel"),
                "empty_folder": self.empty,
                "text_name": self.root / text.replace("/", "_").replace("\x00", "_")[:100],
                "too_long": self.root / TOO_LONG,
            }[kind]
        )


@dataclass
class Ran:
    argv: Sequence[str]
    code: int
    out: str
    err: str


def _stream() -> io.TextIOWrapper:
    # like a terminal's: UTF-8, strict on stdout; stderr backslash-escapes as Python's does
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", write_through=True)


def run_main(argv: Sequence[str], env: dict[str, str] | None = None) -> Ran:
    """``cli.main(argv)`` in this process; an exception out of it fails the test as it is."""
    out, err = _stream(), _stream()
    err.reconfigure(errors="backslashreplace")
    saved = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = cli.main(list(argv))
            except SystemExit as stop:  # argparse: --help, --version, a usage error
                code = stop.code if isinstance(stop.code, int) else 2
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    texts = []
    for stream in (out, err):
        raw = stream.buffer
        assert isinstance(raw, io.BytesIO)
        texts.append(raw.getvalue().decode("utf-8", "replace"))
    return Ran(argv, code, texts[0], texts[1])


def assert_answered(ran: Ran) -> None:
    what = f"{list(ran.argv)!r} exited {ran.code}; stderr: {ran.err[-600:]}"
    assert ran.code in FINE_EXITS, what
    assert "Traceback" not in ran.err, what
    assert "internal error" not in ran.err, what
    assert "\x1b" not in ran.out + ran.err, what  # control characters are shown escaped
    assert "\u202e" not in ran.err, what


@pytest.fixture()
def sandbox(demo_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, TEST_PASSPHRASE)
    monkeypatch.setenv(cli.NEW_PASSPHRASE_ENV, TEST_PASSPHRASE)
    fast = functools.partial(profile.create_profile, kdf=keys.FAST_TEST_KDF)
    monkeypatch.setattr(profile, "create_profile", fast)  # a new demo profile: a fast KDF
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # never a terminal: never prompts
    box = Sandbox(tmp_path / "hostile", demo_dir)
    yield box
    verified = run_main(["--data-dir", str(demo_dir), "verify"])
    assert verified.code == 0, verified.err  # nothing half-written by any hostile run


def _global(data: st.DataObject, box: Sandbox, *, profile_mostly: bool = False) -> list[str]:
    kinds = DATA_DIR_KINDS + ["profile"] * 12 if profile_mostly else DATA_DIR_KINDS
    kind = data.draw(st.sampled_from(kinds), label="data-dir")
    argv = ["--data-dir", box.data_dir(kind, data.draw(TEXT, label="dir name"))]
    if data.draw(st.booleans(), label="with --config"):
        config = data.draw(st.sampled_from(PATH_KINDS), label="config")
        argv += ["--config", box.path(config, data.draw(TEXT), data.draw(st.binary(max_size=300)))]
    return argv


def _maybe(data: st.DataObject, option: str, values: st.SearchStrategy[str]) -> list[str]:
    return [option, data.draw(values, label=option)] if data.draw(st.booleans()) else []


def _register(data: st.DataObject, box: Sandbox) -> str:
    kind = data.draw(st.sampled_from(PATH_KINDS), label="register")
    return box.path(kind, data.draw(TEXT), data.draw(st.binary(max_size=500)))


# --- the commands that read or list -----------------------------------------------------------
@pytest.mark.slow
@HOSTILE_SETTINGS
@given(data=st.data())
def test_cases_list_verify_and_notices_list(sandbox: Sandbox, data: st.DataObject) -> None:
    command = data.draw(
        st.sampled_from(
            [["cases", "list"], ["cases", "list", "--json"], ["verify"], ["notices", "list"],
             ["notices", "list", "--json"], ["cases"], ["notices"], ["nonsense"]]
        )
    )  # fmt: skip
    extra = data.draw(st.lists(TEXT, max_size=2), label="stray arguments")
    assert_answered(run_main([*_global(data, sandbox), *command, *extra]))


@HOSTILE_SETTINGS
@given(data=st.data())
def test_attendance_summary(sandbox: Sandbox, data: st.DataObject) -> None:
    argv = [
        *_global(data, sandbox), "attendance", "summary", _register(data, sandbox),
        "--upn", data.draw(st.one_of(st.just(UPN), TEXT)),
        "--from", data.draw(DATES), "--to", data.draw(DATES),
    ]  # fmt: skip
    if data.draw(st.booleans()):
        argv.append("--json")
    assert_answered(run_main(argv))


@HOSTILE_SETTINGS
@given(data=st.data())
def test_attendance_import(sandbox: Sandbox, data: st.DataObject) -> None:
    argv = [
        *_global(data, sandbox, profile_mostly=True),
        "attendance",
        "import",
        _register(data, sandbox),
    ]
    assert_answered(run_main(argv))


@HOSTILE_SETTINGS
@given(data=st.data())
def test_letters_check(sandbox: Sandbox, data: st.DataObject) -> None:
    folder = sandbox.fresh("-letters")
    folder.mkdir()
    for n in range(data.draw(st.integers(0, 3))):
        body = data.draw(st.one_of(st.binary(max_size=400), TEXT.map(str.encode)))
        header = data.draw(st.sampled_from([b"", b"---\nid: x\nversion: 1\ntitle: T\n---\n"]))
        (folder / f"t{n}.txt").write_bytes(header + body)
    where = data.draw(st.sampled_from(["folder", *PATH_KINDS]))
    target = str(folder) if where == "folder" else sandbox.path(where, data.draw(TEXT))
    assert_answered(run_main([*_global(data, sandbox), "letters", "check", target]))


@HOSTILE_SETTINGS
@given(data=st.data())
def test_forms_check(sandbox: Sandbox, data: st.DataObject) -> None:
    folder = sandbox.fresh("-forms")
    folder.mkdir()
    for n in range(data.draw(st.integers(0, 3))):
        body = data.draw(st.one_of(st.binary(max_size=400), TEXT.map(str.encode)))
        header = data.draw(st.sampled_from([b"", b"id: x\nversion: 1\ntitle: T\n"]))
        (folder / f"f{n}.yaml").write_bytes(header + body)
    where = data.draw(st.sampled_from(["folder", *PATH_KINDS]))
    target = str(folder) if where == "folder" else sandbox.path(where, data.draw(TEXT))
    assert_answered(run_main([*_global(data, sandbox), "forms", "check", target]))


@HOSTILE_SETTINGS
@given(data=st.data())
def test_change_passphrase(sandbox: Sandbox, data: st.DataObject) -> None:
    old = data.draw(st.one_of(st.just(TEST_PASSPHRASE), TEXT, st.just("ab\udcff")), label="old")
    try:  # what an environment can hold: undecodable bytes arrive as \udc80-\udcff
        os.fsencode(old)
    except UnicodeEncodeError:
        old = old.encode("utf-8", "replace").decode("utf-8")
    env = {cli.PASSPHRASE_ENV: old.replace("\x00", "") or TEST_PASSPHRASE}
    ran = run_main([*_global(data, sandbox), "change-passphrase"], env)
    assert_answered(ran)


# --- the commands that write ------------------------------------------------------------------
@pytest.mark.slow
@HOSTILE_SETTINGS
@given(data=st.data())
def test_letters_render(sandbox: Sandbox, data: st.DataObject) -> None:
    argv = [
        *_global(data, sandbox, profile_mostly=True), "letters", "render",
        "--case", data.draw(st.one_of(st.just(_a_case(sandbox.profile)), TEXT)),
        "--template", data.draw(st.one_of(st.just(ATTENDANCE_CONCERN), TEXT)),
        "--out", sandbox.out(data.draw(st.sampled_from(OUT_KINDS)), data.draw(TEXT)),
        *_maybe(data, "--ask", ASKS), *_maybe(data, "--sent-on", DATES),
        *_maybe(data, "--sent-by", st.sampled_from(["post", "hand", "email", "fax"])),
        *_maybe(data, "--recipient", TEXT),
    ]  # fmt: skip
    assert_answered(run_main(argv))


@settings(HOSTILE_SETTINGS, max_examples=8)
@given(data=st.data())
def test_letters_batch(sandbox: Sandbox, data: st.DataObject) -> None:
    argv = [
        *_global(data, sandbox, profile_mostly=True), "letters", "batch",
        "--template", data.draw(st.one_of(st.just(ATTENDANCE_CONCERN), TEXT)),
        "--out", sandbox.out(data.draw(st.sampled_from(OUT_KINDS)), data.draw(TEXT)),
        "--sent-by", data.draw(st.sampled_from(["post", "hand", "email", "fax"])),
        *_maybe(data, "--stage", st.one_of(st.sampled_from(["nowhere", "court"]), TEXT)),
        *_maybe(data, "--ask", ASKS), *_maybe(data, "--sent-on", DATES),
    ]  # fmt: skip
    assert_answered(run_main(argv))


@HOSTILE_SETTINGS
@given(data=st.data())
def test_notices_record(sandbox: Sandbox, data: st.DataObject) -> None:
    argv = [
        *_global(data, sandbox, profile_mostly=True), "notices", "record",
        "--out", sandbox.out(data.draw(st.sampled_from(OUT_KINDS)), data.draw(TEXT)),
        *_maybe(data, "--from", DATES), *_maybe(data, "--to", DATES),
    ]  # fmt: skip
    assert_answered(run_main(argv))


@settings(HOSTILE_SETTINGS, max_examples=10)
@given(data=st.data())
def test_demo(sandbox: Sandbox, data: st.DataObject) -> None:
    cases = data.draw(
        st.one_of(st.integers(-5, 33).map(str), st.sampled_from(["9" * 5000, "x", ""]))
    )
    argv = [
        *_global(data, sandbox), "demo", "--cases", cases,
        *_maybe(data, "--seed", NUMBERS), *_maybe(data, "--today", DATES),
    ]  # fmt: skip
    assert_answered(run_main(argv))


# --- the cases the issue lists, one by one ------------------------------------------------------
def test_a_register_with_a_huge_field_or_impossible_dates_in_a_real_process(
    demo_dir: Path, tmp_path: Path
) -> None:
    box = Sandbox(tmp_path / "hostile", demo_dir)
    env = {**os.environ, cli.PASSPHRASE_ENV: "x", "PYTHONPATH": os.pathsep.join(sys.path)}
    for kind in ("huge_field", "future_register", "control_chars", "bom_nul", "dev_zero"):
        done = subprocess.run(
            [sys.executable, "-m", "officer_app", "attendance", "summary", box.path(kind, "x"),
             "--upn", UPN, "--from", "0001-01-01", "--to", "9999-12-31"],
            capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert done.returncode == 1, (kind, done.stderr)
        assert "Traceback" not in done.stderr and "\x1b" not in done.stderr
        assert done.stderr.strip().splitlines()[-1].endswith("nothing was used"), kind


@pytest.mark.parametrize(
    "argv",
    [
        ["letters", "render", "--case", "{case}", "--template", ATTENDANCE_CONCERN,
                      "--ask", "contact_by={contact_by}", "--sent-by", "post", "--out", "{folder}"],
        ["letters", "render", "--case", "{case}", "--template", ATTENDANCE_CONCERN,
                      "--ask", "contact_by={contact_by}", "--sent-by", "post",
                      "--out", "/proc/self/x.pdf"],
        ["letters", "batch", "--template", ATTENDANCE_CONCERN, "--sent-by", "post",
                      "--ask", "contact_by={contact_by}", "--out", "/sys/kernel/x.pdf"],
        ["notices", "record", "--out", "{folder}"],
        ["notices", "record", "--out", "/proc/self/x.csv"],
        ["demo", "--cases", "31", "--today", "0001-01-01"],
        ["demo", "--cases", "31", "--today", "9999-12-31"],
        ["attendance", "summary", "/dev/zero", "--upn", UPN, "--from", "2026-01-01",
         "--to", "2026-12-31"],
        ["--config", "/dev/zero", "cases", "list"],
        ["--config", "{folder}", "cases", "list"],
    ],
)  # fmt: skip
def test_each_hostile_case_of_the_issue(sandbox: Sandbox, argv: list[str]) -> None:
    case = _a_case(sandbox.profile)
    contact_by = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    filled = []
    for arg in argv:
        for name, value in (("{folder}", str(sandbox.folder)), ("{case}", case),
                            ("{contact_by}", contact_by)):  # fmt: skip
            arg = arg.replace(name, value)
        filled.append(arg)
    assert_answered(run_main(["--data-dir", str(sandbox.profile), *filled]))


def _a_case(profile: Path) -> str:
    listed = run_main(["--data-dir", str(profile), "cases", "list", "--json"])
    reference: str = json.loads(listed.out)[0]["reference"]
    return reference


WHERE = ["a_file", "under_a_file", "proc", "sys", "missing", "empty_folder", "too_long"]


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize(
    "command", [["cases", "list"], ["verify"], ["notices", "list"], ["change-passphrase"]]
)
def test_data_dir_in_an_impossible_place(sandbox: Sandbox, where: str, command: list[str]) -> None:
    data_dir = sandbox.data_dir(where, "")
    assert_answered(run_main(["--data-dir", data_dir, *command]))


@pytest.mark.parametrize(
    "command", [["cases", "list"], ["verify"], ["notices", "list"], ["change-passphrase"]]
)
def test_data_dir_too_long_with_its_settings_elsewhere(
    sandbox: Sandbox, command: list[str]
) -> None:
    settings = sandbox.fresh(".toml")
    settings.write_text("")
    data_dir = sandbox.data_dir("too_long", "")
    assert_answered(run_main(["--config", str(settings), "--data-dir", data_dir, *command]))


@pytest.mark.parametrize(
    "where",
    [w for w in ("a_file", "under_a_file", "proc", "sys")] + ["empty_folder"],
)
def test_demo_in_an_impossible_place(sandbox: Sandbox, where: str) -> None:
    data_dir = sandbox.data_dir(where, "")
    assert_answered(run_main(["--data-dir", data_dir, "demo", "--cases", "1"]))


def _damage(profile: Path, how: str) -> None:
    key, db = profile / "key.json", profile / "caseload.db"
    if how == "key_folder":
        key.unlink()
        key.mkdir()
    elif how == "key_bytes":
        key.write_bytes(bytes(range(256)) * 3)
    elif how == "key_missing":
        key.unlink()
    elif how == "db_folder":
        db.unlink()
        db.mkdir()
    elif how == "db_damaged":
        with db.open("r+b") as handle:  # the header's page and a page in the middle
            handle.seek(0)
            handle.write(b"\x00" * 512)
            handle.seek(db.stat().st_size // 2)
            handle.write(bytes(range(256)) * 16)
    elif how == "db_missing":
        db.unlink()


@pytest.mark.parametrize(
    "how",
    ["key_folder", "key_bytes", "key_missing", "db_damaged"]
    + [h for h in ("db_folder", "db_missing")],
)
@pytest.mark.parametrize("command", [["cases", "list"], ["verify"]])
def test_a_damaged_profile_is_one_line(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, how: str, command: list[str]
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, TEST_PASSPHRASE)
    _damage(demo_dir, how)
    ran = run_main(["--data-dir", str(demo_dir), *command])
    assert_answered(ran)
    assert ran.code != 0
    if how.startswith("db"):
        assert not (demo_dir / "caseload.db").is_file() or how == "db_damaged"  # never remade


def _mount_read_only(source: Path, target: Path) -> bool:
    """Bind ``source`` read-only at ``target`` (Linux, root): a real EROFS, which file modes
    cannot give a root test. False when this machine does not allow it."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        return False
    target.mkdir()
    steps = (["mount", "--bind", str(source), str(target)],
             ["mount", "-o", "remount,bind,ro", str(target)])  # fmt: skip
    for step in steps:
        try:
            done = subprocess.run(step, capture_output=True, timeout=30)
        except OSError:
            return False
        if done.returncode != 0:
            subprocess.run(["umount", str(target)], capture_output=True, timeout=30)
            return False
    return True


@pytest.mark.parametrize("command", [["verify"], ["cases", "list"]])
def test_a_read_only_profile_is_one_line(
    demo_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, TEST_PASSPHRASE)
    read_only = tmp_path / "read-only"
    if not _mount_read_only(demo_dir, read_only):
        pytest.skip("a read-only bind mount needs root on Linux (file modes do not bind root)")
    try:
        ran = run_main(["--data-dir", str(read_only), *command])
    finally:
        subprocess.run(["umount", str(read_only)], capture_output=True, timeout=30)
    assert_answered(ran)
    assert ran.code != 0 and len(ran.err.strip().splitlines()) == 1, ran.err
