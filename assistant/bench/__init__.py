"""Benchmark and load tooling, kept out of the runtime package.

run.py (`assistant bench`: ingest speed, retrieval side by side, latency, scale), report.py (its
tables and files), latency.py (on disk and through a Chroma server), scale.py + synthetic.py (the
scale curve on synthetic copies of the seeds), load.py (`assistant load`: concurrent clients),
processes.py (child servers). Its own dependencies come with the `bench` extra:
pip install 'report-assistant[bench]'. Nothing here is imported at package import time.
"""
