"""Where a library's store lives.

- Beside the library (``LIBRARY/.briefing-store``), written by ``briefing index``: the one a
  shared server's administrator builds, and the only one a secure session reads (it writes
  nothing). The loader skips folders whose names start with a dot, so it is never mistaken for
  a briefing.
- In the user's cache folder (platformdirs' ``user_cache_dir``, so ``XDG_CACHE_HOME`` on
  Linux), one per library, named by a hash of the library's absolute path: what ``briefing``
  and ``briefing search`` keep up to date by themselves.
"""

from __future__ import annotations

from pathlib import Path

from briefing_tui.content.digest import sha256

APP_NAME = "briefing-tui"
#: The store folder's name beside a library.
BESIDE_NAME = ".briefing-store"


def library_root(path: Path) -> Path:
    """The folder a content path stands for, absolute (a ``briefing.toml`` means its folder)."""
    path = path.resolve()
    return path.parent if path.is_file() else path


def beside_library(path: Path) -> Path:
    """The administrator's store of a library."""
    return library_root(path) / BESIDE_NAME


def in_cache(path: Path) -> Path:
    """The user's own store of a library, in the cache folder."""
    import platformdirs

    root = library_root(path)
    name = sha256(str(root).encode()).hexdigest()[:24]
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "stores" / name
