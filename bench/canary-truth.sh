#!/usr/bin/env bash
# Writes the ranking canary's cached truth (cli/src/test/resources/canary/truth.jsonl): 12 cells of
# nb201-fmnist:width=4,input=8 drawn uniformly, each trained alone with seeds 0 and 1 on the noisy
# gratings that RankingCanaryTest writes (TestFiles.writeGratings(dir, 8000, 100, 8, 0)), each scored on
# 5,000 held-out images (with 1,000 the scoring noise drowned the cells' differences: seed-to-seed
# tau 0.09; with 5,000 it is 0.47).
# Usage: bench/canary-truth.sh OUT_DIR   (about 3 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"; out="$1"
mvn -B -ntp -q install -DskipTests
mkdir -p "$out"; cd "$out"
java -cp "$root/datasets/target/test-classes" org.nas4j.datasets.WriteGratings data 8000 100 8 0
"$root/nas4j" truth --space nb201-fmnist:width=4,input=8 --data data --validation-size 5000 --archs 12 --seeds 0,1 \
  --epochs 6 --batch-size 32 --out truth
cp truth/truth.jsonl "$root/cli/src/test/resources/canary/truth.jsonl"
cp truth/settings.txt "$root/cli/src/test/resources/canary/settings.txt"
