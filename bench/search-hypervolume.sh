#!/usr/bin/env bash
# Hypervolume against real evaluations for random search, NSGA-II and LINAS on a trained supernet
# (accuracy and batch-1 latency), several seeds each, alternated so that the machine's drift hits
# every strategy alike; then bench/SearchHypervolume.java summarizes and plots.
# Usage: bench/search-hypervolume.sh RUN_DIR [evals=200] [seeds=3] [strategies="random nsga2 linas"] [cost=latency]
#   cost: latency (timed), table:FILE (latency predicted from a 'nas4j profile' table) or macs;
#   searches are named STRATEGY-sSEED, STRATEGY-lut-sSEED or STRATEGY-macs-sSEED
# All searches share the run's archive: an arch one search evaluated is answered from it for the
# next (it still counts against that search's budget), so every strategy sees the same value for it.
set -euo pipefail
cd "$(dirname "$0")/.."
run="$1"; evals="${2:-200}"; seeds="${3:-3}"; strategies="${4:-random nsga2 linas}"; cost="${5:-latency}"
flags=(--evals "$evals" --recal-images 500 --val-images 1000 --latency-calls 20)
case "$cost" in
  latency) tag=""; flags+=(--objectives accuracy,latency) ;;
  table:*) tag="-lut"; flags+=(--objectives accuracy,latency --latency-table "${cost#table:}") ;;
  *) tag="-$cost"; flags+=(--objectives "accuracy,$cost") ;;
esac
for seed in $(seq 0 $((seeds - 1))); do
  for strategy in $strategies; do
    ./nas4j search --run "$run" --strategy "$strategy" --seed "$seed" --name "$strategy$tag-s$seed" --resume "${flags[@]}" \
      2>&1 | grep -E "^[0-9]+ evaluations" | sed "s/^/$strategy seed $seed: /"
  done
done
cp="$(mktemp)"; trap 'rm -f "$cp"' EXIT
mvn -q -B -o dependency:build-classpath -pl cli -Dmdep.outputFile="$cp" >/dev/null
java -Djava.awt.headless=true -cp "cli/target/classes:$(cat "$cp")" bench/SearchHypervolume.java "$run" "$evals" "$tag"
