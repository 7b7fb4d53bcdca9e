#!/usr/bin/env bash
# Issue 17: a search's final stage. The proxy's scores of a search's best cells differ by less than their
# own noise (the 12 best of REINFORCE's 200 evaluations lie within 0.45 points, scored on 2,000 images:
# standard error 0.8), so the single best is a draw among near-ties. As NAS pipelines do before they
# commit to a cell, the K best cells of each search are trained alone in the transfer stack with seed 0,
# the best of them is chosen, and the chosen cell is measured with two fresh seeds (1 and 2), never the
# seed it was chosen on, against the twenty random cells' two seeds.
#
# Usage: bench/nasnet-finalists.sh OUT_DIR [K=3] [proxy_epochs=100]
#   OUT_DIR holds data/ (bench/fmnist-subset.py OUT_DIR/data 15000 0 16) and, where they are still there,
#   what bench/nasnet-proxy-long.sh OUT_DIR wrote (proxyE/ with its searches, foundE/, foundE-s1/ and
#   random20/); where they are not, the copies under bench/results/nasnet-transfer serve: the searches'
#   evaluations, the random cells' truth, and every stack cell measured before (reused, never trained
#   twice). Files of a K other than 3 are named -kK. NAS4J the launcher.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; k="${2:-3}"; epochs="${3:-100}"
nas4j="${NAS4J:-./nas4j}"
ops="identity+max_pool_3x3+sep_conv_3x3"
stack_space="nasnet-fmnist:input=16,cells=2,filters=12,ops=$ops"
results=bench/results/nasnet-transfer
p="$out/proxy$epochs"
tag=$([ "$k" = 3 ] || echo "-k$k")
random="$out/random20/truth.jsonl"; [ -f "$random" ] || random="$results/random20-2seeds-truth.jsonl"
common=(--space "$stack_space" --epochs 3 --data "$out/data" --validation-size 5000)
# the K most accurate distinct cells a search evaluated, best first (index 0 is not a search's own)
top() { /usr/bin/python3 -c 'import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["index"] != "0"]
seen = []
for r in sorted(rows, key=lambda r: -float(r["accuracy"])):
    if r["arch"] not in seen:
        seen.append(r["arch"])
print("\n".join(seen[:int(sys.argv[2])]))' "$(evaluations "$1")" "$k"; }
evaluations() { [ -f "$p/search/$1/pareto.csv" ] && echo "$p/search/$1/pareto.csv" || echo "$results/proxy$epochs-$1.csv"; }
# earlier measurements with seed $1 of the archs in $cells, from those of the files $2... that exist
earlier() { local seed="$1"; shift; local files=(); for f in "$@"; do [ -f "$f" ] && files+=("$f"); done
  [ "${#files[@]}" -gt 0 ] && grep -h -F -f <(printf '"arch":"%s","seed":'"$seed"',\n' "${cells[@]}") "${files[@]}" | sort -u || true; }
# the arch of a truth file with the best accuracy
best() { /usr/bin/python3 -c 'import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print(max(rows, key=lambda r: r["accuracy"])["arch"])' "$1"; }
# each search's finalists with seed 0, the two searches side by side on one thread each
finalists() {
  local s="$1" fin="$out/finalists$epochs$tag-$1"
  mapfile -t cells < <(top "$s")
  local flags=(); for c in "${cells[@]}"; do flags+=(--arch "$c"); done
  if [ ! -f "$fin/truth.jsonl" ]; then  # finalists trained before with seed 0 and this recipe
    mkdir -p "$fin"; earlier 0 "$out/found$epochs/truth.jsonl" "$results"/finalists$epochs-*-truth.jsonl > "$fin/truth.jsonl"
  fi
  NAS4J_THREADS=1 "$nas4j" truth "${common[@]}" --archs 0 "${flags[@]}" --seeds 0 --out "$fin" > "$fin.log" 2>&1
}
finalists reinforce & a=$!; finalists evolution & b=$!; wait "$a"; wait "$b"
picks=(); : > "$results/finalists$epochs$tag.txt"
for s in reinforce evolution; do
  fin="$out/finalists$epochs$tag-$s"
  { echo "$s: finalists, seed 0 (the best is the choice):"; cat "$fin/truth.jsonl"; } | tee -a "$results/finalists$epochs$tag.txt"
  cp "$fin/truth.jsonl" "$results/finalists$epochs$tag-$s-truth.jsonl"
  picks+=("$(best "$fin/truth.jsonl")")
done
# both choices with seeds 1 and 2 (earlier measurements of a pick with these seeds reused)
chosen="$out/chosen$epochs$tag"
if [ ! -f "$chosen/truth.jsonl" ]; then
  mkdir -p "$chosen"; cells=("${picks[@]}")
  { earlier 1 "$out/found$epochs-s1/truth.jsonl" "$results"/chosen$epochs*-truth.jsonl "$results/found$epochs-s1-truth.jsonl"
    earlier 2 "$results"/chosen$epochs*-truth.jsonl; } > "$chosen/truth.jsonl"
fi
"$nas4j" truth "${common[@]}" --archs 0 --arch "${picks[0]}" --arch "${picks[1]}" --seeds 1,2 --out "$chosen" > "$chosen.log" 2>&1
cp "$chosen/truth.jsonl" "$results/chosen$epochs$tag-truth.jsonl"
cp="$(mktemp)"; trap 'rm -f "$cp"' EXIT
mvn -q -B -o dependency:build-classpath -pl cli -Dmdep.outputFile="$cp" >/dev/null
echo "the chosen cells, mean of seeds 1 and 2, against the twenty random cells (seeds 0 and 1):" | tee -a "$results/finalists$epochs$tag.txt"
java -Djava.awt.headless=true -cp "cli/target/classes:$(cat "$cp")" bench/NasnetTransfer.java "$results/finalists$epochs$tag.png" \
  "$random" "REINFORCE=$chosen/truth.jsonl:${picks[0]}" "evolution=$chosen/truth.jsonl:${picks[1]}" | tee -a "$results/finalists$epochs$tag.txt"
