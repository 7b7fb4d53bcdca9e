#!/usr/bin/env bash
# GM-NAS on the OFA space (one of the paper's settings) against the one-shot supernet, at an equal
# budget of passes: the same data, recipe and seed; LINAS then searches each with the same number of
# real evaluations (accuracy and MACs), and bench/SplitFronts.java compares the fronts in one box.
# Usage: bench/split-ofa.sh OUT_DIR [SEED=0] [EVALS=60]
#
# Budget (10,000 training images, batch 128: 78 steps an epoch, 3 passes a step: largest, smallest, one random):
#   oneshot: 12 epochs                                                  = 12 x 234 passes      = 2,808
#   gm:      to epoch 4 of 7, GM 2-way over every dimension active in all archs (10 draws a dimension),
#            2 sub-supernets to epoch 7: (4 + 2 x 3) x 234 + scoring                           = 2,340 + scoring
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; seed="${2:-0}"; evals="${3:-60}"
nas4j="${NAS4J:-$(pwd)/nas4j}"
results="$(pwd)/bench/results/split-ofa"
mkdir -p "$out" "$results"
[ -f "$out/data/train-labels-idx1-ubyte.gz" ] || /usr/bin/python3 bench/fmnist-subset.py "$out/data" 15000 0 28
common=(--space ofa-mbv3-fmnist --data "$out/data" --validation-size 5000 --seed "$seed" --sampler sandwich
  --random-children 1 --batch-size 128 --lr 0.2 --schedule cosine --augment-pad 0 --flip false)
one="$out/oneshot-s$seed"; gm="$out/gm-s$seed"
[ -f "$one/checkpoints/latest.ckpt" ] || "$nas4j" train "${common[@]}" --epochs 12 --out "$one"
[ -f "$gm/run.json" ] || "$nas4j" train "${common[@]}" --epochs 7 --until-epoch 4 --out "$gm"
"$nas4j" split --run "$gm" --method gm --ways 2 --split-epochs 4 --draws 10 | tee "$results/gm-split-s$seed.txt"
for run in "$one" "$gm"; do
  "$nas4j" search --run "$run" --strategy linas --objectives accuracy,macs --evals "$evals" --seed 0 --name linas-macs \
    --resume --recal-images 500 --val-images 2000 | tail -3
done
cp "$gm/split/tree.json" "$results/gm-tree-s$seed.json"; cp "$gm/split/budget.json" "$results/gm-budget-s$seed.json"
cp="$(mktemp)"; trap 'rm -f "$cp"' EXIT
mvn -q -B -o dependency:build-classpath -pl cli -Dmdep.outputFile="$cp" >/dev/null
java -Djava.awt.headless=true -cp "cli/target/classes:$(cat "$cp")" bench/SplitFronts.java \
  "$results/fronts-s$seed" "one-shot=$one/search/linas-macs/pareto.csv" "GM-NAS=$gm/search/linas-macs/pareto.csv" \
  | tee "$results/fronts-s$seed.txt"
