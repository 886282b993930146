"""Unit tests of the model's mechanisms, one module per mechanism."""
