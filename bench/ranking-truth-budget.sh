#!/usr/bin/env bash
# Issue 14: does a supernet trained long rank the cells by what they reach after longer training alone? The
# ranking benchmark's 60 cells (bench/results/ranking/truth.jsonl: 4 epochs, seeds 0 and 1) trained alone again
# for 20 epochs (seed 0, the truth's recipe otherwise), and the 625-epoch supernets' cached estimates
# (estimates625-seed0/1: every snapshot and the final mean) ranked against both truths.
#
# Usage: bench/ranking-truth-budget.sh OUT_DIR [epochs=20]
#   OUT_DIR is bench/ranking.sh's (its data/ is made if missing); the 20-epoch truth is cached in
#   bench/results/ranking/truth20.jsonl, so a later run resumes it. Two lanes of one thread each.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; epochs="${2:-20}"
space=nb201-fmnist:width=8,cells=2,input=16
results="$(pwd)/bench/results/ranking"
nas4j="$(pwd)/nas4j"; mean="$(pwd)/bench/mean-estimates.py"
mkdir -p "$out"; cd "$out"
[ -f data/train-labels-idx1-ubyte.gz ] || /usr/bin/python3 "$(dirname "$nas4j")/bench/fmnist-subset.py" data 15000 0 16
# the truth's cells, split into two lanes
mapfile -t cells < <(/usr/bin/python3 -c 'import json, sys
seen = []
for line in open(sys.argv[1]):
    a = json.loads(line)["arch"]
    if a not in seen: seen.append(a)
print("\n".join(seen))' "$results/truth.jsonl")
lane() {
  local dir="truth$epochs-$1" mine=() flags=()
  for ((i = $1; i < ${#cells[@]}; i += 2)); do mine+=("${cells[i]}"); flags+=(--arch "${cells[i]}"); done
  if [ ! -f "$dir/truth.jsonl" ] && [ -f "$results/truth$epochs.jsonl" ]; then
    mkdir -p "$dir"; grep -F -f <(printf '"arch":"%s",\n' "${mine[@]}") "$results/truth$epochs.jsonl" > "$dir/truth.jsonl" || true
  fi
  NAS4J_THREADS=1 "$nas4j" truth --space "$space" --data data --validation-size 5000 --archs 0 "${flags[@]}" --seeds 0 \
    --epochs "$epochs" --out "$dir" > "$dir.log" 2>&1
}
lane 0 & a=$!; lane 1 & b=$!; wait "$a"; wait "$b"
cat "truth$epochs-0/truth.jsonl" "truth$epochs-1/truth.jsonl" > "$results/truth$epochs.jsonl"
# the 4-epoch truth (mean of its seeds) as an estimate of the longer one
/usr/bin/python3 -c 'import json, sys
acc = {}
for line in open(sys.argv[1]):
    r = json.loads(line); acc.setdefault(r["arch"], []).append(r["accuracy"])
for a, v in acc.items(): print(json.dumps({"arch": a, "accuracy": sum(v) / len(v), "loss": 0}))' "$results/truth.jsonl" > truth4-mean.jsonl
rank() { "$nas4j" rank --space "$space" --data data --bootstrap 2000 --baselines params,naswot "$@"; }
for t in "$results/truth.jsonl" "$results/truth$epochs.jsonl"; do
  name=$(basename "$t" .jsonl)
  for s in 0 1; do
    est=(); for e in 50 100 200 300 400 500 600; do est+=(--estimates "$results/estimates625-seed$s/rank-epoch-$e.jsonl"); done
    est+=(--estimates "$results/estimates625-seed$s/rank-latest.jsonl")
    [ "$name" = truth ] || est+=(--estimates truth4-mean.jsonl)
    rank --truth "$t" "${est[@]}" | sed "s#$results/##g" | tee "$results/budget-$name-seed$s.txt"
  done
done
