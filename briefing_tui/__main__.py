"""``python -m briefing_tui`` is the ``briefing`` command."""

import sys

from .cli import main

sys.exit(main())
