"""``python -m govsim``: the ``govsim`` command, for an environment whose scripts are not on PATH.

Worker processes that import this module again (``spawn``) do not run the command a second
time: only the module run as ``__main__`` does.
"""

from govsim.cli import app

if __name__ == "__main__":
    app(prog_name="govsim")
