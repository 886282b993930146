"""Send each module's shared runs to one test worker.

pytest-xdist gives every worker its own copy of a module-scoped fixture. Under the default
``--dist load`` the tests of one module are spread over both workers, so a fixture that runs the
model (the stylized facts run seven scenarios x 48 replications: 800 s) was computed twice, once
on each worker, and CI paid for it twice. With ``-n`` and the default distribution, the
scheduler below keeps together the tests of a module that defines a module-scoped fixture, and
sends every other test on its own, as ``--dist load`` does.

xdist's own ``--dist loadgroup`` would do this through ``xdist_group`` marks, but with pytest 9.2
it silently stops grouping (pytest-xdist issue 1386: it renames node ids, which pytest no longer
reads). Another ``--dist`` given on the command line is left as it is.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from xdist.scheduler import LoadScopeScheduling

MODULE_FIXTURE = re.compile(r"""scope\s*=\s*["']module["']""")
"""How a test module declares a fixture shared by its tests."""


@functools.cache
def shares_a_module_fixture(path: Path) -> bool:
    """Whether the test file at ``path`` defines a module-scoped fixture."""
    try:
        return MODULE_FIXTURE.search(path.read_text(encoding="utf-8")) is not None
    except OSError:
        return False


class ModuleFixtureScheduling(LoadScopeScheduling):
    """``--dist load``, except that a module with a module-scoped fixture is one unit of work.

    Units with more tests go first (xdist's ``--loadscope-reorder``), so the long shared runs
    start early instead of leaving one worker busy at the end.
    """

    def _split_scope(self, nodeid: str) -> str:
        module = nodeid.split("::", 1)[0]
        if shares_a_module_fixture(Path(self.config.rootpath) / module):
            return module
        return nodeid


def pytest_xdist_make_scheduler(config: pytest.Config, log) -> LoadScopeScheduling | None:
    """Use :class:`ModuleFixtureScheduling` where xdist would use its plain load scheduling."""
    if config.getvalue("dist") == "load":
        return ModuleFixtureScheduling(config, log)
    return None
