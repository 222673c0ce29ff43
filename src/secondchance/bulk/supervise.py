"""Worker processes die with the process that started them (bulk run and spool pools)."""

from __future__ import annotations

import ctypes
import os
import signal
from typing import Final

#: prctl(2) option: the signal this process gets when its parent dies (linux/prctl.h).
PR_SET_PDEATHSIG: Final = 1


def die_with_parent(parent: int) -> None:
    """Pool initializer: the kernel kills this worker when the run's main process dies, even by SIGKILL.

    Without it, a killed run leaves workers writing partitions without holding the run's lock, next to
    a ``--resume``. Linux's PR_SET_PDEATHSIG; elsewhere the worker checks its parent at start only.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
