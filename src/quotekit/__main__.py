"""``python -m quotekit``: the command line."""

import sys

from quotekit.cli import main

sys.exit(main())
