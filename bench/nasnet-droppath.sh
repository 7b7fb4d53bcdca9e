#!/usr/bin/env bash
# ScheduledDropPath where it can matter: a NASNet-A-like cell trained alone for 10+ epochs with and
# without drop path, seeds 0 and 1, on the 16x16 Fashion-MNIST of the ranking benchmark (10,000
# training images, 5,000 held out); test accuracy on the 10,000 test images. Two lanes of one
# thread each, every lane running one run with and one without drop path, so the variants share the
# machine's load.
#
# Usage: bench/nasnet-droppath.sh OUT_DIR [epochs=10] [filters=12] [cells=1] [drop=0.3]
#   NAS4J  the launcher (default ./nas4j; a copy keeps a long job safe from rebuilds)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; epochs="${2:-10}"; filters="${3:-12}"; cells="${4:-1}"; drop="${5:-0.3}"
nas4j="${NAS4J:-./nas4j}"
cell='N[sep_conv_5x5~1+sep_conv_3x3~0|sep_conv_5x5~0+sep_conv_3x3~0|avg_pool_3x3~1+identity~0|avg_pool_3x3~0+avg_pool_3x3~0|sep_conv_3x3~0+identity~0]R[sep_conv_5x5~1+sep_conv_7x7~0|max_pool_3x3~1+sep_conv_7x7~0|avg_pool_3x3~1+sep_conv_5x5~0|identity~3+avg_pool_3x3~2|sep_conv_3x3~2+max_pool_3x3~1]'
mkdir -p "$out"
data="$out/data"
[ -f "$data/train-labels-idx1-ubyte.gz" ] || /usr/bin/python3 bench/fmnist-subset.py "$data" 15000 0 16

one() {  # seed drop
  local run="$out/s$1-drop$2"
  [ -f "$run/checkpoints/latest.ckpt" ] && [ -f "$run.test.txt" ] && return 0
  NAS4J_THREADS=1 "$nas4j" train-arch --space "nasnet-fmnist:input=16,cells=$cells,filters=$filters,drop-path=$2" \
    --arch "$cell" --epochs "$epochs" --seed "$1" --data "$data" --validation-size 5000 $([ -f "$run/run.json" ] && echo --resume) --out "$run" \
    > "$run.train.txt" 2>&1
  NAS4J_THREADS=1 "$nas4j" eval --run "$run" --arch "$cell" --split test > "$run.test.txt" 2>&1
}
(one 0 0 && one 1 "$drop") &
(one 0 "$drop" && one 1 0) &
wait
for s in 0 1; do
  for p in 0 "$drop"; do
    run="$out/s$s-drop$p"
    acc="$(grep -o '[0-9.]*%' "$run.test.txt" | head -1)"
    loss="$(tail -1 "$run/train-log.jsonl" | sed 's/.*"loss":\([0-9.]*\).*/\1/')"
    echo "seed $s drop-path $p: test accuracy $acc, last epoch's training loss $loss"
  done
done | tee "$out/droppath.txt"
