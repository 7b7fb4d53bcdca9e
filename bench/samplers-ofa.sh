#!/usr/bin/env bash
# Complexity-aware supernet training (issue 18) on ofa-mbv3-fmnist: the sandwich rule, AttentiveNAS's
# BestUp-3, ShiftNAS's probability shift without its generator (shiftnas-bins; shiftnas-bins-smallest with the
# smallest child trained every step) and, trained by bench/shiftnas-ofa.sh, ShiftNAS with it (shiftnas,
# shiftnas-smallest), each trained with at most the same wall-clock budget from the same data,
# recipe and seed; LINAS then searches each with the same number of real evaluations (accuracy and MACs),
# and bench/SamplerFronts.java compares the fronts in one box, with the best child of each of 5 MACs bins
# against the smallest child. Resumable: finished stages are skipped.
#
# Usage: bench/samplers-ofa.sh OUT_DIR [SEED=0] [EVALS=60]
#   NAS4J       the launcher (default ./nas4j; a copy keeps a long job safe from rebuilds)
#   SAMPLERS    sampler:epochs pairs trained here (default: all four below)
#   GENERATORS  samplers with a generator, trained by bench/shiftnas-ofa.sh (default: shiftnas shiftnas-smallest)
#
# Budget (10,000 training images, batch 128: 78 steps an epoch, 3 children a step): one epoch measured on
# one thread, each sampler twice, alternated (bench/results/samplers-ofa/epoch-seconds.txt): sandwich
# 46.5 / 35.0 s, attentive 48.5 / 40.9 s (3 candidates scored by a forward pass per attentive child),
# shiftnas-bins 43.9 / 41.7 s. Mean ratios to sandwich 1.10 and 1.05, so 12 sandwich epochs match 11 of
# either of the others. Two epochs each of sandwich and shiftnas-bins-smallest, side by side in two lanes and
# swapped (epoch-seconds-smallest.txt): 185.2 s against 195.6 s, a ratio of 1.06 (the held-out probes of the
# shift), so it trains 11 epochs too.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; seed="${2:-0}"; evals="${3:-60}"
nas4j="${NAS4J:-$(pwd)/nas4j}"
results="$(pwd)/bench/results/samplers-ofa"
mkdir -p "$out" "$results"
[ -f "$out/data/train-labels-idx1-ubyte.gz" ] || /usr/bin/python3 bench/fmnist-subset.py "$out/data" 15000 0 28
common=(--space ofa-mbv3-fmnist --data "$out/data" --validation-size 5000 --seed "$seed" --random-children 1
  --batch-size 128 --lr 0.2 --schedule cosine --augment-pad 0 --flip false)
fronts=()
for s in ${SAMPLERS:-sandwich:12 attentive:11 shiftnas-bins:11 shiftnas-bins-smallest:11}; do
  sampler="${s%%:*}"; epochs="${s##*:}"; run="$out/$sampler-s$seed"
  if [ ! -f "$run/train-log.jsonl" ] || [ "$(wc -l < "$run/train-log.jsonl")" -lt "$epochs" ]; then
    "$nas4j" train "${common[@]}" --sampler "$sampler" --epochs "$epochs" $([ -f "$run/run.json" ] && echo --resume) \
      --out "$run" > "$run.log" 2>&1
  fi
  "$nas4j" search --run "$run" --strategy linas --objectives accuracy,macs --evals "$evals" --seed 0 --name linas-macs \
    --resume --recal-images 500 --val-images 2000 | tail -3
  cp "$run/train-log.jsonl" "$results/$sampler-s$seed-train-log.jsonl"
  cp "$run/search/linas-macs/pareto.csv" "$results/$sampler-s$seed-pareto.csv"
  fronts+=("$sampler=$run/search/linas-macs/pareto.csv")
done
for sampler in ${GENERATORS-shiftnas shiftnas-smallest}; do
  NAS4J="$nas4j" bench/shiftnas-ofa.sh "$out" "$seed" "$evals" "$sampler"
  fronts+=("$sampler=$out/$sampler-gen-s$seed/search/linas-macs/pareto.csv")
done
cp="$(mktemp)"; trap 'rm -f "$cp"' EXIT
mvn -q -B -o dependency:build-classpath -pl cli -Dmdep.outputFile="$cp" >/dev/null
java -Djava.awt.headless=true -cp "cli/target/classes:$(cat "$cp")" bench/SamplerFronts.java "$results/fronts-s$seed" 5 \
  "${fronts[@]}" | tee "$results/fronts-s$seed.txt"
