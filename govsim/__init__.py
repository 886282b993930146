"""govsim: agent-based simulation toolkit for telecom-fraud governance."""

__version__ = "0.1.0"
