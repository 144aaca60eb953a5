"""SHA-256 without OpenSSL's start-up cost.

``hashlib`` loads OpenSSL's digests when it is imported: 0.63 MiB and ~1 ms in the browser's
process, measured after textual's imports, for the one algorithm we use (the store's name for
a library, content files' identity, the analyst's item fingerprints). CPython ships SHA-256 as
a built-in module too, the one ``hashlib`` falls back to when OpenSSL lacks it; the digests are
the same (tests/unit/test_digest.py), so stores and fingerprints written before stay valid.
"""

from __future__ import annotations

try:  # Python 3.12+
    from _sha2 import sha256  # type: ignore[import-not-found]
except ImportError:
    try:  # Python 3.11
        from _sha256 import sha256  # type: ignore[import-not-found,no-redef]
    except ImportError:  # pragma: no cover - a build without the built-in module
        from hashlib import sha256  # type: ignore[assignment]

__all__ = ["sha256"]
