"""Allows ``python -m huisbezoek``."""

import sys

from huisbezoek.cli import main

sys.exit(main())
