#!/usr/bin/env bash
# The same supernet training steps in nas4j (DJL + LibTorch 2.7.1) and in plain PyTorch eager
# (Debian's python3-torch, in its default NCHW layout and channels-last as nas4j), alternated in one
# run because this machine drifts.
# Usage: bench/step-vs-pytorch.sh [sandwich|uniform] [rounds=3] [steps=20]
# Needs: apt-get install -y python3-torch
set -euo pipefail
cd "$(dirname "$0")/.."
sampler="${1:-sandwich}"; rounds="${2:-3}"; steps="${3:-20}"
archs="$(mktemp)"; trap 'rm -f "$archs" "$archs".*' EXIT
unset OMP_WAIT_POLICY; export GOMP_SPINCOUNT=100000  # the launcher's setting, for both engines
for r in $(seq 1 "$rounds"); do
  ./nas4j benchmark --sampler "$sampler" --steps "$steps" --warmup 5 --rounds 1 --archs-out "$archs.$r" \
    | grep RESULT | sed "s/^/round $r nas4j   /"
  for layout in nchw cl; do
    /usr/bin/python3 bench/pytorch_ofa_step.py "$archs.$r" threads="$(nproc)" warmup=5 steps_per_round="$steps" \
      layout="$layout" | grep RESULT | sed "s/^/round $r pytorch /"
  done
done
