"""Benchmarks: ``make bench`` runs every suite and writes ``bench/results.json``.

Each suite is a module here with ``run(quick: bool) -> dict`` returning its figures, always
beside a baseline measured in the same run (figures are reported as ratios to it).
"""
