#!/usr/bin/env bash
# Issue 17: a search's final stage. The proxy's scores of a search's best cells differ by less than their
# own noise (the 12 best of REINFORCE's 200 evaluations lie within 0.45 points, scored on 2,000 images:
# standard error 0.8), so the single best is a draw among near-ties. As NAS pipelines do before they
# commit to a cell, the K best cells of each search are trained alone in the transfer stack with seed 0,
# the best of them is chosen, and the chosen cell is measured with two fresh seeds (1 and 2), never the
# seed it was chosen on, against the twenty random cells' two seeds.
#
# Usage: bench/nasnet-finalists.sh OUT_DIR [K=3] [proxy_epochs=100]
#   OUT_DIR holds what bench/nasnet-proxy-long.sh OUT_DIR wrote (data/, proxyE/ with its searches,
#   foundE/, foundE-s1/ and random20/); results already in foundE/ and foundE-s1/ are
#   reused. NAS4J the launcher.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; k="${2:-3}"; epochs="${3:-100}"
nas4j="${NAS4J:-./nas4j}"
ops="identity+max_pool_3x3+sep_conv_3x3"
stack_space="nasnet-fmnist:input=16,cells=2,filters=12,ops=$ops"
results=bench/results/nasnet-transfer
p="$out/proxy$epochs"
common=(--space "$stack_space" --epochs 3 --data "$out/data" --validation-size 5000)
# the K most accurate distinct cells a search evaluated, best first (index 0 is not a search's own)
top() { /usr/bin/python3 -c 'import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["index"] != "0"]
seen = []
for r in sorted(rows, key=lambda r: -float(r["accuracy"])):
    if r["arch"] not in seen:
        seen.append(r["arch"])
print("\n".join(seen[:int(sys.argv[2])]))' "$p/search/$1/pareto.csv" "$k"; }
# the arch of a truth file with the best accuracy
best() { /usr/bin/python3 -c 'import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print(max(rows, key=lambda r: r["accuracy"])["arch"])' "$1"; }
picks=(); : > "$results/finalists$epochs.txt"
for s in reinforce evolution; do
  fin="$out/finalists$epochs-$s"
  mapfile -t cells < <(top "$s")
  flags=(); for c in "${cells[@]}"; do flags+=(--arch "$c"); done
  if [ ! -f "$fin/truth.jsonl" ]; then  # the search's earlier pick was trained with seed 0 and this recipe
    mkdir -p "$fin"; grep -F -f <(printf '"arch":"%s","seed":0,\n' "${cells[@]}") "$out/found$epochs/truth.jsonl" > "$fin/truth.jsonl" || true
  fi
  "$nas4j" truth "${common[@]}" --archs 0 "${flags[@]}" --seeds 0 --out "$fin" > "$fin.log" 2>&1
  { echo "$s: finalists, seed 0 (the best is the choice):"; cat "$fin/truth.jsonl"; } | tee -a "$results/finalists$epochs.txt"
  cp "$fin/truth.jsonl" "$results/finalists$epochs-$s-truth.jsonl"
  picks+=("$(best "$fin/truth.jsonl")")
done
# both choices with seeds 1 and 2 (seed 1 of an earlier pick reused)
chosen="$out/chosen$epochs"
if [ ! -f "$chosen/truth.jsonl" ] && [ -f "$out/found$epochs-s1/truth.jsonl" ]; then
  mkdir -p "$chosen"; grep -F -f <(printf '"arch":"%s","seed":1,\n' "${picks[@]}") "$out/found$epochs-s1/truth.jsonl" > "$chosen/truth.jsonl" || true
fi
"$nas4j" truth "${common[@]}" --archs 0 --arch "${picks[0]}" --arch "${picks[1]}" --seeds 1,2 --out "$chosen" > "$chosen.log" 2>&1
cp "$chosen/truth.jsonl" "$results/chosen$epochs-truth.jsonl"
cp="$(mktemp)"; trap 'rm -f "$cp"' EXIT
mvn -q -B -o dependency:build-classpath -pl cli -Dmdep.outputFile="$cp" >/dev/null
echo "the chosen cells, mean of seeds 1 and 2, against the twenty random cells (seeds 0 and 1):" | tee -a "$results/finalists$epochs.txt"
java -Djava.awt.headless=true -cp "cli/target/classes:$(cat "$cp")" bench/NasnetTransfer.java "$results/finalists$epochs.png" \
  "$out/random20/truth.jsonl" "REINFORCE=$chosen/truth.jsonl:${picks[0]}" "evolution=$chosen/truth.jsonl:${picks[1]}" | tee -a "$results/finalists$epochs.txt"
