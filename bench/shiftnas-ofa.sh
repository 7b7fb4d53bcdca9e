#!/usr/bin/env bash
# ShiftNAS with its architecture generator (issue 18) on ofa-mbv3-fmnist, beside bench/samplers-ofa.sh:
# the same data, recipe, seed and search; trained for (at most) the wall-clock of 12 sandwich epochs. Then the
# generator's children for 5 MACs targets it never trained on (it trains on the centres of 10 bins; these
# are the edges between bins 1-2, 3-4, 5-6, 7-8, 8-9), each scored with 'nas4j eval' on the validation
# split beside the most accurate searched front member within 10% more MACs, scored the same way.
#
# Usage: bench/shiftnas-ofa.sh OUT_DIR [SEED=0] [EVALS=60] [SAMPLER=shiftnas] [EPOCHS]
#   NAS4J  the launcher (default ./nas4j)
#   DATA   the training data (default: the 15,000-image subset of bench/samplers-ofa.sh, written to OUT_DIR/data);
#          DATA=/usr/share/datasets/fashion-mnist trains on all 55,000 training images, as the quickstart does
#   RESULTS  where the raw output goes (default bench/results/samplers-ofa)
#
# Budget: one epoch of 'shiftnas' (3 generated children a step) took 92.5 / 84.4 s against 62.6 / 62.3 s for
# sandwich, alternated, measured beside two other one-thread jobs
# (bench/results/samplers-ofa/epoch-seconds-generator.txt): a ratio of 1.42, so 8 epochs stand for the 12 of
# sandwich (5% less time). 'shiftnas-smallest' (the smallest child and 2 generated ones) took 1.07 times the
# seconds of shiftnas-bins-smallest trained beside it, itself 1.056 times sandwich's
# (epoch-seconds-generator-smallest.txt, epoch-seconds-smallest.txt): its default of 9 epochs costs about 10.2 of
# sandwich's 12.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; seed="${2:-0}"; evals="${3:-60}"; sampler="${4:-shiftnas}"
epochs="${5:-$([ "$sampler" = shiftnas ] && echo 8 || echo 9)}"
nas4j="${NAS4J:-$(pwd)/nas4j}"
results="${RESULTS:-$(pwd)/bench/results/samplers-ofa}"
mkdir -p "$out" "$results"
data="${DATA:-$out/data}"
[ -n "${DATA:-}" ] || [ -f "$data/train-labels-idx1-ubyte.gz" ] || /usr/bin/python3 bench/fmnist-subset.py "$data" 15000 0 28
name="$sampler-gen-s$seed"
run="$out/$name"
if [ ! -f "$run/train-log.jsonl" ] || [ "$(wc -l < "$run/train-log.jsonl")" -lt "$epochs" ]; then
  "$nas4j" train --space ofa-mbv3-fmnist --data "$data" --validation-size 5000 --seed "$seed" --random-children 1 \
    --batch-size 128 --lr 0.2 --schedule cosine --augment-pad 0 --flip false --sampler "$sampler" --epochs "$epochs" \
    $([ -f "$run/run.json" ] && echo --resume) --out "$run" > "$run.log" 2>&1
fi
"$nas4j" search --run "$run" --strategy linas --objectives accuracy,macs --evals "$evals" --seed 0 --name linas-macs \
  --resume --recal-images 500 --val-images 2000 | tail -3
cp "$run/train-log.jsonl" "$results/$name-train-log.jsonl"
cp "$run/search/linas-macs/pareto.csv" "$results/$name-pareto.csv"
# targets: between the centres of the 10 bins the generator trained on, from the smallest to the largest child
# (both in pareto.csv: at index 0, or among the search's own evaluations)
lo=$(/usr/bin/python3 -c "import csv; print(min(int(r['macs']) for r in csv.DictReader(open('$run/search/linas-macs/pareto.csv'))))")
hi=$(/usr/bin/python3 -c "import csv; print(max(int(r['macs']) for r in csv.DictReader(open('$run/search/linas-macs/pareto.csv'))))")
{
  echo "# target_mmacs generated_mmacs generated_val_acc front_val_acc front_mmacs (nas4j eval --split validation)"
  for f in 0.2 0.4 0.6 0.8 0.9; do
    t=$(/usr/bin/python3 -c "print($lo + $f * ($hi - $lo))")
    g=$("$nas4j" generate --run "$run" --macs "$(/usr/bin/python3 -c "print($t / 1e6)")M")
    arch=$(echo "$g" | sed -n 2p)
    gacc=$("$nas4j" eval --run "$run" --arch "$arch" --split validation | tail -1 | awk '{print $2, $3}')
    front=$(/usr/bin/python3 -c "
import csv
rows=[r for r in csv.DictReader(open('$run/search/linas-macs/pareto.csv')) if r['on_front']=='true' and int(r['macs']) <= 1.1 * $t]
print(max(rows, key=lambda r: float(r['accuracy']))['arch'] if rows else '')")
    facc=$([ -n "$front" ] && "$nas4j" eval --run "$run" --arch "$front" --split validation | tail -1 | awk '{print $2, $3}' || echo "none")
    echo "$(/usr/bin/python3 -c "print(round($t / 1e6, 3))") $(echo "$g" | head -1 | sed 's/.*: \([0-9.]*\) MMACs.*/\1/') ${gacc%% *} $facc"
  done
} | tee "$results/$([ "$sampler" = shiftnas ] && echo "generator-s$seed" || echo "generator-$sampler-s$seed").txt"
