#!/usr/bin/env bash
# Substructure counting by expressiveness class (issue 19): one network per class — a message-passing
# network (1-WL), SWL, PSWL and SSWL, all with distance encoding as the SWL paper's models, 4 layers of
# width 32 — each trained alone with the same budget (EPOCHS epochs of 23 steps of 64 graphs, Adam 2e-3
# cosine, L1 on the standardized count) on triangles and on 4-cycles, with each seed; the test MAE of
# each (BN recalibrated), in counts and in training deviations. Two lanes of one thread, one per count.
# Resumable: a finished run is not trained again.
#
# Usage: bench/sgnn-counting.sh OUT_DIR [epochs=40] [seeds="0 1 2"]
#   NAS4J  the launcher (default ./nas4j; a copy keeps a long job safe from rebuilds)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; epochs="${2:-40}"; seeds="${3:-0 1 2}"
nas4j="${NAS4J:-./nas4j}"
results=bench/results/sgnn
mkdir -p "$out" "$results"
archs=("1-WL=none:d4:w32" "SWL=dist:uL:vs:d4:w32" "PSWL=dist:uL+vv:vs:d4:w32" "SSWL=dist:uL+vL:vs:d4:w32")

lane() {  # count
  local count="$1"
  for seed in $seeds; do
    for entry in "${archs[@]}"; do
      local class="${entry%%=*}" arch="${entry#*=}" dir="$out/$count-${entry%%=*}-s$seed"
      if [ ! -f "$dir/test.txt" ]; then
        NAS4J_THREADS=1 "$nas4j" train-arch --space sgnn-count --data "$count" --arch "$arch" --epochs "$epochs" \
          --optimizer adam --lr 0.002 --weight-decay 0 --batch-size 64 --seed "$seed" \
          $([ -f "$dir/run.json" ] && echo --resume) --out "$dir" > "$dir.log" 2>&1
        NAS4J_THREADS=1 "$nas4j" eval --run "$dir" --arch "$arch" --split test > "$dir/test.tmp" && mv "$dir/test.tmp" "$dir/test.txt"
      fi
      # count class seed MAE MAE/deviation seconds
      awk -v c="$count" -v k="$class" -v s="$seed" -v t="$(tail -1 "$dir/train-log.jsonl" | sed 's/.*"seconds":\([0-9.]*\).*/\1/')" \
        '/MAE/ {gsub(/[(),]/, " "); print c, k, s, $5, $6, t}' "$dir/test.txt"
    done
  done > "$results/counting-$count.txt"
}
lane triangles & lane 4-cycles & wait
cat "$results"/counting-triangles.txt "$results"/counting-4-cycles.txt > "$results/counting-runs.txt"
# mean and sample deviation of the test MAE per count and class, in counts and in training deviations
{ echo "count class seeds MAE(counts) sd MAE(deviations) sd"
awk '{k = $1 " " $2; n[k]++; s[k] += $4; q[k] += $4 * $4; z[k] += $5; zq[k] += $5 * $5}
  END {for (k in n) { m = s[k] / n[k]; mz = z[k] / n[k];
      sd = n[k] > 1 ? sqrt((q[k] - n[k] * m * m) / (n[k] - 1)) : 0; sz = n[k] > 1 ? sqrt((zq[k] - n[k] * mz * mz) / (n[k] - 1)) : 0;
      printf "%s %d %.4f %.4f %.4f %.4f\n", k, n[k], m, sd, mz, sz } }' "$results/counting-runs.txt" | sort -k1,1 -k2,2
} | tee "$results/counting.txt"
