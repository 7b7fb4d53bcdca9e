#!/usr/bin/env bash
# Issue 17, continued: the 3-operation NASNet proxy of bench/nasnet-transfer.sh trained longer with its
# last weights, its random children, REINFORCE and regularized evolution with 200 real evaluations each
# on it, their best cells trained alone in the transfer stack with the recipe of the random cells there,
# the proxy's rank quality against those random cells, and the plot; then a second training seed of every
# stack cell, random and searched, and the plot again with each cell's mean of the two seeds; then ten
# more random cells with both seeds, and the plot against all twenty. Resumable stage by stage.
#
# Usage: bench/nasnet-proxy-long.sh OUT_DIR [proxy_epochs=100]
#   OUT_DIR must hold what bench/nasnet-transfer.sh OUT_DIR wrote: data/ and random/ (the random cells'
#   stack truth); NAS4J the launcher (default ./nas4j)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; epochs="${2:-100}"
nas4j="${NAS4J:-./nas4j}"
ops="identity+max_pool_3x3+sep_conv_3x3"
proxy_space="nasnet-fmnist:input=16,filters=8,ops=$ops"
stack_space="nasnet-fmnist:input=16,cells=2,filters=12,ops=$ops"
results=bench/results/nasnet-transfer
data="$out/data"; p="$out/proxy$epochs"; found="$out/found$epochs"
common=(--data "$data" --validation-size 5000)
if [ ! -f "$p/train-log.jsonl" ] || [ "$(wc -l < "$p/train-log.jsonl")" -lt "$epochs" ]; then
  "$nas4j" train --space "$proxy_space" --epochs "$epochs" --lr 0.1 --augment-pad 0 --flip false "${common[@]}" \
    --average-last 0 --snapshots $([ -f "$p/run.json" ] && echo --resume) --out "$p" > "$p.log" 2>&1
fi
"$nas4j" search --run "$p" --strategy random --objectives accuracy,macs --evals 20 --seed 0 --name random \
  --latency-calls 1 --resume > "$results/proxy$epochs-random-search.txt" 2>&1
for s in reinforce evolution; do
  "$nas4j" search --run "$p" --strategy "$s" --objectives accuracy,macs --evals 200 --seed 0 --name "$s" \
    --latency-calls 1 --resume > "$results/proxy$epochs-search-$s.txt" 2>&1
done
# the most accurate cell each search evaluated (the front also holds the smallest and largest children)
best() { /usr/bin/python3 -c 'import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["index"] != "0"]
print(max(rows, key=lambda r: float(r["accuracy"]))["arch"])' "$p/search/$1/pareto.csv"; }
rl="$(best reinforce)"; ev="$(best evolution)"
[ -f "$found/truth.jsonl" ] && [ "$(wc -l < "$found/truth.jsonl")" -ge 2 ] || "$nas4j" truth --space "$stack_space" \
  --archs 0 --arch "$rl" --arch "$ev" --seeds 0 --epochs 3 "${common[@]}" --out "$found" > "$found.log" 2>&1
"$nas4j" rank --truth "$out/random/truth.jsonl" --run "$p" --space "$stack_space" --data "$data" \
  --out "$results/rank$epochs.json" | grep -v '^score' | tee "$results/rank$epochs.txt"
cp="$(mktemp)"; trap 'rm -f "$cp"' EXIT
mvn -q -B -o dependency:build-classpath -pl cli -Dmdep.outputFile="$cp" >/dev/null
java -Djava.awt.headless=true -cp "cli/target/classes:$(cat "$cp")" bench/NasnetTransfer.java "$results/transfer$epochs.png" \
  "$out/random/truth.jsonl" "REINFORCE=$found/truth.jsonl:$rl" "evolution=$found/truth.jsonl:$ev" \
  | tee "$results/transfer$epochs.txt"
# seed 1 of every stack cell (the same 10 random cells: the same draw), and each cell's mean of two seeds
truth1() {  # out_dir [flags]
  local dir="$1"; shift
  "$nas4j" truth --space "$stack_space" --seeds 1 --epochs 3 "${common[@]}" "$@" --out "$dir" > "$dir.log" 2>&1
}
truth1 "$out/random-s1" --archs 10 & truth1 "$found-s1" --archs 0 --arch "$rl" --arch "$ev" & wait
java -Djava.awt.headless=true -cp "cli/target/classes:$(cat "$cp")" bench/NasnetTransfer.java \
  "$results/transfer$epochs-2seeds.png" "$out/random/truth.jsonl,$out/random-s1/truth.jsonl" \
  "REINFORCE=$found/truth.jsonl,$found-s1/truth.jsonl:$rl" "evolution=$found/truth.jsonl,$found-s1/truth.jsonl:$ev" \
  | tee "$results/transfer$epochs-2seeds.txt"
cp "$out/random-s1/truth.jsonl" "$results/random-s1-truth.jsonl"; cp "$found-s1/truth.jsonl" "$results/found$epochs-s1-truth.jsonl"
cp "$p/train-log.jsonl" "$results/proxy$epochs-train-log.jsonl"; cp "$found/truth.jsonl" "$results/found$epochs-truth.jsonl"
for s in random reinforce evolution; do cp "$p/search/$s/pareto.csv" "$results/proxy$epochs-$s.csv"; done
# twenty random cells with both seeds (the first ten are the same draw, their two seeds reused), and where
# the searched cells fall among them: a 75th percentile of ten cells is itself noisy
more="$out/random20"
if [ ! -f "$more/truth.jsonl" ]; then
  mkdir -p "$more"; cat "$out/random/truth.jsonl" "$out/random-s1/truth.jsonl" > "$more/truth.jsonl"
fi
"$nas4j" truth --space "$stack_space" --archs 20 --seeds 0,1 --epochs 3 "${common[@]}" --out "$more" > "$more.log" 2>&1
java -Djava.awt.headless=true -cp "cli/target/classes:$(cat "$cp")" bench/NasnetTransfer.java \
  "$results/transfer$epochs-20cells.png" "$more/truth.jsonl" \
  "REINFORCE=$found/truth.jsonl,$found-s1/truth.jsonl:$rl" "evolution=$found/truth.jsonl,$found-s1/truth.jsonl:$ev" \
  | tee "$results/transfer$epochs-20cells.txt"
cp "$more/truth.jsonl" "$results/random20-2seeds-truth.jsonl"
