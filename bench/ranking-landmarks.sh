#!/usr/bin/env bash
# Landmark regularization (Yu, Ranftl and Salzmann, CVPR 2021) on the ranking proxy of bench/ranking.sh.
#
# Usage: bench/ranking-landmarks.sh OUT_DIR [seed=0] [epochs=100]
#   OUT_DIR is bench/ranking.sh's (its data and truth are reused; the data subset is made if missing).
#   1. landmarks: 32 cells drawn uniformly with sample seed 1 (one per isomorphism class), trained alone
#      as the truth's cells are (4 epochs, seeds 0 and 1); cached in bench/results/ranking/landmarks.jsonl.
#      A landmark that is also one of the truth's 60 cells is left out, so no ranked cell is taught.
#   2. a supernet of the default cell recipe (RSPS, the mean of every epoch's weights) whose every step
#      also orders one pair of landmarks on its batch: up to 3 passes a step, so EPOCHS=100 spends at most
#      the passes of the 300-epoch supernet (46,800); and the same recipe without landmarks, EPOCHS epochs;
#      epoch snapshots kept. With EPOCHS=300 the control is the 300-epoch supernet of bench/ranking.sh
#      (avg300a, same flags), which kept no snapshots.
#   3. nas4j rank: both final means beside the 300-epoch supernet of the same seed (its cached per-cell
#      estimates) and the baselines, paired; their raw weights against epochs; both scoring the landmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; seed="${2:-0}"; epochs="${3:-100}"
space=nb201-fmnist:width=8,cells=2,input=16
results="$(pwd)/bench/results/ranking"
nas4j="$(pwd)/nas4j"
mkdir -p "$out" "$results"
cd "$out"
[ -f data/train-labels-idx1-ubyte.gz ] || /usr/bin/python3 "$(dirname "$nas4j")/bench/fmnist-subset.py" data 15000 0 16
[ -f truth/truth.jsonl ] || { mkdir -p truth; cp "$results/truth.jsonl" truth/truth.jsonl; }
split=(--data data --validation-size 5000)

# 1. the landmarks, cached under bench/results
mkdir -p landmarks
[ -f "$results/landmarks.jsonl" ] && [ ! -f landmarks/truth.jsonl ] && cp "$results/landmarks.jsonl" landmarks/truth.jsonl
"$nas4j" truth --space "$space" "${split[@]}" --archs 32 --sample-seed 1 --seeds 0,1 --epochs 4 --out landmarks
cp landmarks/truth.jsonl "$results/landmarks.jsonl"
/usr/bin/python3 - truth/truth.jsonl landmarks/truth.jsonl landmarks/taught.jsonl <<'EOF'
import json, sys
ranked = {json.loads(l)["arch"] for l in open(sys.argv[1]) if l.strip()}
lines = [l for l in open(sys.argv[2]) if l.strip()]
kept = [l for l in lines if json.loads(l)["arch"] not in ranked]
open(sys.argv[3], "w").writelines(kept)
print(f"landmarks: {len({json.loads(l)['arch'] for l in kept})} cells kept, "
      f"{len({json.loads(l)['arch'] for l in lines}) - len({json.loads(l)['arch'] for l in kept})} left out as truth cells")
EOF

# 2. the landmark-regularized supernet, and the same recipe without landmarks for as many epochs (the
#    control at equal optimizer steps; the 300-epoch supernet is the control at equal passes)
train() {
  local dir="$1"; shift
  if [ -f "$dir/run.json" ]; then   # resumed (a finished run returns at once); it keeps its own landmarks
    "$nas4j" train --resume --snapshots "${split[@]}" --out "$dir"
  else
    "$nas4j" train --space "$space" --sampler uniform --epochs "$epochs" --batch-size 64 --lr 0.025 --lr-floor 0.04 \
      --weight-decay 5e-4 --average-last 1 --seed "$seed" --snapshots --augment-pad 0 --flip false "${split[@]}" \
      --out "$dir" "$@"
  fi
}
lm="s$seed/lm${epochs}a"; plain="s$seed/avg${epochs}a"
train "$lm" --landmarks landmarks/taught.jsonl
train "$plain"

# 3. ranked against the truth: the final means beside the 300-epoch supernet's cached estimates (the same
#    passes as the landmark run), paired; the raw weights against epochs; and how each ranks the landmarks
rank() { "$nas4j" rank --truth truth/truth.jsonl --space "$space" --data data --bootstrap 2000 "$@"; }
equal_passes=()
if [ "$epochs" != 300 ]; then
  cp "$results/estimates300-seed$seed.jsonl" "s$seed/avg300a-mean.jsonl"; equal_passes=(--estimates "s$seed/avg300a-mean.jsonl")
fi
rank --run "$lm" --run "$plain" "${equal_passes[@]}" \
  --out "$results/landmarks$epochs-final-seed$seed.json" | tee "$results/landmarks$epochs-final-seed$seed.txt"
cp "$lm/search/rank-latest.jsonl" "$results/estimates-landmarks$epochs-seed$seed.jsonl"
[ -f "$results/estimates$epochs-seed$seed.jsonl" ] || cp "$plain/search/rank-latest.jsonl" "$results/estimates$epochs-seed$seed.jsonl"
q=$((epochs / 4))
snapshotted=(--run "$lm"); [ -f "$plain/checkpoints/epoch-$epochs.ckpt" ] && snapshotted+=(--run "$plain")
rank --baselines params "${snapshotted[@]}" --snapshots "$q,$((2 * q)),$((3 * q)),$epochs" \
  --out "$results/landmarks$epochs-epochs-seed$seed.json" | tee "$results/landmarks$epochs-epochs-seed$seed.txt"
"$nas4j" rank --truth landmarks/taught.jsonl --bootstrap 2000 --run "$lm" --run "$plain" \
  | tee "$results/landmarks$epochs-self-seed$seed.txt"
# at 300 epochs: the landmark supernet's estimates paired with the plain 300- and 625-epoch supernets' (the
# latter from bench/ranking.sh step 7, 97,500 passes), labelled by file name
if [ "$epochs" = 300 ] && [ -f "$results/estimates625-seed$seed/rank-latest.jsonl" ]; then
  cmp="s$seed/landmarks-vs-plain"; mkdir -p "$cmp"
  cp "$results/estimates300-seed$seed.jsonl" "$cmp/plain300.jsonl"
  cp "$results/estimates625-seed$seed/rank-latest.jsonl" "$cmp/plain625.jsonl"
  cp "$lm/search/rank-latest.jsonl" "$cmp/landmarks300.jsonl"
  (cd "$cmp" && "$nas4j" rank --truth "$results/truth.jsonl" --bootstrap 2000 --estimates plain300.jsonl \
    --estimates plain625.jsonl --estimates landmarks300.jsonl) | tee "$results/landmarks300-vs-plain-seed$seed.txt"
fi
