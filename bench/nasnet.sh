#!/usr/bin/env bash
# NASNet at a 2-core budget: train a weight-sharing proxy supernet on Fashion-MNIST, search a cell
# with the REINFORCE controller, stack the found cell deeper and wider, train the stack alone with and
# without ScheduledDropPath (same epochs, same seed), report test accuracy, and export the stack.
# Every stage is timed.
#
# Usage: bench/nasnet.sh OUT_DIR [proxy_epochs=2] [evals=30] [stack_epochs=4] [cells=2] [filters=16] [drop=0.3]
#   NAS4J_NASNET_IMAGES  training images drawn from Fashion-MNIST (default 12000, 2000 held out)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; proxy_epochs="${2:-2}"; evals="${3:-30}"; stack_epochs="${4:-4}"; cells="${5:-2}"; filters="${6:-16}"
drop="${7:-0.3}"
mkdir -p "$out"
data="$out/data"
[ -f "$data/train-labels-idx1-ubyte.gz" ] || /usr/bin/python3 bench/fmnist-subset.py "$data" "${NAS4J_NASNET_IMAGES:-12000}" 0
recipe=(--data "$data" --validation-size 2000 --batch-size 128 --lr 0.1 --schedule cosine --augment-pad 0 --flip false --seed 0)
log="$out/nasnet.txt"
stamp() { date +%s; }

t0=$(stamp)
[ -f "$out/proxy/checkpoints/latest.ckpt" ] || \
  ./nas4j train --space nasnet-fmnist --sampler uniform --epochs "$proxy_epochs" --out "$out/proxy" "${recipe[@]}"
t1=$(stamp)
./nas4j search --run "$out/proxy" --strategy reinforce --objectives accuracy,macs --evals "$evals" --seed 0 \
  --latency-calls 5 > "$out/search.txt"
t2=$(stamp)
cell="$(/usr/bin/python3 -c 'import json, sys
front = json.load(open(sys.argv[1]))["front"]
print(max(front, key=lambda m: m["accuracy"])["arch"])' "$out/proxy/pareto.json")"
{
  echo "proxy supernet: nasnet-fmnist (N=1, F=12), $proxy_epochs epochs: $((t1 - t0)) s"
  echo "REINFORCE search, $evals evaluations: $((t2 - t1)) s"
  echo "found cell (best proxy accuracy on the front): $cell"
} | tee "$log"
for p in 0 "$drop"; do
  run="$out/stack-drop$p"
  space="nasnet-fmnist:cells=$cells,filters=$filters,drop-path=$p"
  s=$(stamp)
  [ -f "$run/checkpoints/latest.ckpt" ] || \
    ./nas4j train-arch --space "$space" --arch "$cell" --epochs "$stack_epochs" --out "$run" "${recipe[@]}" > "$run.train.txt"
  e=$(stamp)
  acc="$(./nas4j eval --run "$run" --arch "$cell" --split test | sed -n 's/.* \([0-9.]*\)% .*/\1/p' | head -1)"
  echo "stack N=$cells F=$filters drop-path $p, $stack_epochs epochs: test accuracy $acc% ($((e - s)) s)" | tee -a "$log"
done
./nas4j export --run "$out/stack-drop$drop" --arch "$cell" --engine onnxruntime --out "$out/model" | tee -a "$log"
