"""Process-level helpers shared by the stages that build many objects at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, restoring it as it was.

    Reading a release or auditing it makes thousands of small objects that all live on
    in the result; the collector's passes over them while they are made cost a tenth or
    more of the work, and find nothing to free. Garbage is collected later as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
