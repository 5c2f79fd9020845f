"""Benchmarks: speed and memory against the reference tools (`make bench`)."""
