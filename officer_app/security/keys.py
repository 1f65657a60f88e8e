"""The profile key: random, wrapped with Argon2id(passphrase) + a device secret, never in clear.

``key.json`` in the profile folder holds only what unwrapping needs (salt, parameters, nonce,
the wrapped key); the device secret is in the OS key store, so a copied folder will not open
on another laptop even with the passphrase.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import json
import os
import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

from officer_app.security.keyring_status import keyring_status

KEY_FILE = "key.json"
STATE_FILE = "unlock_state.json"
KEYRING_SERVICE = "officer-app"
FORMAT = 1
MIN_PASSPHRASE = 8
MAX_DELAY_S = 30.0


@dataclass(frozen=True)
class KdfParams:
    time_cost: int
    memory_kib: int
    parallelism: int


# Measured on the 2-core development machine: about 0.45 s per derivation.
DEFAULT_KDF = KdfParams(time_cost=3, memory_kib=128 * 1024, parallelism=2)
FAST_TEST_KDF = KdfParams(time_cost=1, memory_kib=1024, parallelism=1)


class SecurityError(Exception):
    """Base of every key-handling refusal. Messages never carry secrets."""


class NoProfile(SecurityError):
    pass


class ProfileExists(SecurityError):
    pass


class CorruptKeyFile(SecurityError):
    pass


class WeakPassphrase(SecurityError):
    pass


class DeviceSecretMissing(SecurityError):
    pass


class WrongPassphrase(SecurityError):
    def __init__(self, attempts: int, retry_after: float) -> None:
        super().__init__(f"wrong passphrase (attempt {attempts}); try again in {retry_after:g} s")
        self.attempts = attempts
        self.retry_after = retry_after


class TooSoon(SecurityError):
    def __init__(self, seconds_left: float) -> None:
        super().__init__(f"too many wrong passphrases: wait {seconds_left:.1f} s")
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
    for i in range(len(buffer)):
        buffer[i] = 0


def profile_exists(profile_dir: Path) -> bool:
    return (profile_dir / KEY_FILE).is_file()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _write_atomic(path: Path, payload: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    data = json.dumps(payload, indent=2).encode("utf-8")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    if hasattr(os, "O_DIRECTORY"):  # POSIX: make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _kek(passphrase: str, salt: bytes, kdf: KdfParams, device_secret: bytes) -> bytes:
    stretched = hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism,
        hash_len=32,
        type=Type.ID,
    )
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"officer-app kek v1").derive(
        stretched + device_secret
    )


def subkey(master: bytes | bytearray, purpose: str) -> bytes:
    """A key for one purpose ("database", "attachments") derived from the profile key."""
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=b"officer-app " + purpose.encode("ascii"),
    ).derive(bytes(master))


def _secret_name(profile_id: str) -> str:
    return f"device-secret:{profile_id}"


def _store_device_secret(profile_id: str, backend: KeyringBackend) -> bytes:
    secret = secrets.token_bytes(32)
    backend.set_password(KEYRING_SERVICE, _secret_name(profile_id), _b64(secret))
    return secret


def _load_device_secret(key_file: KeyFile, backend: KeyringBackend) -> bytes:
    if not key_file.device_secret_in_keyring:
        return b""
    try:
        stored = backend.get_password(KEYRING_SERVICE, _secret_name(key_file.profile_id))
    except KeyringError as exc:
        raise DeviceSecretMissing(
            "the system key store could not be read; unlock it and try again"
        ) from exc
    if not stored:
        raise DeviceSecretMissing(
            "this laptop's key store does not hold the device secret for this profile: "
            "the profile was made on another device, or the key store was reset"
        )
    return base64.b64decode(stored)


def _backend(backend: KeyringBackend | None) -> KeyringBackend:
    if backend is not None:
        return backend
    import keyring

    return keyring.get_keyring()


def create_profile_key(
    profile_dir: Path,
    passphrase: str,
    *,
    kdf: KdfParams = DEFAULT_KDF,
    backend: KeyringBackend | None = None,
) -> tuple[str, bytearray]:
    """Make and wrap a new profile key. Returns (profile id, the key, for the caller to wipe)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise WeakPassphrase(f"the passphrase must have at least {MIN_PASSPHRASE} characters")
    if profile_exists(profile_dir):
        raise ProfileExists(f"a profile key already exists in {profile_dir}")
    chosen = _backend(backend)
    profile_id = str(uuid.uuid4())
    in_keyring = keyring_status(chosen).available
    device_secret = _store_device_secret(profile_id, chosen) if in_keyring else b""
    master = bytearray(secrets.token_bytes(32))
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(_kek(passphrase, salt, kdf, device_secret)).encrypt(
        nonce, bytes(master), profile_id.encode("ascii")
    )
    profile_dir.mkdir(parents=True, exist_ok=True)
    _write_atomic(
        profile_dir / KEY_FILE,
        {
            "format": FORMAT,
            "profile_id": profile_id,
            "salt": _b64(salt),
            "kdf": asdict(kdf),
            "nonce": _b64(nonce),
            "wrapped_key": _b64(wrapped),
            "device_secret_in_keyring": in_keyring,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        },
    )
    return profile_id, master


