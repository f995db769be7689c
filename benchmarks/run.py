# SPDX-License-Identifier: MIT
"""Run every benchmark in this folder, one after the other (on demand, never in CI).

python benchmarks/run.py
"""

import subprocess
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
for script in sorted(here.glob("*_bench.py")):
    print(f"== {script.name}", flush=True)
    subprocess.run([sys.executable, str(script)], check=False)
