# SPDX-License-Identifier: MIT
"""The one way the project writes a file: atomically, and never over something it must not replace.

`write_atomic(path, data)` writes a temporary file in the same folder, flushes it to disk, renames it over
`path` and flushes the folder, so a crash or a kill at any instant leaves the old file or the new one, never
a torn one. Every file the project writes (saves, reports, printed decks, screenshots, translations) goes
through it.

It refuses, with `RefusedWrite` (an OSError whose text is a sentence), to replace:
- one of the files the command read (`booster report SAVE -o SAVE` would turn the game into its report);
- a symlink, a FIFO, a device node, a socket or a folder: a rename would silently turn them into a regular
  file (as root, `-o /dev/null` would replace /dev/null).

Temporary files carry the writer's process id; one left behind by a killed writer is removed by the next
write into the same folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

TEMP_SUFFIX = ".tmp"


class RefusedWrite(OSError):
    """A write that would destroy something; its text is a sentence naming the file and the reason."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(why)
        self.filename = str(path)
        self.strerror = self.why = why

    def __str__(self) -> str:
        return self.why


def check_target(path: str | Path, inputs: Iterable[str | Path] = ()) -> None:
    """Raises RefusedWrite if `path` is one of `inputs` or something other than a regular file."""
    path = Path(path)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError:  # the write itself will say what is wrong
        return
    mode = st.st_mode
    if stat.S_ISLNK(mode):
        raise RefusedWrite(path, f"{path} is a symbolic link: give the path of a regular file")
    if stat.S_ISDIR(mode):
        raise RefusedWrite(path, f"{path} is a folder: give a file name")
    if not stat.S_ISREG(mode):
        raise RefusedWrite(path, f"{path} is not a regular file (a pipe, a device or a socket): give a file name")
    for other in inputs:
        try:
            o = os.stat(other)
        except OSError:
            continue
        if (o.st_dev, o.st_ino) == (st.st_dev, st.st_ino):
            raise RefusedWrite(path, f"{path} is one of the files read: choose another output file")


# A saved game's first bytes (booster.saves.FORMAT): a save is never replaced by an export, --force or not.
_SAVE = re.compile(rb'"format"\s*:\s*"social-impact-booster/save-')
DECK_SUFFIXES = (".yaml", ".yml")


def check_output(
    path: str | Path,
    inputs: Iterable[str | Path] = (),
    decks: Iterable[str | Path] = (),
    force: bool = False,
    save: bool = False,
) -> None:
    """What every `-o`/`--save` checks before any work; RefusedWrite with a sentence if `path` is one of the
    files read (`inputs`), a link or a device, a deck file (a YAML file in one of the `decks` folders, which
    the deck would then read), a saved game, or any file that exists: `force` replaces an export, never a
    save; `save` (the output is a save) never replaces anything."""
    path = Path(path)
    check_target(path, inputs)
    where = path.absolute().parent
    for deck in decks:
        folder = Path(deck)
        try:
            inside = folder.is_dir() and where.resolve() == folder.resolve()
        except OSError:
            inside = False
        if inside and path.suffix.lower() in DECK_SUFFIXES:
            raise RefusedWrite(path, f"{path} is a file of the deck {folder}: choose a file outside the deck")
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except FileNotFoundError:
        return
    except OSError:  # unreadable: the write will say why
        return
    if _SAVE.search(head):
        raise RefusedWrite(path, f"{path} is a saved game: a save is never replaced, choose a new file name")
    if save:
        raise RefusedWrite(path, f"{path} exists: a save is written to a new file, choose another name")
    if not force:
        raise RefusedWrite(path, f"{path} exists: add --force to replace it")


def write_atomic(path: str | Path, data: str | bytes, inputs: Iterable[str | Path] = ()) -> None:
    """Replace `path` with `data` (text is written as UTF-8) so that a crash leaves the old or the new file.

    Creates the folder if needed. Raises RefusedWrite (see the module docstring) or the OSError of the write.
    """
    path = Path(path)
    check_target(path, inputs)
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    clean_temp_files(folder)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    tmp = folder / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
    try:
        try:
            view = memoryview(raw)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        check_target(path, inputs)  # something may have appeared there meanwhile
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - some systems cannot open a folder
        return
    try:
        os.fsync(dir_fd)
    except OSError:  # pragma: no cover - some file systems cannot fsync a folder
        pass
    finally:
        os.close(dir_fd)


def clean_temp_files(folder: Path) -> int:
    """Remove the temporary files of writers that are no longer running; returns how many."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        pid = _writer_pid(name)
        if pid is None or pid == os.getpid() or _alive(pid):
            continue
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.lstat(folder / name).st_mode):
                os.unlink(folder / name)
                removed += 1
    return removed


def _writer_pid(name: str) -> int | None:
    """The process id in one of our temporary file names (.NAME.PID.HEX.tmp), else None."""
    if not (name.startswith(".") and name.endswith(TEMP_SUFFIX)):
        return None
    parts = name[: -len(TEMP_SUFFIX)].rsplit(".", 2)
    if len(parts) != 3 or len(parts[2]) != 8 or not parts[1].isdigit() or not parts[1].isascii():
        return None
    try:
        int(parts[2], 16)
    except ValueError:
        return None
    return int(parts[1])


def _alive(pid: int) -> bool:
    if os.name != "posix":  # os.kill would end the process there: never guess, keep the file
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # another user's process, or no pid we can ask about: keep its file
        return True
    return True
