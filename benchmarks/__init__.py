"""Speed and memory benchmarks, each figure measured beside its floor (see README.md)."""
