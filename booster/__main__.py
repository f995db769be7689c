# SPDX-License-Identifier: MIT
import sys

from booster.tools.cli import main

sys.exit(main())
