"""The browser served over a real sshd, the way analysts reach it: ForceCommand, key-only login.

A private ``sshd -D`` on 127.0.0.1 (own host key, own config, a free high port) and a throwaway
account whose only command is ``<venv>/bin/briefing --secure``. The venv is built from
/usr/bin/python3 in a world-readable directory, because sshd runs the command as that account,
which cannot read root's interpreter or the test venv. A real ``ssh -tt`` client runs inside
tmux at 80x24. Needs root (to create the account and run sshd); CI runs as root.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from tmuxkit import TITLE, Tmux, exit_status, laid_out, wait_for, wait_screen

ROOT = Path(__file__).resolve().parents[2]
SSHD = shutil.which("sshd") or ("/usr/sbin/sshd" if os.path.exists("/usr/sbin/sshd") else None)
SSH = shutil.which("ssh")
SYSTEM_PYTHON = "/usr/bin/python3"

pytestmark = [
    pytest.mark.skipif(os.geteuid() != 0, reason="needs root: creates an account and runs sshd"),
    pytest.mark.skipif(
        SSHD is None or SSH is None or shutil.which("tmux") is None,
        reason="needs openssh-server, openssh-client and tmux (.ci/run installs them)",
    ),
]

#: The sshd_config the test runs (README "Serving analysts over SSH" shows the same block).
SSHD_CONFIG = """\
Port {port}
ListenAddress 127.0.0.1
HostKey {host_key}
PidFile {pid_file}
AuthorizedKeysFile .ssh/authorized_keys
AuthenticationMethods publickey
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin no
AllowUsers {user}
PermitUserEnvironment no
DisableForwarding yes
PermitTunnel no
PrintMotd no
Banner none

Match User {user}
    ForceCommand {venv}/bin/briefing --secure
