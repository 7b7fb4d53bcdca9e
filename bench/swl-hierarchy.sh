#!/usr/bin/env bash
# The SWL paper's hierarchy reproduced by exact colour refinement (issue 19): the Fürer pair of every
# base graph in bench/swl and the classic pairs of bench/swl/pairs, every test on each; a witness pair
# for every strict arrow of the paper's figure, the unordered pairs of tests, and any contradiction.
# Seconds on one core. Writes bench/results/swl/hierarchy.md; exits 1 if the figure is not reproduced.
#
# Usage: bench/swl-hierarchy.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./nas4j spaces > /dev/null   # builds and installs the modules when the sources are newer
results=bench/results/swl
mkdir -p "$results"
cp="$(mktemp)"; trap 'rm -f "$cp"' EXIT
mvn -q -B -o dependency:build-classpath -pl cli -Dmdep.outputFile="$cp" >/dev/null
java -cp "cli/target/classes:$(cat "$cp")" bench/SwlHierarchy.java bench/swl | tee "$results/hierarchy.md"
