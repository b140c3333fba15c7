"""Work functions that fail the way workers fail in production, chosen by the
document's name: a worker killed mid-document (SIGKILL, as the out-of-memory killer
does), a reader that never returns, an unexpected exception. Any other document is read
as ``assay batch`` reads it."""

import os
import signal
import time

from assay.batch.work import process


def faulty(name: str, data: bytes, audit: bool = True):
    if "kill-me" in name:
        os.kill(os.getpid(), signal.SIGKILL)
    if "hang" in name:
        time.sleep(3600)
    return process(name, data, audit)
