"""Where the state database lives, and how its folder is reached without trusting links.

The database is the one file the browser writes, also in secure mode, so its path must be one
the analyst (or, in secure mode, the account) chose and nobody else can redirect:

* secure mode derives it from the account's home in the password database, never from
  ``HOME``, ``XDG_STATE_HOME``, ``--state`` or ``BRIEFING_STATE``, which a session may set;
* every folder on the way is opened with ``O_NOFOLLOW`` relative to the previous one, so a
  symbolic link anywhere in the path is refused, not followed; a folder others may write to
  (without the sticky bit, as ``/tmp`` has) is refused too, since they could swap what we
  checked;
* missing folders are created 0700, the file 0600 with ``O_CREAT | O_NOFOLLOW``.

Once the last folder is known to be ours and closed to others, SQLite can open the file by
name: nobody else can put a link where we looked.
"""

from __future__ import annotations

import errno
import os
import pwd
import stat
from collections.abc import Mapping
from pathlib import Path

from briefing_tui.content.errors import UsageError
from briefing_tui.content.record import record

APP_NAME = "briefing-tui"
DB_NAME = "state.sqlite3"
#: The files SQLite keeps beside the database in WAL mode (and the rollback journal it may use).
SIDE_FILES = ("-wal", "-shm", "-journal")
ENV_VAR = "BRIEFING_STATE"


class StateLocationError(Exception):
    """The state path cannot be used safely; the message is one line for the analyst."""


class StateUnwritable(StateLocationError):
    """The location is read-only, full or forbidden: go on without writing."""


@record
class StateChoice:
    """Which database a session uses, and what the analyst should be told about the choice."""

    path: Path | None
    """The database file; ``None`` with ``--no-state`` (nothing is read or written)."""
    notices: tuple[str, ...] = ()


def default_path() -> Path:
    """The per-user state folder of the platform (XDG on Linux), via platformdirs."""
    import platformdirs

    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)) / DB_NAME


def account_home() -> Path:
    """The account's home directory as the password database has it (not ``$HOME``)."""
    return Path(pwd.getpwuid(os.getuid()).pw_dir)


def account_path() -> Path:
    """Secure mode's path: from the account's home in the password database, not the session.

    ``HOME`` and ``XDG_STATE_HOME`` are the session's to set (``ssh -o SetEnv``, a profile),
    so secure mode uses the XDG default under the account's real home whatever they say.
    """
    return account_home() / ".local" / "state" / APP_NAME / DB_NAME


