"""What a batch reads: the documents named by files, folders, zip archives and lists.

An input is a file (a document), a folder (every file under it, recursively, hidden
files left out), a ``.zip`` archive (every member that is a file, but hidden and
``__MACOSX`` ones), or a list: a text file naming such inputs one per line (blank lines
and lines starting with ``#`` skipped; relative paths resolved against the current
folder, else the list's own). A file given as ``@paths.txt`` is always a list; any other
text file is one when at least half of its lines name existing files or folders (a
filing's lines name none), and then each line that does not is an error. A document
inside an archive is named ``archive.zip/member``, the name its facts and findings carry.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from assay.errors import InputError

#: A list of inputs is small; a larger file is a document.
_LIST_MAX_BYTES = 4 << 20


@dataclass(frozen=True, slots=True)
class Item:
    """One document to read: ``path`` on disk, or ``member`` of the archive at ``path``."""

    name: str
    path: str
    member: str | None = None


def expand(inputs: list[str], leave_out: tuple[str, ...] = ()) -> tuple[list[Item],
                                                                         list[InputError]]:
    """The documents the inputs name, in a stable order, and every input that names none
    (missing, unreadable, an empty archive), all found in one pass. Files in
    ``leave_out`` (a store and its log, say) are never documents."""
    items: list[Item] = []
    errors: list[InputError] = []
    seen: set[str] = {str(Path(p).resolve()) for p in leave_out}
    for arg in inputs:
        forced = arg.startswith("@") and len(arg) > 1
        _expand_one(arg[1:] if forced else arg, items, errors, seen, None, forced)
    return items, errors


def _exists(p: Path) -> bool:
    try:
        return p.exists()
    except (OSError, ValueError):  # a name too long, or with a NUL: names nothing
        return False


def _expand_one(arg: str, items: list[Item], errors: list[InputError], seen: set[str],
                listed_in: Path | None, forced: bool = False) -> None:
    p = Path(arg)
    if not _exists(p) and listed_in is not None and not p.is_absolute():
        p = listed_in.parent / arg
    if not _exists(p):
        where = f" (listed in {listed_in})" if listed_in else ""
        errors.append(InputError(arg, f"no such file or folder{where}"))
        return
    if p.is_dir():
        files = sorted(f for f in _walk(p))
        if not files:
            errors.append(InputError(arg, "folder holds no files"))
        for f in files:
            _add_file(f, items, errors, seen)
        return
    if forced or _is_list(p):
        key = "list:" + str(p.resolve())
        if key in seen:  # a list named twice, or naming itself
            return
        seen.add(key)
        try:
            entries = _list_entries(p)
        except (OSError, UnicodeDecodeError) as e:
            errors.append(InputError(str(p), f"cannot be read as a list of paths: {e}"))
            return
        for entry in entries:
            _expand_one(entry, items, errors, seen, listed_in=p)
        return
    _add_file(p, items, errors, seen)


def _hidden(name: str) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in name.split("/"))


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if not f.startswith("."):
                yield Path(root) / f


def _add_file(p: Path, items: list[Item], errors: list[InputError], seen: set[str]) -> None:
    path = str(p)
    if path in seen or str(p.resolve()) in seen:
        return
    seen.add(path)
    if p.suffix.lower() == ".zip" and zipfile.is_zipfile(p):
        try:
            with zipfile.ZipFile(p) as z:
                members = [i.filename for i in z.infolist()
                           if not i.is_dir() and not _hidden(i.filename)]
        except (OSError, zipfile.BadZipFile) as e:
            errors.append(InputError(path, f"archive cannot be read: {e}"))
            return
        if not members:
            errors.append(InputError(path, "archive holds no files"))
        items.extend(Item(f"{path}/{m}", path, m) for m in members)
        return
    items.append(Item(path, path))


def _is_list(p: Path) -> bool:
    """A small text file at least half of whose entries name existing files or folders."""
    try:
        if p.stat().st_size > _LIST_MAX_BYTES:
            return False
        entries = _list_entries(p)
    except (OSError, UnicodeDecodeError):
        return False
    named = sum(1 for e in entries if _exists(Path(e)) or _exists(p.parent / e))
    return bool(entries) and 2 * named >= len(entries)


def _list_entries(p: Path) -> list[str]:
    lines = p.read_text(encoding="utf-8-sig").splitlines()
    return [s for s in (line.strip() for line in lines) if s and not s.startswith("#")]


class Loader:
    """Reads items' bytes, keeping each archive open while it is used; close when done."""

    def __init__(self) -> None:
        self._archives: dict[str, zipfile.ZipFile] = {}

    def load(self, item: Item) -> bytes:
        """The item's bytes; InputError naming it for a file or member that cannot be read
        (a corrupt member: bad CRC, truncated data)."""
        try:
            if item.member is None:
                return Path(item.path).read_bytes()
            z = self._archives.get(item.path)
            if z is None:
                z = self._archives[item.path] = zipfile.ZipFile(item.path)
            return z.read(item.member)
        except OSError as e:
            raise InputError(item.name, f"cannot be read: {e.strerror or e}") from None
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError,
                RuntimeError) as e:  # RuntimeError: a member protected by a password
            raise InputError(item.name, f"archive member cannot be read: {e}") from None

    def close(self) -> None:
        for z in self._archives.values():
            z.close()
        self._archives.clear()
