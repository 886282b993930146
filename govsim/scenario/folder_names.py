"""Names that become folders: a scenario's or an experiment's name picks its results folder.

``govsim run`` writes to ``results/<name>/``, ``govsim compare`` each scenario's runs to
``<out>/<name>/`` and ``govsim sweep`` to ``results/<experiment name>/``. A name is therefore
checked where it is written, so that ``name: ../shared`` cannot send results outside the
results folder, and so that a results folder made on one system can be copied to another:
Windows refuses ``<>:"|?*``, a trailing dot or space, and its device names.
"""

from __future__ import annotations

import re

from govsim.scenario.messages import Message

FORBIDDEN = '<>:"/\\|?*'
"""Characters no folder name may hold on some system govsim runs on (``/`` and ``\\`` on all)."""
DEVICE_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10))}
    | {f"LPT{i}" for i in range(1, 10)}
)
"""Names Windows reserves for devices, with or without an extension."""
MAX_LENGTH = 100
"""Characters at most: a folder name, with the results path before it, stays far within limits."""
_UNSAFE = re.compile(f"[{re.escape(FORBIDDEN)}\\x00-\\x1f\\x7f]")


def folder_name_problem(name: str) -> tuple[Message, Message] | None:
    """Why ``name`` cannot name a results folder, with the fix; None when it can.

    Letters of any script (Chinese included), digits, spaces, ``-``, ``_``, ``.`` and
    brackets are all fine: only what a file system refuses or reads as a path is not.
    """
    if not name.strip():
        why = Message("name_blank")
    elif name in (".", "..") or _UNSAFE.search(name):
        why = Message("name_unsafe_characters", characters=FORBIDDEN)
    elif name != name.rstrip(" ."):
        why = Message("name_trailing")
    elif name.split(".")[0].upper() in DEVICE_NAMES:
        why = Message("name_device")
    elif len(name) > MAX_LENGTH:
        why = Message("name_too_long", limit=MAX_LENGTH)
    else:
        return None
    return Message("name_not_a_folder", name=name, why=why), Message(
        "name_not_a_folder_fix", suggestion=folder_safe(name)
    )


def folder_safe(name: str) -> str:
    """A name close to ``name`` that can name a folder (what the fix suggests)."""
    safe = _UNSAFE.sub("_", name).strip().lstrip("._ ")[:MAX_LENGTH].rstrip(" .")
    if not safe.strip("_"):
        return "scenario"
    stem, dot, rest = safe.partition(".")
    if stem.upper() in DEVICE_NAMES:
        return f"{stem}_{dot}{rest}"
    return safe
