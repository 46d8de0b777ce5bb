"""The end of a one-shot command run as its own process (``atelier export …``): once its files are written
and its lines printed, nothing is left to do, yet the interpreter's teardown frees, one by one, every object
the command loaded (reportlab's fonts and the story's flowables, the deck models): 0.06–0.14 s of a
~1 s cold export, measured. The process ends at once instead, after what a normal exit does that matters:
the ``atexit`` handlers (logging's flush and close) and the standard streams flushed.

Only for the process's own entry point (``cli.main()`` called without arguments, as the ``atelier`` script
and ``python -m workshop_app`` call it), only after the command succeeded, and only for the commands that
ask for it (``quick_exit=True`` in their parser's defaults): whoever calls ``main([...])`` in a process of
its own (the tests, a script) gets its return value as before.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from typing import NoReturn


def quick_exit(code: int) -> NoReturn:
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe or stream: as a normal exit
            stream.flush()
    os._exit(code)
