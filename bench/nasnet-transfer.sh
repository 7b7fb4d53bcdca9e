#!/usr/bin/env bash
# NASNet's path at a 2-core budget (issue 17): a proxy supernet over a few operations, REINFORCE and
# regularized evolution with the same budget of real evaluations on it, then every searched cell and
# random cells of the same space trained alone in a deeper, wider stack with one recipe, the proxy's
# rank quality against them (with the training-free baselines), and a plot of where the searched
# cells fall among the random ones. Resumable stage by stage.
#
# Usage: bench/nasnet-transfer.sh OUT_DIR [proxy_epochs=20] [evals=200] [random_cells=10] [stack_epochs=3]
#   NAS4J  the launcher (default ./nas4j; a copy keeps a long job safe from rebuilds)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; proxy_epochs="${2:-20}"; evals="${3:-200}"; cells="${4:-10}"; stack_epochs="${5:-3}"
nas4j="${NAS4J:-./nas4j}"
ops="identity+max_pool_3x3+sep_conv_3x3"
proxy_space="nasnet-fmnist:input=16,filters=8,ops=$ops"
stack_space="nasnet-fmnist:input=16,cells=2,filters=12,ops=$ops"
results=bench/results/nasnet-transfer
mkdir -p "$out" "$results"
data="$out/data"
[ -f "$data/train-labels-idx1-ubyte.gz" ] || /usr/bin/python3 bench/fmnist-subset.py "$data" 15000 0 16
common=(--data "$data" --validation-size 5000)

# stage 1, one lane each: the searched proxy (the cell-space default: the mean of every epoch's
# weights) and the random cells' stack truth
proxy="$out/proxy"; long="$out/proxy40"
train_proxy() {  # dir epochs [flags]
  local dir="$1" epochs="$2"; shift 2
  [ -f "$dir/train-log.jsonl" ] && [ "$(wc -l < "$dir/train-log.jsonl")" -ge "$epochs" ] && return 0
  NAS4J_THREADS=1 "$nas4j" train --space "$proxy_space" --epochs "$epochs" --lr 0.1 --augment-pad 0 --flip false \
    "${common[@]}" "$@" $([ -f "$dir/run.json" ] && echo --resume) --out "$dir" > "$dir.log" 2>&1
}
train_proxy "$proxy" "$proxy_epochs" &
NAS4J_THREADS=1 "$nas4j" truth --space "$stack_space" --archs "$cells" --seeds 0 --epochs "$stack_epochs" "${common[@]}" \
  --out "$out/random" > "$out/random.log" 2>&1 &
wait

# stage 2: a proxy twice as long with its last weights; REINFORCE then evolution, the same budget
train_proxy "$long" $((2 * proxy_epochs)) --average-last 0 --snapshots &
for s in reinforce evolution; do
  NAS4J_THREADS=1 "$nas4j" search --run "$proxy" --strategy "$s" --objectives accuracy,macs --evals "$evals" --seed 0 \
    --name "$s" --resume > "$out/search-$s.txt" 2>&1
done
wait

# stage 3: the searched cells in the stack; the long proxy's random children
best() { /usr/bin/python3 -c 'import json, sys
print(max(json.load(open(sys.argv[1]))["front"], key=lambda m: m["accuracy"])["arch"])' "$proxy/search/$1/pareto.json"; }
rl="$(best reinforce)"; ev="$(best evolution)"
NAS4J_THREADS=1 "$nas4j" truth --space "$stack_space" --archs 0 --arch "$rl" --arch "$ev" --seeds 0 --epochs "$stack_epochs" \
  "${common[@]}" --out "$out/found" > "$out/found.log" 2>&1 &
NAS4J_THREADS=1 "$nas4j" search --run "$long" --strategy random --objectives accuracy,macs --evals 20 --seed 0 --name random \
  --latency-calls 1 --resume > "$results/proxy40-random-search.txt" 2>&1 &
wait

# the proxies' rank quality against the stack, and the searched cells among the random ones
NAS4J_THREADS=2 "$nas4j" rank --truth "$out/random/truth.jsonl" --run "$long" --run "$proxy" --space "$stack_space" \
  --data "$data" --out "$results/rank.json" | grep -v '^score' | tee "$results/rank.txt"
cp="$(mktemp)"; trap 'rm -f "$cp"' EXIT
mvn -q -B -o dependency:build-classpath -pl cli -Dmdep.outputFile="$cp" >/dev/null
java -Djava.awt.headless=true -cp "cli/target/classes:$(cat "$cp")" bench/NasnetTransfer.java "$results/transfer.png" \
  "$out/random/truth.jsonl" "REINFORCE=$out/found/truth.jsonl:$rl" "evolution=$out/found/truth.jsonl:$ev" \
  | tee "$results/transfer.txt"
cp "$proxy/train-log.jsonl" "$results/proxy20-train-log.jsonl"; cp "$long/train-log.jsonl" "$results/proxy40-train-log.jsonl"
cp "$proxy/search/evaluations.jsonl" "$results/proxy20-evaluations.jsonl"
cp "$long/search/evaluations.jsonl" "$results/proxy40-random-children.jsonl"
for t in random found; do cp "$out/$t/truth.jsonl" "$results/$t-truth.jsonl"; cp "$out/$t/settings.txt" "$results/$t-settings.txt"; done
for s in reinforce evolution; do cp "$proxy/search/$s/pareto.csv" "$results/search-$s.csv"; cp "$out/search-$s.txt" "$results/search-$s.txt"; done
