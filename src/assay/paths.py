"""Paths assay writes to: refused, before any work, when they cannot be written."""

from __future__ import annotations

import os
from pathlib import Path

from assay.errors import InputError


def check_writable(path: str, is_folder: str) -> None:
    """InputError for a path that is a folder (``is_folder`` says what to give instead),
    lies in a folder that does not exist, or may not be written."""
    if not path.strip():
        raise InputError("(empty)", "an empty file name; give the file to write")
    p = Path(path)
    if p.is_dir():
        raise InputError(path, is_folder)
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        what = "a file, not a folder" if parent.exists() else "a folder that does not exist"
        raise InputError(path, f"cannot write: '{parent}' is {what}")
    if not os.access(parent, os.W_OK) or (p.exists() and not os.access(p, os.W_OK)):
        raise InputError(path, "cannot write: permission denied")
