"""Where briefings are: the bundled ones, and the briefing folders under a content path.

Apart from the loader so that finding folders (which the library store does on every start,
to see what changed) does not import the loader's validation machinery.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from briefing_tui.content.errors import UsageError


def bundled_content_path() -> Path:
    """Where the briefings shipped with the package live (the wheel's copy, or the checkout's)."""
    package = Path(__file__).resolve().parent.parent
    # Installed from a wheel, the data package briefing_tui.bundled is a namespace package
    # (no __init__.py): resources.files() would give a MultiplexedPath whose str() is not a
    # path, so look for the folder itself. In a checkout it is the top-level content/ folder.
    installed = package / "bundled"
    if installed.is_dir() and any(installed.iterdir()):
        return installed
    return package.parent / "content"


def briefing_folders(path: Path) -> list[Path]:
    """The briefing folders under a content path, in name order."""
    if not path.exists():
        raise UsageError(f"{path}: no such file or folder")
    if path.is_file() and path.name == "briefing.toml":
        path = path.parent
    if not path.is_dir():
        raise UsageError(f"{path}: not a content folder")
    if (path / "briefing.toml").exists() or (path / "briefing.toml").is_symlink():
        return [path]
    # os.scandir and name strings, not Path objects: the store lists a library of 10,000 on
    # every start, where Path.iterdir, is_dir and sorting Paths took 0.4 s.
    try:
        with os.scandir(path) as entries:
            names = sorted(e.name for e in entries if not e.name.startswith(".") and _is_dir(e))
    except OSError as exc:
        from briefing_tui.content.files import os_reason

        raise UsageError(f"{path}: cannot list folder: {os_reason(exc)}") from None
    return [path / name for name in names if _has_meta(os.path.join(path, name))]


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """A folder, or a link to one (as Path.is_dir)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _has_meta(folder: str) -> bool:
    """``folder/briefing.toml`` is there, even as a broken link (the loader reports it)."""
    try:
        os.lstat(os.path.join(folder, "briefing.toml"))
    except OSError as exc:
        return exc.errno not in (errno.ENOENT, errno.ENOTDIR)
    return True
