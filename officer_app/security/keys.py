"""The profile key: random, wrapped with Argon2id(passphrase) + a device secret, never in clear.

``key.json`` in the profile folder holds only what unwrapping needs (salt, parameters, nonce,
the wrapped key); the device secret is in the OS key store, so a copied folder will not open
on another laptop even with the passphrase (what the key store keeps: key_store.py).

KEK = HKDF-SHA256(salt, info="officer-app kek v1")(Argon2id(passphrase, salt) || device secret)
wrapped_key = AES-256-GCM(KEK).encrypt(nonce, master key, aad=profile id)
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import json
import math
import secrets
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from keyring.backend import KeyringBackend

from officer_app.security._oslock import FileLock, LockBusy
from officer_app.security.atomic import write_bytes_atomic
from officer_app.security.errors import SecurityError
from officer_app.security.key_store import (
    DeviceSecretMissing,
    KeyStoreError,
    chosen_backend,
    forget_device_secret,
    forget_kept_state,
    keep_state,
    kept_state,
    load_device_secret,
    store_device_secret,
)
from officer_app.security.keyring_status import keyring_status

KEY_FILE = "key.json"
STATE_FILE = "unlock_state.json"
LOCK_FILE = ".unlock.lock"  # held while the throttle state is read and updated
FORMAT = 1
MIN_PASSPHRASE = 8
MAX_DELAY_S = 30.0
KEY_LEN = 32
MAX_KEY_FILE = 64 * 1024  # a real key.json is under 1 kB
SALT_LEN = 16
NONCE_LEN = 12
TAG_LEN = 16
KEK_INFO = b"officer-app kek v1"


@dataclass(frozen=True)
class KdfParams:
    time_cost: int
    memory_kib: int
    parallelism: int


# Argon2id, 256 MiB, 3 passes, 2 lanes. Measured on the 2-core development machine, one
# derivation per fresh process as at unlock: 0.39-0.52 s idle, 0.82-0.90 s with the other
# core busy. 128 MiB x 3 took only 0.21-0.26 s idle, under the 0.3 s floor. Existing profiles
# keep the parameters recorded in their key.json.
DEFAULT_KDF = KdfParams(time_cost=3, memory_kib=256 * 1024, parallelism=2)
FAST_TEST_KDF = KdfParams(time_cost=1, memory_kib=1024, parallelism=1)

# Bounds accepted from a key file: a tampered file must not make unlocking take hours or
# exhaust memory, nor weaken derivation below what argon2 allows.
_KDF_LIMITS = {"time_cost": (1, 64), "memory_kib": (8, 4 * 1024 * 1024), "parallelism": (1, 64)}


__all__ = [
    "DEFAULT_KDF",
    "FAST_TEST_KDF",
    "CorruptKeyFile",
    "DeviceSecretMissing",
    "KdfParams",
    "KeyFile",
    "KeyStoreError",
    "NoProfile",
    "ProfileExists",
    "ProfileUnwritable",
    "SecurityError",
    "TooSoon",
    "WeakPassphrase",
    "WrongPassphrase",
    "change_passphrase",
    "create_profile_key",
    "forget_device_secret",
    "new_profile_key",
    "profile_exists",
    "read_key_file",
    "save_key_file",
    "subkey",
    "unwrap_master_key",
    "wipe",
]


class NoProfile(SecurityError):
    """The folder holds no key.json."""


class ProfileExists(SecurityError):
    """Creating a profile where one already exists."""


class CorruptKeyFile(SecurityError):
    """key.json is unreadable or a field is missing or malformed."""


class WeakPassphrase(SecurityError):
    """The passphrase is empty or shorter than MIN_PASSPHRASE characters."""


class WrongPassphrase(SecurityError):
    def __init__(self, attempts: int, retry_after: float) -> None:
        super().__init__(
            f"The passphrase is not correct (attempt {attempts}); "
            f"try again in {retry_after:g} seconds."
        )
        self.attempts = attempts
        self.retry_after = retry_after


class TooSoon(SecurityError):
    def __init__(self, seconds_left: float) -> None:
        super().__init__(
            f"Too many wrong passphrases: wait {math.ceil(seconds_left * 10) / 10:.1f} seconds "
            "before trying again."
        )
        self.seconds_left = seconds_left


@dataclass(frozen=True)
class KeyFile:
    format: int
    profile_id: str
    salt: bytes
    kdf: KdfParams
    nonce: bytes
    wrapped_key: bytes
    device_secret_in_keyring: bool
    created_at: str


def wipe(buffer: bytearray) -> None:
    """Overwrite key material in place (as far as Python allows)."""
    buffer[:] = bytes(len(buffer))


def profile_exists(profile_dir: Path) -> bool:
    """key.json is there (as a file, or as anything else that :func:`read_key_file` refuses)."""
    try:
        return (profile_dir / KEY_FILE).exists()
    except OSError:  # a folder that cannot be searched: reading the key will say so
        return True


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _write_json(path: Path, payload: dict[str, Any]) -> None:
    write_bytes_atomic(path, json.dumps(payload, indent=2).encode("utf-8"))


def _check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise WeakPassphrase(f"The passphrase must have at least {MIN_PASSPHRASE} characters.")


def _kek(passphrase: str, salt: bytes, kdf: KdfParams, device_secret: bytes) -> bytes:
    stretched = hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism,
        hash_len=KEY_LEN,
        type=Type.ID,
    )
    return HKDF(algorithm=hashes.SHA256(), length=KEY_LEN, salt=salt, info=KEK_INFO).derive(
        stretched + device_secret
    )


def _wrap(
    passphrase: str, kdf: KdfParams, device_secret: bytes, profile_id: str, master: bytearray
) -> tuple[bytes, bytes, bytes]:
    """(salt, nonce, wrapped key): a fresh salt and nonce every time."""
    salt = secrets.token_bytes(SALT_LEN)
    nonce = secrets.token_bytes(NONCE_LEN)
    kek = _kek(passphrase, salt, kdf, device_secret)
    wrapped = AESGCM(kek).encrypt(nonce, bytes(master), profile_id.encode("ascii"))
    return salt, nonce, wrapped


def _key_file_json(key_file: KeyFile) -> dict[str, Any]:
    return {
        "format": key_file.format,
        "profile_id": key_file.profile_id,
        "salt": _b64(key_file.salt),
        "kdf": asdict(key_file.kdf),
        "nonce": _b64(key_file.nonce),
        "wrapped_key": _b64(key_file.wrapped_key),
        "device_secret_in_keyring": key_file.device_secret_in_keyring,
        "created_at": key_file.created_at,
    }


def subkey(master: bytes | bytearray, purpose: str) -> bytes:
    """A key for one purpose ("database", "attachments") derived from the profile key."""
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_LEN,
        salt=None,
        info=b"officer-app " + purpose.encode("utf-8"),
    ).derive(bytes(master))


def new_profile_key(
    profile_id: str,
    passphrase: str,
    *,
    kdf: KdfParams = DEFAULT_KDF,
    backend: KeyringBackend | None = None,
) -> tuple[KeyFile, bytearray]:
    """Make and wrap a new profile key, keeping its device secret in the key store; nothing is
    written to the folder (:func:`save_key_file` does that, last, when the profile is complete).

    Returns (what key.json will hold, the key, for the caller to wipe). Without a usable key
    store the key is wrapped by the passphrase alone (``device_secret_in_keyring`` false); the
    caller warns using ``keyring_status``.
    """
    _check_passphrase(passphrase)
    chosen = chosen_backend(backend)
    in_keyring = keyring_status(chosen).available
    device_secret = store_device_secret(profile_id, chosen) if in_keyring else b""
    master = bytearray(secrets.token_bytes(KEY_LEN))
    try:
        salt, nonce, wrapped = _wrap(passphrase, kdf, device_secret, profile_id, master)
    except BaseException:
        wipe(master)
        if in_keyring:
            forget_device_secret(profile_id, chosen)
        raise
    key_file = KeyFile(
        format=FORMAT,
        profile_id=profile_id,
        salt=salt,
        kdf=kdf,
        nonce=nonce,
        wrapped_key=wrapped,
        device_secret_in_keyring=in_keyring,
        created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    )
    return key_file, master


def save_key_file(profile_dir: Path, key_file: KeyFile) -> None:
    """Write key.json (atomically, owner-only); refuses to replace an existing one."""
    if profile_exists(profile_dir):
        raise ProfileExists(f"A profile key already exists in {profile_dir}.")
    _write_json(profile_dir / KEY_FILE, _key_file_json(key_file))


def create_profile_key(
    profile_dir: Path,
    passphrase: str,
    *,
    kdf: KdfParams = DEFAULT_KDF,
    backend: KeyringBackend | None = None,
) -> tuple[str, bytearray]:
    """Make, wrap and save a new profile key. Returns (profile id, the key, to wipe)."""
    if profile_exists(profile_dir):
        raise ProfileExists(f"A profile key already exists in {profile_dir}.")
    profile_id = str(uuid.uuid4())
    key_file, master = new_profile_key(profile_id, passphrase, kdf=kdf, backend=backend)
    try:
        profile_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        save_key_file(profile_dir, key_file)
    except BaseException:
        wipe(master)
        if key_file.device_secret_in_keyring:
            forget_device_secret(profile_id, backend)
        raise
    return profile_id, master


def _int_in(raw: Any, name: str) -> int:
    low, high = _KDF_LIMITS[name]
    value = raw[name]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(name)
    return value


def read_key_file(profile_dir: Path) -> KeyFile:
    path = profile_dir / KEY_FILE
    if path.is_dir():
        raise CorruptKeyFile(f"{path} is a folder, not the profile's key file")
    if not path.is_file():
        raise NoProfile(f"There is no profile key in {profile_dir}.")
    field = "(the whole file)"
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_KEY_FILE + 1)
        if len(data) > MAX_KEY_FILE:
            raise CorruptKeyFile(f"{path}: not a key file (far too large)")
        text = data.decode("utf-8")
    except OSError as exc:
        raise CorruptKeyFile(f"{path} cannot be read ({exc.strerror or 'refused'})") from None
    except UnicodeDecodeError:
        raise CorruptKeyFile(f"{path}: not a key file (not UTF-8 text)") from None
    try:
        raw = json.loads(text)
        if not isinstance(raw, dict):
            raise TypeError("not an object")
        field = "format"
        if raw["format"] != FORMAT:
            raise CorruptKeyFile(f"{path}: unsupported format {raw['format']!r}")
        field = "kdf"
        kdf = KdfParams(*(_int_in(raw["kdf"], k) for k in _KDF_LIMITS))
        if kdf.memory_kib < 8 * kdf.parallelism:
            raise ValueError("memory below 8 KiB per lane")
        values: dict[str, bytes] = {}
        for field, size in (("salt", SALT_LEN), ("nonce", NONCE_LEN), ("wrapped_key", None)):
            values[field] = base64.b64decode(raw[field], validate=True)
            if size is not None and len(values[field]) != size:
                raise ValueError(f"{field} has the wrong length")
        field = "wrapped_key"
        if len(values["wrapped_key"]) != KEY_LEN + TAG_LEN:
            raise ValueError("wrapped key has the wrong length")
        field = "profile_id"
        profile_id = raw["profile_id"]
        if not isinstance(profile_id, str) or str(uuid.UUID(profile_id)) != profile_id:
            raise ValueError("not a lower-case UUID")
        field = "device_secret_in_keyring"
        in_keyring = raw["device_secret_in_keyring"]
        if not isinstance(in_keyring, bool):
            raise ValueError("not true or false")
        field = "created_at"
        created_at = raw.get("created_at", "")
        if not isinstance(created_at, str):
            raise ValueError("not text")
        return KeyFile(
            format=FORMAT,
            profile_id=profile_id,
            salt=values["salt"],
            kdf=kdf,
            nonce=values["nonce"],
            wrapped_key=values["wrapped_key"],
            device_secret_in_keyring=in_keyring,
            created_at=created_at,
        )
    except CorruptKeyFile:
        raise
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise CorruptKeyFile(f"{path}: field {field} is missing or malformed") from exc


def _parse_state(raw: Any) -> tuple[int, float]:
    try:
        failed, not_before = int(raw["failed_attempts"]), float(raw["not_before"])
    except (ValueError, KeyError, TypeError, OverflowError):
        return 0, 0.0
    if failed < 0 or not math.isfinite(not_before):
        return 0, 0.0
    return failed, not_before


def _read_state(profile_dir: Path) -> tuple[int, float]:
    """(failed attempts, not-before time); a missing or unreadable file means no failures."""
    try:
        return _parse_state(json.loads((profile_dir / STATE_FILE).read_text("utf-8")))
    except (OSError, ValueError):
        return 0, 0.0


def _read_kept_state(key_file: KeyFile, backend: KeyringBackend) -> tuple[int, float]:
    """The copy of the throttle state in the OS key store, beside the device secret."""
    if not key_file.device_secret_in_keyring:
        return 0, 0.0
    try:
        stored = kept_state(key_file.profile_id, backend)
        return _parse_state(json.loads(stored)) if stored else (0, 0.0)
    except Exception:  # any backend failure, or a damaged copy: the file's state still holds
        return 0, 0.0


def _write_state(
    profile_dir: Path,
    failed: int,
    not_before: float,
    key_file: KeyFile | None = None,
    backend: KeyringBackend | None = None,
) -> None:
    payload = {"failed_attempts": failed, "not_before": not_before}
    _write_json(profile_dir / STATE_FILE, payload)
    if key_file is not None and backend is not None and key_file.device_secret_in_keyring:
        keep_state(key_file.profile_id, backend, json.dumps(payload))


def _delay(failed: int) -> float:
    """0.5 s after the first failure, doubling each time, never more than 30 s."""
    return min(MAX_DELAY_S, 0.5 * 2.0 ** min(failed - 1, 16))


def _unwrap(
    profile_dir: Path,
    passphrase: str,
    backend: KeyringBackend | None,
    clock: Callable[[], float],
) -> tuple[KeyFile, bytes, bytearray]:
    """(key file, device secret, master key), applying and updating the throttle.

    The attempt is counted before the key is tried, under a lock on the profile's
    ``.unlock.lock``: parallel attempts each count and each wait their turn, and a crash
    mid-attempt counts as a failure. The state is kept in unlock_state.json and, when the
    profile has a device secret, in the OS key store too (the stricter of the two applies),
    so deleting the file does not reset the count. Success resets both.
    """
    key_file = read_key_file(profile_dir)
    chosen = chosen_backend(backend)
    with _state_lock(profile_dir):
        failed, not_before = _read_state(profile_dir)
        kept_failed, kept_not_before = _read_kept_state(key_file, chosen)
        failed, not_before = max(failed, kept_failed), max(not_before, kept_not_before)
        now = clock()
        if not_before > now + MAX_DELAY_S:  # the clock went backwards: never wait over the cap
            not_before = now + MAX_DELAY_S
            _write_state(profile_dir, failed, not_before, key_file, chosen)
        if now < not_before:
            raise TooSoon(not_before - now)
        device_secret = (
            load_device_secret(key_file.profile_id, chosen)
            if key_file.device_secret_in_keyring
            else b""
        )
        failed += 1  # counted as failed until the key proves right
        _write_state(profile_dir, failed, now + _delay(failed), key_file, chosen)
    kek = _kek(passphrase, key_file.salt, key_file.kdf, device_secret)
    try:
        master = bytearray(
            AESGCM(kek).decrypt(
                key_file.nonce, key_file.wrapped_key, key_file.profile_id.encode("ascii")
            )
        )
    except InvalidTag:
        delay = _delay(failed)
        with _state_lock(profile_dir):  # the wait runs from the refusal, not from the attempt
            _write_state(profile_dir, failed, clock() + delay, key_file, chosen)
        raise WrongPassphrase(failed, delay) from None
    with _state_lock(profile_dir):
        _write_state(profile_dir, 0, 0.0)
        forget_kept_state(key_file.profile_id, chosen)
    return key_file, device_secret, master


class ProfileUnwritable(SecurityError):
    """The profile folder (or a file in it) cannot be written."""


@contextlib.contextmanager
def _state_lock(profile_dir: Path) -> Iterator[None]:
    lock = FileLock(profile_dir / LOCK_FILE)
    try:
        lock.acquire(timeout=MAX_DELAY_S)
    except LockBusy:
        raise TooSoon(1.0) from None
    except OSError as exc:
        raise _unwritable(profile_dir, exc) from None
    try:
        yield
    except OSError as exc:
        raise _unwritable(profile_dir, exc) from None
    finally:
        lock.release()


def _unwritable(profile_dir: Path, exc: OSError) -> ProfileUnwritable:
    return ProfileUnwritable(
        f"the profile folder {profile_dir} cannot be written ({exc.strerror or 'refused'}); "
        "check its permissions and that its disk is not full or read-only"
    )


def unwrap_master_key(
    profile_dir: Path,
    passphrase: str,
    *,
    backend: KeyringBackend | None = None,
    clock: Callable[[], float] = time.time,
) -> bytearray:
    """The profile key (wipe it when done).

    Raises TooSoon while an earlier failure's delay runs, WrongPassphrase (with a delay that
    doubles from 0.5 s up to 30 s, kept on disk), DeviceSecretMissing, NoProfile, CorruptKeyFile.
    """
    return _unwrap(profile_dir, passphrase, backend, clock)[2]


def change_passphrase(
    profile_dir: Path,
    old: str,
    new: str,
    *,
    kdf: KdfParams | None = None,
    backend: KeyringBackend | None = None,
    clock: Callable[[], float] = time.time,
) -> None:
    """Re-wrap the same profile key under a new passphrase (the data is not re-encrypted)."""
    _check_passphrase(new)
    key_file, device_secret, master = _unwrap(profile_dir, old, backend, clock)
    try:
        params = kdf or key_file.kdf
        salt, nonce, wrapped = _wrap(new, params, device_secret, key_file.profile_id, master)
    finally:
        wipe(master)
    updated = KeyFile(
        format=FORMAT,
        profile_id=key_file.profile_id,
        salt=salt,
        kdf=params,
        nonce=nonce,
        wrapped_key=wrapped,
        device_secret_in_keyring=key_file.device_secret_in_keyring,
        created_at=key_file.created_at,
    )
    _write_json(profile_dir / KEY_FILE, _key_file_json(updated))
