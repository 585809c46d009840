"""PIN and recovery-key hashing: salted scrypt, cost stored in each hash.

The cost is a business setting (``pin_cost``, log2 of scrypt's N) so tests can run fast while a
shop gets a slow hash; every hash records its own parameters, so changing the setting only
affects new hashes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from recoverydesk.errors import ValidationError

DEFAULT_PIN_COST = 15  # N = 2**15, r = 8: ~32 MB and tens of milliseconds per hash
MIN_PIN_COST = 4
MAX_PIN_COST = 20
PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 8
_R, _P, _DKLEN = 8, 1, 32


def validate_pin(pin: str, field: str = "pin") -> str:
    """Return the PIN if it is 4–8 ASCII digits, else a ValidationError saying so."""
    if not pin:
        raise ValidationError("Enter a PIN of 4 to 8 digits.", field)
    if not (pin.isascii() and pin.isdigit()):
        raise ValidationError("A PIN is digits only (0–9).", field)
    if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        raise ValidationError("A PIN has 4 to 8 digits.", field)
    return pin


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _scrypt(secret: str, salt: bytes, log_n: int) -> bytes:
    n = 1 << log_n
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=_R, p=_P, dklen=_DKLEN,
                          maxmem=n * _R * 128 * 2 + 1024 * 1024)


def hash_secret(secret: str, cost: int = DEFAULT_PIN_COST) -> str:
    """``scrypt$<log2 N>$<salt>$<hash>`` for a PIN or recovery key."""
    if not MIN_PIN_COST <= cost <= MAX_PIN_COST:
        raise ValueError(f"pin cost {cost} out of range")
    salt = secrets.token_bytes(16)
    return f"scrypt${cost}${_b64(salt)}${_b64(_scrypt(secret, salt, cost))}"


def verify_secret(secret: str, stored: str) -> bool:
    """Constant-time check of ``secret`` against a hash from :func:`hash_secret`."""
    try:
        scheme, cost, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = _scrypt(secret, base64.b64decode(salt), int(cost))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(expected, actual)


_KEY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed from paper


def new_recovery_key() -> str:
    """A 25-character key in groups of five (~125 bits), to print and keep."""
    chars = "".join(secrets.choice(_KEY_ALPHABET) for _ in range(25))
    return "-".join(chars[i:i + 5] for i in range(0, 25, 5))


def normalize_recovery_key(text: str) -> str:
    """Accept the key with or without dashes/spaces, in any case."""
    chars = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(chars[i:i + 5] for i in range(0, len(chars), 5))


def check_recovery_key(key: str) -> str:
    """A key as :func:`new_recovery_key` makes them (five groups of five), else an error."""
    chars = key.replace("-", "")
    if (normalize_recovery_key(key) != key or len(chars) != 25
            or any(ch not in _KEY_ALPHABET for ch in chars)):
        raise ValidationError("That is not a recovery key (five groups of five letters and "
                              "digits).", "recovery_key")
    return key