def choose_state(
    option: Path | None,
    no_state: bool,
    secure: bool,
    content: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> StateChoice:
    """The database for this run, from ``--state``, ``--no-state`` and ``BRIEFING_STATE``.

    Raises :class:`UsageError` for a path the analyst named that cannot be right (``--state``
    in secure mode, a folder, a place inside the content folder).
    """
    env = os.environ if environ is None else environ
    if no_state:
        return StateChoice(None)
    if secure:
        if option is not None:
            raise UsageError(
                "--state cannot be used with --secure: secure mode keeps notes at the "
                "account's own state path (--no-state turns them off)"
            )
        notices: tuple[str, ...] = ()
        if env.get(ENV_VAR):
            notices = (f"{ENV_VAR} is ignored in secure mode; notes stay at {account_path()}",)
        return StateChoice(account_path(), notices)
    named = option if option is not None else (Path(env[ENV_VAR]) if env.get(ENV_VAR) else None)
    if named is None:
        return StateChoice(default_path())
    where = "--state" if option is not None else ENV_VAR
    path = Path(os.path.abspath(named))
    if path.is_dir():
        raise UsageError(f"{where} {named}: is a folder; name the database file in it")
    if content is not None and _inside(path, content):
        raise UsageError(
            f"{where} {named}: is inside the content folder {content}; "
            "notes are never written into content"
        )
    return StateChoice(path)


def _inside(path: Path, content: Path) -> bool:
    root = Path(os.path.realpath(content))
    if root.is_file():
        root = root.parent
    return Path(os.path.realpath(path)).is_relative_to(root)


# --------------------------------------------------------------------------------------------
# Reaching the file
# --------------------------------------------------------------------------------------------

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def open_folder(folder: Path, create: bool) -> int:
    """A descriptor of ``folder`` reached one component at a time, links refused.

    Missing folders are created 0700 when ``create``; raises :class:`StateLocationError` for
    a link or an unsafe folder, :class:`StateUnwritable` when a folder cannot be created,
    ``FileNotFoundError`` when it is missing and ``create`` is off.
    """
    if not folder.is_absolute():
        folder = Path(os.path.abspath(folder))
    fd = os.open("/", _DIR_FLAGS)
    walked = Path("/")
    try:
        for name in folder.parts[1:]:
            walked = walked / name
            try:
                info = os.stat(name, dir_fd=fd, follow_symlinks=False)
            except FileNotFoundError:
                if not create:
                    raise
                try:
                    os.mkdir(name, 0o700, dir_fd=fd)
                except FileExistsError:
                    pass  # another session created it just now; checked below like any other
                except OSError as exc:
                    raise StateUnwritable(f"cannot create {walked}: {_reason(exc)}") from None
                info = os.stat(name, dir_fd=fd, follow_symlinks=False)
            _check_folder(walked, info)
            try:
                child = os.open(name, _DIR_FLAGS, dir_fd=fd)
            except OSError as exc:  # swapped for a link since the stat, or not searchable
                raise StateLocationError(f"cannot open {walked}: {_reason(exc)}") from None
            os.close(fd)
            fd = child
        last = os.fstat(fd)
        if last.st_uid != os.getuid():
            raise StateLocationError(f"{walked} belongs to another user; refusing to keep notes")
        if last.st_mode & 0o022:
            raise StateLocationError(
                f"{walked} is writable by others; keep notes in a folder only you can write"
            )
        return fd
    except BaseException:
        os.close(fd)
        raise


def _check_folder(path: Path, info: os.stat_result) -> None:
    if stat.S_ISLNK(info.st_mode):
        raise StateLocationError(
            f"{path} is a symbolic link; the state database is never reached through a link "
            "(name the real path with --state)"
        )
    if not stat.S_ISDIR(info.st_mode):
        raise StateLocationError(f"{path} is not a folder")
    if info.st_mode & stat.S_IWOTH and not info.st_mode & stat.S_ISVTX:
        raise StateLocationError(f"{path} is writable by everyone; refusing to keep notes there")


def open_file(folder_fd: int, path: Path, create: bool) -> int:
    """A descriptor of the database file itself: regular, ours, 0600, not a link.

    SQLite's side files (``-wal``, ``-shm``) must not be links either: SQLite would follow
    them when it writes.
    """
    for suffix in SIDE_FILES:
        try:
            side = os.stat(path.name + suffix, dir_fd=folder_fd, follow_symlinks=False)
        except FileNotFoundError:
            continue
        if not stat.S_ISREG(side.st_mode) or side.st_uid != os.getuid():
            raise StateLocationError(f"{path}{suffix} is not a file of yours; refusing to open")
    flags = (os.O_RDWR | os.O_CREAT) if create else os.O_RDONLY
    # O_NONBLOCK: a FIFO put at the path must not hang the open (it is refused just below).
    flags |= os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK | os.O_NOCTTY
    try:
        fd = os.open(path.name, flags, 0o600, dir_fd=folder_fd)
    except FileNotFoundError:
        raise
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # the name is a link
            raise StateLocationError(
                f"{path} is a symbolic link; the state database is never opened through a link"
            ) from None
        raise StateUnwritable(f"cannot open {path}: {_reason(exc)}") from None
    info = os.fstat(fd)
    try:
        if not stat.S_ISREG(info.st_mode):
            raise StateLocationError(f"{path} is not a regular file")
        if info.st_uid != os.getuid():
            raise StateLocationError(f"{path} belongs to another user; refusing to open it")
        if info.st_nlink > 1:
            raise StateLocationError(f"{path} has other hard links; refusing to open it")
        if info.st_mode & 0o077 and create:
            os.fchmod(fd, 0o600)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()
