"""A script that runs replications in worker processes, with and without the main guard.

Spawned workers import the calling script again; without ``if __name__ == "__main__":`` each
would start a pool of its own. The run must then fail with one line saying so, not with
multiprocessing's bootstrapping traceback and a BrokenProcessPool.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from tests.helpers import ROOT, SCENARIOS

CALL = f"""
scenario = with_overrides(
    govsim.load_scenario({str(SCENARIOS / "baseline.yaml")!r}),
    days=3,
    residents=1000,
    settings={{"warmup_days": 0}},
)
many = govsim.run(scenario, replications=2, seed=1, workers=2)
print("replications:", len(many.summary))
"""
IMPORTS = "import govsim\nfrom govsim.scenario.overrides import with_overrides\n"


def run_script(tmp_path, text: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "script.py"
    script.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize("guarded", [False, True])
def test_parallel_run_from_a_script(tmp_path, guarded):
    body = "if __name__ == '__main__':\n" + textwrap.indent(CALL, "    ") if guarded else CALL
    result = run_script(tmp_path, IMPORTS + body)
    if guarded:
        assert result.returncode == 0, result.stderr
        assert "replications: 2" in result.stdout
        return
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("RuntimeError:")
    assert 'if __name__ == "__main__":' in last
    assert "bootstrapping" not in result.stderr
    assert "BrokenProcessPool" not in result.stderr
