#!/usr/bin/env python3
"""Hypervolume of each sampler's searched front (error and MACs, both minimized) for several reference
errors, so that an order between samplers can be checked not to hang on one box. The box runs from the
smallest child's MACs to the largest's and from 0 to the reference error; every evaluation of a search
counts (its pareto.csv). Usage: sampler-hv-boxes.py SEED NAME=PARETO.csv ... (output: one line per box)."""
import csv
import sys

LOW, HIGH = 283412, 3118000  # MACs of ofa-mbv3-fmnist's smallest and largest child
ERRORS = (25, 22, 20, 18, 15, 13)


def points(path):
    return [(int(r["macs"]), 100 - float(r["accuracy"])) for r in csv.DictReader(open(path))]


def hypervolume(pts, ref_error):
    pts = [p for p in pts if p[0] <= HIGH and p[1] <= ref_error]
    xs = sorted({p[0] for p in pts})
    area = 0.0
    for i, x in enumerate(xs):
        best = min(p[1] for p in pts if p[0] <= x)
        right = xs[i + 1] if i + 1 < len(xs) else HIGH
        area += (right - x) * (ref_error - best)
    return area / ((HIGH - LOW) * ref_error)


seed, runs = sys.argv[1], [a.split("=", 1) for a in sys.argv[2:]]
print("# seed %s: normalized hypervolume by reference error (%%); columns: %s" % (seed, " ".join(n for n, _ in runs)))
for e in ERRORS:
    print("%5.1f %s" % (e, " ".join("%.3f" % hypervolume(points(p), e) for _, p in runs)))
