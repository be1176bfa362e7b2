#!/usr/bin/env python3
"""Prints the median of every criterion benchmark from its last run (target/criterion).

criterion's console line shows a mean estimate; on a shared, noisy machine the median is
the steadier figure, and it is what benches/README.md reports.
"""

import glob
import json
import os

ROOT = "target/criterion"
for path in sorted(glob.glob(f"{ROOT}/**/new/estimates.json", recursive=True)):
    name = os.path.relpath(os.path.dirname(os.path.dirname(path)), ROOT)
    median_ns = json.load(open(path))["median"]["point_estimate"]
    print(f"{name:45s} {median_ns / 1000:10.1f} µs")
