"""``briefing`` with a CPU-time meter the keys benchmark switches by signal (``keys --cpu``).

Wall-clock time on a shared machine moves with the other processes; the CPU time the browser
spends on a key does not, much. SIGUSR1 starts a measurement, SIGUSR2 ends it and appends the
process's CPU milliseconds (all threads) and the number of collector passes (full ones apart)
to the file named on the command line.
"""

from __future__ import annotations

import gc
import signal
import sys
import time
from pathlib import Path


def main(out: Path) -> int:
    state = {"cpu": 0.0, "passes": 0, "full": 0}

    def start(*_: object) -> None:
        state.update(cpu=time.process_time(), passes=0, full=0)

    def stop(*_: object) -> None:
        spent = (time.process_time() - state["cpu"]) * 1000
        with out.open("a") as f:
            f.write(f"{spent:.1f} {state['passes']:.0f} {state['full']:.0f}\n")

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            state["passes"] += 1
            state["full"] += info["generation"] == 2

    gc.callbacks.append(count)
    signal.signal(signal.SIGUSR1, start)
    signal.signal(signal.SIGUSR2, stop)
    from briefing_tui.cli import main as briefing

    return briefing([])


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
