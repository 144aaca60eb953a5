"""content.digest: the built-in SHA-256 gives hashlib's digests, so nothing written before
(store names, content identities, the analyst's fingerprints) changes meaning."""

from __future__ import annotations

import hashlib
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from briefing_tui.content.digest import sha256


@given(st.binary(max_size=4096), st.integers(min_value=1, max_value=7))
def test_same_digests_as_hashlib(data: bytes, pieces: int) -> None:
    ours = sha256()
    step = max(1, len(data) // pieces)
    for start in range(0, len(data), step):
        ours.update(data[start : start + step])
    assert ours.hexdigest() == hashlib.sha256(data).hexdigest()
    assert sha256(data).digest() == hashlib.sha256(data).digest()


def test_the_store_and_the_fingerprints_do_not_load_openssls_hashlib() -> None:
    code = (
        "import sys\n"
        "import briefing_tui.store.location, briefing_tui.store.identity\n"
        "import briefing_tui.state.fingerprint\n"
        "print('hashlib' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
