"""``python -m briefing_tui`` is the ``briefing`` command."""

import sys

from briefing_tui.cli import main

sys.exit(main())
