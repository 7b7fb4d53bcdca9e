#!/usr/bin/env bash
# Mixture-of-Supernets on transformer-freedict (FreeDict English -> German, character level): a
# supernet with plain weight sharing, one with layer-wise and one with neuron-wise MoS, all at the
# same budget; four children across the size range scored (test words) from each, and each child
# trained alone with as many optimizer updates; the latency / BLEU fronts of plain and layer-wise
# MoS search; every stage timed.
#
# Usage: bench/mos.sh OUT_DIR [epochs=1] [evals=20] [seed=0]   (evals 0: no search)
# Needs: apt-get install -y dict-freedict-eng-deu
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; epochs="${2:-1}"; evals="${3:-20}"; seed="${4:-0}"
mkdir -p "$out"
common=(--space transformer-freedict --data freedict --optimizer adam --lr 0.002 --batch-size 128 --schedule cosine
  --validation-size 1000 --epochs "$epochs" --seed "$seed")
children=(e64_enc:128h2_dec:128h2 e64_enc:256h2,256h2_dec:256h2,256h2 e96_enc:256h4,256h4_dec:256h4,256h4
  e128_enc:512h4,512h4,512h4_dec:512h4,512h4,512h4)
scores="$out/scores.tsv"
: > "$scores"
score() { # kind run arch
  ./nas4j eval --run "$2" --arch "$3" --split test | head -1 | python3 -c 'import re, sys
m = re.search(r"exact match ([0-9.]+)%, character error rate ([0-9.]+)%, character BLEU ([0-9.]+)%", sys.stdin.read())
print("\t".join([sys.argv[1], sys.argv[2]] + list(m.groups())))' "$1" "$3" >> "$scores"
}
seconds() { python3 -c 'import json, sys; print(round(json.loads(open(sys.argv[1]).read().splitlines()[-1])["seconds"]))' "$1/train-log.jsonl"; }
for mix in none layer neuron; do
  run="$out/super-$mix"
  [ -f "$run/checkpoints/latest.ckpt" ] || ./nas4j train "${common[@]}" --sampler sandwich-labels --random-children 1 \
    --mixture "$mix" --out "$run" > "$run.train.txt" 2>&1
  echo "supernet, mixture $mix: $(seconds "$run") s" | tee -a "$out/times.txt"
  for a in "${children[@]}"; do score "$mix" "$run" "$a"; done
done
for a in "${children[@]}"; do
  run="$out/alone-${a//[^a-z0-9]/_}"
  [ -f "$run/checkpoints/latest.ckpt" ] || ./nas4j train-arch "${common[@]}" --arch "$a" --out "$run" > "$run.train.txt" 2>&1
  echo "alone $a: $(seconds "$run") s" | tee -a "$out/times.txt"
  score alone "$run" "$a"
done
for mix in none layer; do
  [ "$evals" -gt 0 ] || break
  ./nas4j search --run "$out/super-$mix" --strategy nsga2 --objectives accuracy,latency --evals "$evals" --val-images 300 \
    --latency-calls 5 --seed "$seed" > "$out/search-$mix.txt" 2>&1
done
cat "$scores"
