"""The process's one Kiwi analyser (kiwipiepy), shared by PDF wrap repair and summaries.

Loading Kiwi takes about a second and ~100 MB, so it is created once, on first use, and
only by code paths that need morphology. The typo and multi-word dictionaries are off:
official text has few typos, typo correction would rewrite the very junctions PDF repair
asks about, and multi-word names (``직속감독자``) are not single words.
"""

from __future__ import annotations

import threading
from typing import Any

_KIWI: Any = None
_LOCK = threading.Lock()


def kiwi() -> Any:
    """The shared ``kiwipiepy.Kiwi``; raises ImportError when kiwipiepy is not installed."""
    global _KIWI
    with _LOCK:
        if _KIWI is None:
            from kiwipiepy import Kiwi

            _KIWI = Kiwi(load_typo_dict=False, load_multi_dict=False)
        return _KIWI
