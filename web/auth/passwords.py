"""Passwords hashed with scrypt (memory-hard, in the standard library)."""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

__all__ = ["hash_password", "check_password", "MIN_LENGTH"]

# 2**14 x 8 x 128 bytes = 16 MiB of memory per hash, about 50 ms here.
N, R, P = 2 ** 14, 8, 1
MIN_LENGTH = 8
MAX_LENGTH = 1024


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * 1024 * 1024, dklen=32)


def hash_password(password: str) -> str:
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        raise ValueError(f"a password needs {MIN_LENGTH} to {MAX_LENGTH} characters")
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, N, R, P)
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    return f"scrypt${N}${R}${P}${b64(salt)}${b64(digest)}"


def check_password(stored: str, password: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt" or len(password) > MAX_LENGTH:
            return False
        got = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, base64.b64decode(digest))


def dummy_check(password: str) -> None:
    """Spend the same time on an unknown name as on a wrong password."""
    _scrypt(password[:MAX_LENGTH], b"0" * 16, N, R, P)
