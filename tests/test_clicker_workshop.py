# SPDX-License-Identifier: MIT
"""benchmarks/clicker_workshop.py drives X programs that pip cannot install: without one it stops before
playing and names the Debian package to install (xwd comes in x11-apps, a name nobody guesses)."""

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "clicker_workshop.py"


def run_with(tmp_path: Path, programs: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    """The script with a PATH holding only `programs` (empty scripts: they are looked for, never run)."""
    for name in programs:
        exe = tmp_path / name
        exe.write_text("#!/bin/sh\nexit 0\n")
        exe.chmod(0o755)
    env = {**os.environ, "PATH": str(tmp_path), "BOOSTER_HOME": str(tmp_path)}
    return subprocess.run([sys.executable, str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)


def test_without_xwd_it_names_the_x11_apps_package(tmp_path):
    done = run_with(tmp_path, ("Xvfb", "openbox", "xdotool"))
    assert done.returncode == 1
    assert "xwd not installed" in done.stderr
    assert "apt-get install x11-apps" in done.stderr


def test_every_missing_program_is_named_at_once(tmp_path):
    done = run_with(tmp_path, ())
    assert done.returncode == 1
    assert "apt-get install xvfb openbox xdotool x11-apps" in done.stderr


def test_usage_says_the_packages():
    done = subprocess.run([sys.executable, str(SCRIPT), "--help"], capture_output=True, text=True, timeout=60)
    assert "x11-apps" in done.stdout
