# SPDX-License-Identifier: MIT
"""The one atomic writer: old or new content after any failure, and never over what it must not replace."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from booster import files
from booster.files import RefusedWrite, clean_temp_files, write_atomic


def test_writes_text_and_bytes(tmp_path):
    write_atomic(tmp_path / "a" / "t.txt", "é\n")
    write_atomic(tmp_path / "b.bin", b"\x00\xff")
    assert (tmp_path / "a" / "t.txt").read_bytes() == "é\n".encode()
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\xff"


def test_a_failed_rename_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "save.json"
    write_atomic(path, "old")

    def broken(src, dst):
        raise OSError("disk unplugged")

    monkeypatch.setattr(files.os, "replace", broken)
    with pytest.raises(OSError):
        write_atomic(path, "new")
    assert path.read_text() == "old"
    assert list(tmp_path.iterdir()) == [path]


def test_refuses_to_write_over_an_input(tmp_path):
    save = tmp_path / "game.json"
    save.write_text("the game")
    with pytest.raises(RefusedWrite, match="one of the files read"):
        write_atomic(save, "the report", inputs=[save])
    link = tmp_path / "hard.json"
    os.link(save, link)
    with pytest.raises(RefusedWrite):
        write_atomic(link, "the report", inputs=[save])
    assert save.read_text() == "the game"


def test_refuses_symlinks_fifos_and_folders(tmp_path):
    target = tmp_path / "target"
    target.write_text("kept")
    (tmp_path / "link").symlink_to(target)
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "folder").mkdir()
    for name, why in (("link", "symbolic link"), ("fifo", "not a regular file"), ("folder", "folder")):
        with pytest.raises(RefusedWrite, match=why):
            write_atomic(tmp_path / name, "x")
    assert (tmp_path / "link").is_symlink() and target.read_text() == "kept"
    assert not (tmp_path / "fifo").is_file()


def test_refuses_a_device_node():
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null")
    with pytest.raises(RefusedWrite, match="not a regular file"):
        write_atomic("/dev/null", "x")
    assert not os.path.isfile("/dev/null")


def test_temp_files_of_a_killed_writer_are_cleaned(tmp_path):
    # A process that is certainly gone: one that has already exited.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    stale = tmp_path / f".save.json.{pid}.0123abcd.tmp"
    stale.write_text("half")
    mine = tmp_path / f".save.json.{os.getpid()}.0123abcd.tmp"
    mine.write_text("being written")
    other = tmp_path / ".notes.tmp"  # not one of ours
    other.write_text("x")
    write_atomic(tmp_path / "save.json", "whole")
    assert not stale.exists() and mine.exists() and other.exists()
    assert clean_temp_files(tmp_path) == 0
