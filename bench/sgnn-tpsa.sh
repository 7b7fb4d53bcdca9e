#!/usr/bin/env bash
# TPSA of NCI molecules (issue 19): networks of the sgnn-tpsa space trained alone with the same budget
# (EPOCHS epochs of 62 steps of 64 molecules, Adam 2e-3 cosine, L1 on the standardized TPSA), their test
# MAE in Å² against their MACs per molecule of 16 atoms. By default the six fixed networks of the preview
# (GIN-like, SWL, PSWL, SSWL); NAME=ARCH arguments train those instead. Two lanes of one thread, the
# networks dealt to them in turn. Resumable: a finished run is not trained again. Needs Debian's rdkit-data.
#
# Usage: bench/sgnn-tpsa.sh OUT_DIR [epochs=15] [seed=0] [NAME=ARCH ...]
#   writes bench/results/sgnn/TABLE-sSEED.txt (name, class, test MAE, MMACs, params) and each run's
#   eval and last epoch under bench/results/sgnn/tpsa/
#   TABLE  the table's name (default tpsa)
#   NAS4J  the launcher (default ./nas4j; a copy keeps a long job safe from rebuilds)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; epochs="${2:-15}"; seed="${3:-0}"
shift $(( $# < 3 ? $# : 3 ))
nets=("$@")
if [ ${#nets[@]} -eq 0 ]; then
  nets=(gin-d2-w16=none:d2:w16 gin-d4-w32=none:d4:w32 gin-d4-w48=none:d4:w48 swl-d2-w16=dist:uL:vs:d2:w16
        pswl-d3-w32=dist:uL+vv:vs:d3:w32 sswl-d3-w32=dist:uL+vL:vs:d3:w32)
fi
nas4j="${NAS4J:-./nas4j}"
table="${TABLE:-tpsa}"
results=bench/results/sgnn
mkdir -p "$out" "$results/tpsa"

run() {  # name arch
  local dir="$out/$1-s$seed"
  if [ ! -f "$dir/test.txt" ]; then
    NAS4J_THREADS=1 "$nas4j" train-arch --space sgnn-tpsa --data tpsa --arch "$2" --epochs "$epochs" --optimizer adam \
      --lr 0.002 --weight-decay 0 --batch-size 64 --seed "$seed" $([ -f "$dir/run.json" ] && echo --resume) --out "$dir" \
      > "$dir.log" 2>&1
    NAS4J_THREADS=1 "$nas4j" eval --run "$dir" --arch "$2" --split test > "$dir/test.tmp" && mv "$dir/test.tmp" "$dir/test.txt"
  fi
  cp "$dir/test.txt" "$results/tpsa/$1-s$seed-test.txt"
  tail -1 "$dir/train-log.jsonl" > "$results/tpsa/$1-s$seed-last-epoch.json"
  # name class MAE MMACs params
  awk -v n="$1" -f bench/sgnn-eval-row.awk "$dir/test.txt"
}
lane() {  # first index: every second network from it
  for ((i = $1; i < ${#nets[@]}; i += 2)); do run "${nets[$i]%%=*}" "${nets[$i]#*=}"; done
}
lane 0 > "$results/$table-lane1-s$seed.txt" &
lane 1 > "$results/$table-lane2-s$seed.txt" &
wait
cat "$results/$table-lane1-s$seed.txt" "$results/$table-lane2-s$seed.txt" | tee "$results/$table-s$seed.txt"
rm "$results/$table-lane1-s$seed.txt" "$results/$table-lane2-s$seed.txt"
