#!/usr/bin/env bash
# TPSA of NCI molecules (issue 19), before search exists for graph runs: fixed networks of each class
# trained alone with the same budget (EPOCHS epochs of 63 steps of 64 molecules, Adam 2e-3 cosine, L1 on
# the standardized TPSA), their test MAE in Å² against their MACs per molecule of 20 atoms. Two lanes of
# one thread. Resumable: a finished run is not trained again. Needs Debian's rdkit-data.
#
# Usage: bench/sgnn-tpsa.sh OUT_DIR [epochs=15] [seed=0]   (writes bench/results/sgnn/tpsa-sSEED.txt)
#   NAS4J  the launcher (default ./nas4j; a copy keeps a long job safe from rebuilds)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; epochs="${2:-15}"; seed="${3:-0}"
nas4j="${NAS4J:-./nas4j}"
results=bench/results/sgnn
mkdir -p "$out" "$results"

run() {  # name arch
  local dir="$out/$1-s$seed"
  if [ ! -f "$dir/test.txt" ]; then
    NAS4J_THREADS=1 "$nas4j" train-arch --space sgnn-tpsa --data tpsa --arch "$2" --epochs "$epochs" --optimizer adam \
      --lr 0.002 --weight-decay 0 --batch-size 64 --seed "$seed" $([ -f "$dir/run.json" ] && echo --resume) --out "$dir" \
      > "$dir.log" 2>&1
    NAS4J_THREADS=1 "$nas4j" eval --run "$dir" --arch "$2" --split test > "$dir/test.tmp" && mv "$dir/test.tmp" "$dir/test.txt"
  fi
  # name class MAE MMACs params
  awk -v n="$1" '/MAE/ {cls = $0; sub(/.*class /, "", cls); gsub(/[(),]/, " "); mae = $5} /MMACs/ {print n, cls, mae, $1, $10}' \
    "$dir/test.txt"
}
{ run gin-d2-w16 none:d2:w16; run gin-d4-w32 none:d4:w32; run gin-d4-w48 none:d4:w48; run swl-d2-w16 dist:uL:vs:d2:w16; } \
  > "$results/tpsa-lane1-s$seed.txt" &
{ run pswl-d3-w32 dist:uL+vv:vs:d3:w32; run sswl-d3-w32 dist:uL+vL:vs:d3:w32; } > "$results/tpsa-lane2-s$seed.txt" &
wait
cat "$results/tpsa-lane1-s$seed.txt" "$results/tpsa-lane2-s$seed.txt" | tee "$results/tpsa-s$seed.txt"
rm "$results/tpsa-lane1-s$seed.txt" "$results/tpsa-lane2-s$seed.txt"
