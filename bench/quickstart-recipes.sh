#!/usr/bin/env bash
# The quickstart's supernet (shiftnas-bins-smallest on all 55,000 Fashion-MNIST training images, no
# augmentation, cosine schedule, seed 0) trained with other batch sizes, learning rates, children a step
# and epochs; then the test accuracy of the quickstart table's five children (smallest, largest and the
# three random children it draws with seed 0), as 'nas4j eval' scores them. One thread, so several
# recipes can run side by side; their training times are then not the quickstart's (see the throughput
# lines of bench/results/quickstart/recipes/).
#
# Usage: bench/quickstart-recipes.sh OUT_DIR NAME EPOCHS BATCH LR RANDOM_CHILDREN
#   e.g. bench/quickstart-recipes.sh out/qs-recipes b256lr4 5 256 0.4 1
#   NAS4J the launcher (default ./nas4j)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; name="$2"; epochs="$3"; batch="$4"; lr="$5"; children="$6"
nas4j="${NAS4J:-./nas4j}"
results=bench/results/quickstart/recipes
mkdir -p "$out" "$results"
run="$out/$name"
NAS4J_THREADS=1 "$nas4j" train --space ofa-mbv3-fmnist --data /usr/share/datasets/fashion-mnist --sampler shiftnas-bins-smallest \
  --random-children "$children" --batch-size "$batch" --lr "$lr" --schedule cosine --augment-pad 0 --flip false \
  --epochs "$epochs" $([ -f "$run/run.json" ] && echo --resume) --out "$run" > "$results/$name-train.log" 2>&1
{
  for a in min max 'r28_s1:k7e6,k7e4,k7e3,k3e6_s2:k7e4,k3e3_s3:k3e6,k5e6,k7e3,k3e4' \
      'r28_s1:k3e3,k7e4_s2:k7e6,k5e6,k3e4,k3e3_s3:k5e6,k3e6,k7e4,k5e6' 'r28_s1:k5e4,k7e4,k5e6_s2:k5e3,k3e6,k7e6,k5e3_s3:k7e6,k5e4,k3e6,k7e4'; do
    NAS4J_THREADS=1 "$nas4j" eval --run "$run" --arch "$a" | tail -1
  done
} | tee "$results/$name-test.txt"
cp "$run/train-log.jsonl" "$results/$name-train-log.jsonl"
