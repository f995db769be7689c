# SPDX-License-Identifier: MIT
"""The entry point of the desktop app built by PyInstaller (packaging/booster.spec): the `booster` command."""

import sys

from booster.tools.cli import main

if __name__ == "__main__":
    sys.exit(main())
