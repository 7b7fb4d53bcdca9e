#!/usr/bin/env bash
# Few-shot and GM-NAS split schedules against the one-shot supernet at an equal budget of passes,
# on the ranking benchmark's proxy and truth (run bench/ranking.sh OUT SEED first: it makes the
# data, the truth and the 100-epoch one-shot supernet rsps100a).
# Usage: bench/split-ranking.sh OUT_DIR SEED [STEP]   STEP: train (the three schedules) or rank (the figures)
#
# Budget, in passes of batch 64 (156 steps an epoch; one-shot rsps100a: 100 epochs = 15,600 passes):
#   fewshot: supernet to epoch 30 of 44, one sub-supernet per op of e23 (5), each to epoch 44: (30 + 5 x 14) x 156 = 15,600
#   gm2:     to epoch 30 of 63, GM 2-way over all 6 edges (20 draws: 600 passes), 2 subs to 63: 96 x 156 + 600 = 15,576
#   gm4:     to epoch 30 of 46, GM 4-way (600 passes), 4 subs to 46: 94 x 156 + 600 = 15,264
#   gm2x200 (only with SCHEDULES=gm2x200; against rsps300a, 46,800 passes): to epoch 100 of 200, GM 2-way,
#            2 subs to 200: 300 x 156 + 600 = 47,400
# Every supernet averages its epoch weights (the cell spaces' default); so is rsps100a's estimate (--average-last 1).
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; seed="${2:-0}"; step="${3:-all}"
space=nb201-fmnist:width=8,cells=2,input=16
results="$(pwd)/bench/results/ranking"
nas4j="${NAS4J:-$(pwd)/nas4j}"
cd "$out"
common=(--space "$space" --seed "$seed" --augment-pad 0 --flip false --schedule cosine --data data --validation-size 5000
  --batch-size 64 --lr 0.025 --lr-floor 0.04 --weight-decay 5e-4 --sampler uniform --average-last 1)
schedule() {   # NAME EPOCHS SPLIT_EPOCH SPLIT_ARGS...
  local name="$1" epochs="$2" at="$3"; shift 3
  local dir="s$seed/$name"
  [ -f "$dir/run.json" ] || "$nas4j" train "${common[@]}" --epochs "$epochs" --until-epoch "$at" --out "$dir"
  "$nas4j" split --run "$dir" --split-epochs "$at" "$@"
}
if [ "$step" = train ] || [ "$step" = all ]; then
  for name in ${SCHEDULES:-fewshot44 gm2x63 gm4x46}; do
    case "$name" in
      fewshot44) schedule "$name" 44 30 --method fewshot --dimensions e23 ;;
      gm2x63) schedule "$name" 63 30 --method gm --ways 2 --draws 20 ;;
      gm4x46) schedule "$name" 46 30 --method gm --ways 4 --draws 20 ;;
      gm2x200) schedule "$name" 200 100 --method gm --ways 2 --draws 20 ;;   # the 300-epoch budget (SCHEDULES=gm2x200)
    esac
  done
fi
if [ "$step" = rank300 ]; then
  r="s$seed"
  "$nas4j" rank --truth truth/truth.jsonl --space "$space" --data data --bootstrap 2000 \
    --run "$r/gm2x200" --estimates "$r/rsps300a/search/rank-latest-avg1.0.jsonl" \
    --out "$results/split300-seed$seed.json" | tee "$results/split300-seed$seed.txt"
  cp "$r/gm2x200/split/tree.json" "$results/split-gm2x200-tree-seed$seed.json"
  cp "$r/gm2x200/split/budget.json" "$results/split-gm2x200-budget-seed$seed.json"
fi
if [ "$step" = rank ] || [ "$step" = all ]; then
  r="s$seed"
  [ -f "$r/rsps100a/search/rank-latest-avg1.0.jsonl" ] || "$nas4j" rank --truth truth/truth.jsonl --space "$space" \
    --data data --run "$r/rsps100a" --average-last 1.0 > /dev/null
  "$nas4j" rank --truth truth/truth.jsonl --space "$space" --data data --bootstrap 2000 \
    --run "$r/fewshot44" --run "$r/gm2x63" --run "$r/gm4x46" --estimates "$r/rsps100a/search/rank-latest-avg1.0.jsonl" \
    --out "$results/split-seed$seed.json" | tee "$results/split-seed$seed.txt"
  for name in fewshot44 gm2x63 gm4x46; do cp "$r/$name/split/tree.json" "$results/split-$name-tree-seed$seed.json"
    cp "$r/$name/split/budget.json" "$results/split-$name-budget-seed$seed.json"; done
fi
