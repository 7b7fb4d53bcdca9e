#!/usr/bin/env bash
# TPSA of NCI molecules, searched (issue 19, must-show 3): a weight-sharing supernet over the whole
# sgnn-tpsa space (1-WL message passing to SSWL; sandwich rule with inplace distillation, EPOCHS epochs of
# 62 steps of 64 molecules, Adam 2e-3 cosine, L1 on the standardized target), then LINAS by validation MAE
# and MACs (EVALS real evaluations) and the same search limited to class>=pswl (EVALS/2). Every front
# member is scored on the test split with the supernet's weights (BN recalibrated, no retraining), beside
# the GIN-like networks of the space trained alone with the supernet's recipe and epochs, seeds 0-2, and
# the preview's fixed networks (bench/sgnn-tpsa.sh, 15 epochs); bench/TpsaFront.java sets them side by
# side. Resumable: finished stages are skipped.
#
# Usage: bench/sgnn-tpsa-search.sh OUT_DIR [epochs=30] [evals=60] [seed=0]
#   NAS4J  the launcher (default ./nas4j; a copy keeps a long job safe from rebuilds)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; epochs="${2:-30}"; evals="${3:-60}"; seed="${4:-0}"
nas4j="${NAS4J:-./nas4j}"
results=bench/results/sgnn/tpsa-search
run="$out/supernet-s$seed"
mkdir -p "$out" "$results"

if [ ! -f "$run/train-log.jsonl" ] || [ "$(wc -l < "$run/train-log.jsonl")" -lt "$epochs" ]; then
  "$nas4j" train --space sgnn-tpsa --data tpsa --epochs "$epochs" --optimizer adam --lr 0.002 --weight-decay 0 \
    --batch-size 64 --schedule cosine --seed "$seed" $([ -f "$run/run.json" ] && echo --resume) --out "$run" > "$run.log" 2>&1
fi
cp "$run/train-log.jsonl" "$results/supernet-s$seed-train-log.jsonl"
search=(search --run "$run" --strategy linas --objectives mae,macs --seed 0 --resume --recal-images 1000 --val-images 500)
"$nas4j" "${search[@]}" --evals "$evals" --name linas-mae-macs > "$results/linas-s$seed.txt"
"$nas4j" "${search[@]}" --evals $((evals / 2)) --name linas-pswl --constraint 'class>=pswl' > "$results/linas-pswl-s$seed.txt"
for s in linas-mae-macs linas-pswl; do
  cp "$run/search/$s/pareto.csv" "$results/$s-s$seed-pareto.csv"
  cp "$run/search/$s/pareto.png" "$results/$s-s$seed-pareto.png"
done

# every front member of both searches on the test split, with the supernet's weights: name class MAE MMACs params
# (pareto.csv: index,"arch",mae,latency_ms,macs,params,predicted_mae,predicted_latency_ms,on_front,hypervolume,class)
awk -F, 'FNR > 1 && $9 == "true" {gsub(/"/, "", $2); print $2}' "$results"/linas-{mae-macs,pswl}-s$seed-pareto.csv \
  | awk '!seen[$0]++' | while read -r arch; do
    "$nas4j" eval --run "$run" --arch "$arch" --split test \
      | awk -v n="$arch" -f bench/sgnn-eval-row.awk
  done > "$results/front-test-s$seed.tmp"
mv "$results/front-test-s$seed.tmp" "$results/front-test-s$seed.txt"

# the GIN-like networks of the space trained alone with the supernet's recipe and epochs, and the preview's
# fixed networks (15 epochs); both cached when run before
for s in 0 1 2; do
  TABLE=tpsa-gin$epochs NAS4J="$nas4j" bench/sgnn-tpsa.sh "$out/alone" "$epochs" "$s" gin-d2-w16-${epochs}ep=none:d2:w16 \
    gin-d4-w32-${epochs}ep=none:d4:w32 gin-d4-w48-${epochs}ep=none:d4:w48 > /dev/null
  NAS4J="$nas4j" bench/sgnn-tpsa.sh out/sgnn-tpsa 15 "$s" > /dev/null
done

cp="$(mktemp)"; trap 'rm -f "$cp"' EXIT
mvn -q -B -o dependency:build-classpath -pl cli -Dmdep.outputFile="$cp" >/dev/null
java -Djava.awt.headless=true -cp "cli/target/classes:$(cat "$cp")" bench/TpsaFront.java "$results/front-s$seed" \
  "$results/linas-mae-macs-s$seed-pareto.csv" "$results/front-test-s$seed.txt" bench/results/sgnn/tpsa-s{0,1,2}.txt \
  "bench/results/sgnn/tpsa-gin$epochs-s"{0,1,2}.txt | tee "$results/front-s$seed.txt"
