# SPDX-License-Identifier: MIT
"""How fast the engine would play if its modules were compiled with mypyc: an experiment, not a build.

    python benchmarks/engine_mypyc.py [--seconds 2] [--repeats 5]

Copies the `booster` package into a temporary folder, compiles there the engine modules mypyc accepts
(state.py is left out: mypyc does not compile its attrs classes), and runs benchmarks/engine_bench.py on
that copy (the core deck of this checkout), so that the printed ratio to OpenSpiel's Kuhn poker compares with
the one engine_bench.py prints for the interpreted engine. Needs a C compiler; takes a minute or two.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from booster import paths

ROOT = Path(__file__).resolve().parent.parent
COMPILED = ("game.py", "rng.py", "book.py", "powers.py")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", default="2")
    parser.add_argument("--repeats", default="5")
    args = parser.parse_args()
    mypyc = shutil.which("mypyc", path=str(Path(sys.executable).parent))
    if mypyc is None:
        raise SystemExit("mypyc not found next to this Python: pip install mypy")
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "booster", Path(tmp) / "booster", ignore=shutil.ignore_patterns("__pycache__"))
        modules = [f"booster/engine/{name}" for name in COMPILED]
        subprocess.run([mypyc, *modules], cwd=tmp, check=True, capture_output=True)
        # -P: the copy on PYTHONPATH is imported, not this checkout.
        bench = [sys.executable, "-P", str(ROOT / "benchmarks" / "engine_bench.py"), str(paths.CORE_DECK)]
        bench += ["--seconds", args.seconds, "--repeats", args.repeats]
        print(f"engine compiled with mypyc: {', '.join(COMPILED)}", flush=True)
        subprocess.run(bench, env={**os.environ, "PYTHONPATH": tmp}, check=True)


if __name__ == "__main__":
    main()