def read_key_file(profile_dir: Path) -> KeyFile:
    path = profile_dir / KEY_FILE
    if not path.is_file():
        raise NoProfile(f"there is no profile key in {profile_dir}")
    field = "(the file)"
    try:
        raw = json.loads(path.read_text("utf-8"))
        field = "format"
        if raw["format"] != FORMAT:
            raise CorruptKeyFile(f"{path}: unsupported format {raw['format']!r}")
        field = "kdf"
        kdf = KdfParams(
            **{k: int(raw["kdf"][k]) for k in ("time_cost", "memory_kib", "parallelism")}
        )
        values: dict[str, Any] = {}
        for field in ("salt", "nonce", "wrapped_key"):
            values[field] = base64.b64decode(raw[field], validate=True)
        field = "profile_id"
        profile_id = str(uuid.UUID(raw["profile_id"]))
        field = "device_secret_in_keyring"
        in_keyring = raw["device_secret_in_keyring"]
        if not isinstance(in_keyring, bool):
            raise ValueError("not true or false")
        return KeyFile(
            format=FORMAT,
            profile_id=profile_id,
            kdf=kdf,
            device_secret_in_keyring=in_keyring,
            created_at=str(raw.get("created_at", "")),
            **values,
        )
    except CorruptKeyFile:
        raise
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise CorruptKeyFile(f"{path}: field {field} is missing or malformed") from exc


def _read_state(profile_dir: Path) -> tuple[int, float]:
    try:
        raw = json.loads((profile_dir / STATE_FILE).read_text("utf-8"))
        return int(raw["failed_attempts"]), float(raw["not_before"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0, 0.0


def _write_state(profile_dir: Path, failed: int, not_before: float) -> None:
    _write_atomic(profile_dir / STATE_FILE, {"failed_attempts": failed, "not_before": not_before})


def _unwrap(
    profile_dir: Path,
    passphrase: str,
    backend: KeyringBackend | None,
    clock: Callable[[], float],
) -> tuple[KeyFile, bytearray]:
    key_file = read_key_file(profile_dir)
    failed, not_before = _read_state(profile_dir)
    now = clock()
    if now < not_before:
        raise TooSoon(not_before - now)
    device_secret = _load_device_secret(key_file, _backend(backend))
    kek = _kek(passphrase, key_file.salt, key_file.kdf, device_secret)
    try:
        master = bytearray(
            AESGCM(kek).decrypt(
                key_file.nonce, key_file.wrapped_key, key_file.profile_id.encode("ascii")
            )
        )
    except InvalidTag:
        failed += 1
        delay = min(MAX_DELAY_S, 0.5 * 2 ** (failed - 1))
        _write_state(profile_dir, failed, clock() + delay)
        raise WrongPassphrase(failed, delay) from None
    if failed or not_before:
        _write_state(profile_dir, 0, 0.0)
    return key_file, master


def unwrap_master_key(
    profile_dir: Path,
    passphrase: str,
    *,
    backend: KeyringBackend | None = None,
    clock: Callable[[], float] = time.time,
) -> bytearray:
    """The profile key, or WrongPassphrase (with a delay that doubles, up to 30 s)."""
    return _unwrap(profile_dir, passphrase, backend, clock)[1]


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
    if len(new) < MIN_PASSPHRASE:
        raise WeakPassphrase(f"the passphrase must have at least {MIN_PASSPHRASE} characters")
    key_file, master = _unwrap(profile_dir, old, backend, clock)
    try:
        params = kdf or key_file.kdf
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        device_secret = _load_device_secret(key_file, _backend(backend))
        wrapped = AESGCM(_kek(new, salt, params, device_secret)).encrypt(
            nonce, bytes(master), key_file.profile_id.encode("ascii")
        )
    finally:
        wipe(master)
    _write_atomic(
        profile_dir / KEY_FILE,
        {
            "format": FORMAT,
            "profile_id": key_file.profile_id,
            "salt": _b64(salt),
            "kdf": asdict(params),
            "nonce": _b64(nonce),
            "wrapped_key": _b64(wrapped),
            "device_secret_in_keyring": key_file.device_secret_in_keyring,
            "created_at": key_file.created_at,
        },
    )


def forget_device_secret(profile_id: str, backend: KeyringBackend | None = None) -> None:
    with contextlib.suppress(PasswordDeleteError):
        _backend(backend).delete_password(KEYRING_SERVICE, _secret_name(profile_id))