"""


@dataclass
class Server:
    """A running sshd and how to reach the account behind it."""

    port: int
    user: str
    key: Path
    process: subprocess.Popen[bytes]

    def ssh(self, *options: str) -> list[str]:
        return [
            SSH or "ssh",
            *options,
            "-i", str(self.key), "-p", str(self.port),
            "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10",
            f"{self.user}@127.0.0.1",
        ]  # fmt: skip


@pytest.fixture(scope="session")
def served_venv() -> Iterator[Path]:
    """The project installed (not editable) into a venv any account can read; built once."""
    base = Path(tempfile.mkdtemp(prefix="bt-served-"))
    base.chmod(0o755)
    source = base / "src"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "venv", "build", "*.egg-info", "__pycache__"
        ),
    )
    venv = base / "venv"
    started = time.monotonic()
    subprocess.run([SYSTEM_PYTHON, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", str(source)],
        check=True,
    )
    took = time.monotonic() - started
    sys.stderr.write(f"\n[test_ssh] served venv built in {took:.1f}s at {venv}\n")
    subprocess.run(["chmod", "-R", "a+rX", str(base)], check=True)
    try:
        yield venv
    finally:
        shutil.rmtree(base, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def account_pids(user: str) -> list[int]:
    done = subprocess.run(["pgrep", "-u", user], capture_output=True, text=True, check=False)
    return [int(p) for p in done.stdout.split()]


#: The comment on every test account, followed by the pid of the test run that owns it.
ACCOUNT_MARK = "briefing-tui e2e account, run "


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_account(user: str) -> None:
    for pid in account_pids(user):
        os.kill(pid, 9)
    subprocess.run(["userdel", "--remove", user], capture_output=True, check=False)


def sweep_stale_accounts() -> list[str]:
    """Remove test accounts whose run is gone: a run killed with SIGKILL skips its fixtures'
    clean-up. Accounts of a run still alive (another pytest at the same time) are kept."""
    removed = []
    for entry in pwd.getpwall():
        run = entry.pw_gecos.removeprefix(ACCOUNT_MARK)
        if run != entry.pw_gecos and run.isdigit() and not alive(int(run)):
            remove_account(entry.pw_name)
            removed.append(entry.pw_name)
    return removed


def create_account(user: str, run: int) -> None:
    comment = f"{ACCOUNT_MARK}{run}"
    subprocess.run(
        ["useradd", "--create-home", "--shell", "/bin/sh", "--comment", comment, user],
        check=True,
    )


@pytest.fixture
def server(served_venv: Path) -> Iterator[Server]:
    """sshd with a fresh key-only account; everything removed afterwards."""
    work = Path(tempfile.mkdtemp(prefix="bt-sshd-"))
    user = f"bt{uuid.uuid4().hex[:8]}"
    sweep_stale_accounts()
    create_account(user, os.getpid())
    process: subprocess.Popen[bytes] | None = None
    try:
        # A "!" password means "locked" to sshd without PAM, and locked accounts cannot log in
        # even with a key; "*" means "no password" and lets key logins through.
        subprocess.run(["usermod", "-p", "*", user], check=True)
        entry = pwd.getpwnam(user)
        key = work / "client_key"
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
        host_key = work / "host_key"
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(host_key)], check=True
        )
        dot_ssh = Path(entry.pw_dir) / ".ssh"
        dot_ssh.mkdir(mode=0o700)
        (dot_ssh / "authorized_keys").write_text(key.with_suffix(".pub").read_text())
        (dot_ssh / "authorized_keys").chmod(0o600)
        for path in (dot_ssh, dot_ssh / "authorized_keys"):
            os.chown(path, entry.pw_uid, entry.pw_gid)
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege-separation dir
        port = free_port()
        config = work / "sshd_config"
        config.write_text(
            SSHD_CONFIG.format(
                port=port, host_key=host_key, pid_file=work / "sshd.pid", user=user,
                venv=served_venv,
            )
        )  # fmt: skip
        subprocess.run([SSHD or "sshd", "-t", "-f", str(config)], check=True)
        process = subprocess.Popen(
            [SSHD or "sshd", "-D", "-f", str(config), "-E", str(work / "sshd.log")]
        )

        def listening() -> bool:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return True
            except OSError:
                return False

        assert wait_for(listening, timeout=10), "sshd did not start listening"
        yield Server(port, user, key, process)
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=10)
        remove_account(user)  # kills leftovers only if the test already failed on them
        shutil.rmtree(work, ignore_errors=True)


def test_forced_browser_over_ssh(server: Server, tmp_path: Path) -> None:
    tmux = Tmux()
    status = tmp_path / "status"
    try:
        tmux.start("ssh", server.ssh("-tt"), size=(80, 24), status_file=status)
        wait_screen(tmux, "ssh", TITLE, timeout=30)
        assert wait_for(lambda: laid_out(tmux.screen("ssh"), 80, 24), timeout=30), tmux.screen(
            "ssh"
        )

        tmux.keys("ssh", "/")
        tmux.keys("ssh", "Power of Siberia", literal=True)

        def found(screen: str) -> bool:
            # The keys cross ssh one by one: hits for "Po" can be on screen before the rest of
            # the query arrives, so wait for the whole query in the box and its results.
            typed = re.search(r"^\s*Power of Siberia\s*$", screen, re.MULTILINE)
            return bool(typed) and "hits" in screen and "Power of Siberia-2" in screen

        assert wait_for(lambda: found(tmux.screen("ssh")), timeout=30), tmux.screen("ssh")
        tmux.keys("ssh", "Escape")

        tmux.resize("ssh", 100, 30)
        assert wait_for(lambda: laid_out(tmux.screen("ssh"), 100, 30), timeout=30), tmux.screen(
            "ssh"
        )

        tmux.keys("ssh", "q")
        assert exit_status(status, timeout=15) == "0", tmux.screen("ssh")
        assert "Traceback" not in tmux.screen("ssh")
    finally:
        tmux.kill()


def test_a_requested_command_still_gets_only_the_browser(server: Server, tmp_path: Path) -> None:
    tmux = Tmux()
    status = tmp_path / "status"
    try:
        argv = [*server.ssh("-tt"), "/bin/sh", "-c", "echo SHELL-RAN; id"]
        tmux.start("sh", argv, size=(80, 24), status_file=status)
        wait_screen(tmux, "sh", TITLE, timeout=30)
        assert "SHELL-RAN" not in tmux.screen("sh")
        tmux.keys("sh", "q")
        assert exit_status(status, timeout=15) == "0", tmux.screen("sh")
        assert "SHELL-RAN" not in tmux.screen("sh") and "uid=" not in tmux.screen("sh")
    finally:
        tmux.kill()


def test_no_terminal_exits_promptly_with_the_message(server: Server) -> None:
    started = time.monotonic()
    done = subprocess.run(
        server.ssh("-T"), stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30
    )
    took = time.monotonic() - started
    assert done.returncode == 2, done
    assert "briefing export" in done.stderr and "briefing search" in done.stderr
    assert took < 10, f"ssh -T took {took:.1f}s"
    assert wait_for(lambda: not account_pids(server.user), timeout=5), account_pids(server.user)


def test_no_process_of_the_account_is_left(server: Server, tmp_path: Path) -> None:
    """After a session ends, nothing runs as the account (no orphaned browser)."""
    tmux = Tmux()
    status = tmp_path / "status"
    try:
        tmux.start("left", server.ssh("-tt"), size=(80, 24), status_file=status)
        wait_screen(tmux, "left", TITLE, timeout=30)
        assert account_pids(server.user), "the browser should be running as the account"
        tmux.keys("left", "q")
        assert exit_status(status, timeout=15) == "0"
    finally:
        tmux.kill()
    assert wait_for(lambda: not account_pids(server.user), timeout=5), account_pids(server.user)


def test_accounts_of_a_killed_run_are_swept_and_a_live_runs_kept() -> None:
    dead_run = subprocess.Popen(["true"])
    dead_run.wait()
    stale, current = f"bt{uuid.uuid4().hex[:8]}", f"bt{uuid.uuid4().hex[:8]}"
    create_account(stale, dead_run.pid)
    create_account(current, os.getpid())
    try:
        removed = sweep_stale_accounts()
        assert stale in removed and current not in removed
        with pytest.raises(KeyError):
            pwd.getpwnam(stale)
        assert pwd.getpwnam(current).pw_gecos == f"{ACCOUNT_MARK}{os.getpid()}"
    finally:
        remove_account(stale)
        remove_account(current)


def account_rss_mib(user: str) -> float:
    """Largest resident set of any process of the account, in MiB."""
    done = subprocess.run(
        ["ps", "-o", "rss=", "-u", user], capture_output=True, text=True, check=False
    )
    return max((int(v) for v in done.stdout.split()), default=0) / 1024


def test_hostile_terminal_over_ssh(server: Server, tmp_path: Path) -> None:
    """Issue #12 over a real sshd: bytes no terminal should send, window sizes from 2 columns to
    far past the cap, and a flood of keys; the browser stays up, bounded, and quits cleanly."""
    tmux = Tmux()
    status = tmp_path / "status"
    peak = 0.0
    try:
        tmux.start("hostile", server.ssh("-tt"), size=(80, 24), status_file=status)
        wait_screen(tmux, "hostile", TITLE, timeout=30)
        # Invalid UTF-8 (a Latin-1 client, Alt as the 8th bit) and out-of-range key reports.
        tmux.run("send-keys", "-t", "hostile", "-H", "ff", "e9", "c3", "28", "e1")
        for sequence in ("\x1b[1114112u", "\x1b[27;5;1114112~", "\x1b[97:1114112;5u"):
            tmux.keys("hostile", sequence, literal=True)
        # An in-band resize report typed by the user: the mode was never confirmed, ignored.
        tmux.keys("hostile", "\x1b[48;30000;30000;0;0t", literal=True)
        for width, height in ((2, 24), (1, 5), (3, 24), (1000, 500), (80, 24)):
            tmux.resize("hostile", width, height)
            time.sleep(0.5)
            peak = max(peak, account_rss_mib(server.user))
        assert wait_for(lambda: laid_out(tmux.screen("hostile"), 80, 24), timeout=30), tmux.screen(
            "hostile"
        )
        for _ in range(10):  # a flood of keys, as `yes j` types (tmux takes 2,000 at a time)
            tmux.keys("hostile", "j" * 2_000, literal=True)
        time.sleep(1.0)
        peak = max(peak, account_rss_mib(server.user))
        tmux.keys("hostile", "C-q")
        assert exit_status(status, timeout=15) == "0", tmux.screen("hostile")
        screen = tmux.screen("hostile")
        assert "Traceback" not in screen and "internal error" not in screen, screen
    finally:
        tmux.kill()
    sys.stderr.write(f"\n[test_ssh] hostile session: peak RSS {peak:.0f} MiB\n")
    assert 0 < peak < 400
    assert wait_for(lambda: not account_pids(server.user), timeout=5), account_pids(server.user)
