#!/usr/bin/env python3
"""Averages the per-arch estimates of several supernets (nas4j rank's caches: JSON lines {"arch",
"accuracy", "loss"}) into one estimate per arch, for 'nas4j rank --estimates': an ensemble of
supernets trained with different seeds, each of its archs scored by the mean of their accuracies.
Usage: mean-estimates.py OUT.jsonl IN.jsonl IN.jsonl [...]"""
import json, sys

if len(sys.argv) < 4:
    sys.exit("usage: mean-estimates.py OUT.jsonl IN.jsonl IN.jsonl [...]")
tables = []
for path in sys.argv[2:]:
    with open(path) as f:
        tables.append({r["arch"]: r for r in map(json.loads, filter(str.strip, f))})
archs = [a for a in tables[0] if all(a in t for t in tables)]
if len(archs) < len(tables[0]):
    sys.exit(f"{len(tables[0]) - len(archs)} archs of {sys.argv[2]} are missing from another input")
with open(sys.argv[1], "w") as out:
    for a in archs:
        acc = sum(t[a]["accuracy"] for t in tables) / len(tables)
        loss = sum(t[a]["loss"] for t in tables) / len(tables)
        out.write(json.dumps({"arch": a, "accuracy": acc, "loss": loss}) + "\n")
