"""Property tests: invariants that hold over generated scenarios."""
