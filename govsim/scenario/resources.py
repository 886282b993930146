"""Memory needed by a scenario's residents, checked when it is loaded, before any allocation.

A city of millions of residents with many social ties can need more memory than the machine has.
Saying so at load time, with the largest size that fits, beats an out-of-memory kill or hours of
swapping halfway through a sweep.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from govsim.scenario.errors import Problem, ScenarioError, number
from govsim.scenario.messages import Message
from govsim.scenario.schema import Scenario

BYTES_PER_RESIDENT = 72
"""The resident columns: group, region, savings, awareness, frailty, flags and counters."""
BYTES_PER_TIE_END = 4
"""One end of a tie: an int32 index of the other resident."""
TIE_ENDS = 2
"""Each tie is stored at both of its residents."""
OVERHEAD = 1.2
"""Temporaries, indexes and the interpreter: 20% on top of the columns."""
MEMINFO = Path("/proc/meminfo")
CGROUP = Path("/sys/fs/cgroup")
GIB = 1024**3


def bytes_per_resident(ties_per_resident: int) -> float:
    """Return the memory one resident needs, overhead included."""
    columns = BYTES_PER_RESIDENT + BYTES_PER_TIE_END * ties_per_resident * TIE_ENDS
    return columns * OVERHEAD


def estimate_bytes(scenario: Scenario) -> int:
    """Return the estimated memory, in bytes, of a scenario's resident columns and ties."""
    population = scenario.population
    return math.ceil(population.size * bytes_per_resident(population.ties_per_resident))


def available_memory() -> int | None:
    """Return the bytes this process can still allocate, or None if the system does not say.

    The smaller of the system's available memory and what the container (cgroup v2) still
    allows, since in a container ``MemAvailable`` describes the host.
    """
    system = _meminfo_available() or _sysconf_available()
    readings = [value for value in (system, _cgroup_available()) if value is not None]
    return min(readings) if readings else None


def check_memory(scenario: Scenario, available: int | None = None) -> None:
    """Raise if the scenario's residents would not fit in memory.

    Args:
        scenario: The validated scenario.
        available: Bytes available; read from the system when None (and not checked if the
            system does not say).

    Raises:
        ScenarioError: with a problem at ``population.size`` saying how much is needed, how much
            is available, and the largest size that fits.
    """
    available = available_memory() if available is None else available
    needed = estimate_bytes(scenario)
    if available is None or needed <= available:
        return
    raise ScenarioError([_too_large(scenario, needed, available)])


def _too_large(scenario: Scenario, needed: int, available: int) -> Problem:
    population = scenario.population
    largest = _round_down(int(available // bytes_per_resident(population.ties_per_resident)))
    message = Message(
        "memory_too_small",
        size=number(population.size),
        ties=population.ties_per_resident,
        needed=_size(needed),
        available=_size(available),
    )
    hint = Message("memory_too_small_fix", largest=number(largest))
    expected = Message("memory_at_most", largest=number(largest))
    return Problem(None, None, "population.size", message, expected, hint)


def _round_down(size: int) -> int:
    """Round a size down to two significant digits, so that the suggestion reads well."""
    if size < 100:
        return size
    step = 10 ** (len(str(size)) - 2)
    return size // step * step


def _size(count: float) -> str:
    return f"{count / GIB:.1f} GiB" if count >= GIB / 10 else f"{count / 1024**2:.0f} MiB"


def _meminfo_available() -> int | None:
    try:
        for line in MEMINFO.read_text(encoding="ascii").splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _sysconf_available() -> int | None:
    for pages in ("SC_AVPHYS_PAGES", "SC_PHYS_PAGES"):
        try:
            return os.sysconf(pages) * os.sysconf("SC_PAGE_SIZE")
        except (AttributeError, ValueError, OSError):
            continue
    return None


def _cgroup_available() -> int | None:
    try:
        limit = (CGROUP / "memory.max").read_text(encoding="ascii").strip()
        if limit == "max":
            return None
        used = int((CGROUP / "memory.current").read_text(encoding="ascii"))
        return max(int(limit) - used, 0)
    except (OSError, ValueError):
        return None
