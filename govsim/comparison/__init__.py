"""Comparing scenarios: paired statistics over common random numbers, verdicts and a report.

``govsim compare A.yaml B.yaml`` runs every scenario with the same replication seeds, so that
replication i of each shares its luck (``docs/ODD.md`` 4.10), and reads the differences pair by
pair: :mod:`.paired` holds the statistics, :mod:`.tables` the frames written to disk,
:mod:`.verdicts` the plain-language sentences, :mod:`.report` the offline HTML page.
"""

from govsim.comparison.paired import PairedDifference, paired_difference, pairing_efficiency
from govsim.comparison.running import Comparison, compare

__all__ = ["Comparison", "PairedDifference", "compare", "paired_difference", "pairing_efficiency"]
