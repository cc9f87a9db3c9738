"""``python -m screenshots --out docs/screenshots [--scene NAME ...]``."""

import sys

from screenshots.rendering import main

sys.exit(main())
