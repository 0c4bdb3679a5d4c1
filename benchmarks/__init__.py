"""Benchmarks of the dxsite build at plan sizes S, M and L, against a plain MkDocs build.

Run `python -m benchmarks` (see benchmarks/README.md).
"""
