#!/usr/bin/env bash
# Ranking quality of supernet estimates on nb201-fmnist: one-shot vs few-shot (one sub-supernet per
# operation of one edge) vs GM-NAS (gradient-matching bipartitions), the same number of
# sub-supernets and the same total training epochs, against archs trained alone.
#
# Usage: bench/ranking.sh OUT_DIR [archs=50] [base_epochs=2] [sub_epochs=1] [seed=0] [truth_epochs=3]
#   NAS4J_RANKING_IMAGES  training images drawn from Fashion-MNIST (default 12000, 2000 of them held
#                         out for validation); every network here trains on the same subset
# The archs scored are the same for every seed (sampled with seed 0); the seed drives the supernets'
# training. Ground truth (each arch trained alone with `nas4j train-arch`, seed 0) is cached in
# OUT_DIR/truth.jsonl, so a second seed reuses it. Results: OUT_DIR/ranking.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; n="${2:-50}"; base="${3:-2}"; sub="${4:-1}"; seed="${5:-0}"; truth_epochs="${6:-3}"
space=nb201-fmnist; subs=5
mkdir -p "$out"
# the cached ground truth must come from one setting; supernet budgets each get a run directory
settings="archs=$n truth_epochs=$truth_epochs images=${NAS4J_RANKING_IMAGES:-12000}"
if [ -f "$out/settings" ] && [ "$(cat "$out/settings")" != "$settings" ]; then
  echo "$out was made with $(cat "$out/settings"), not $settings: use another OUT_DIR" >&2; exit 2
fi
echo "$settings" > "$out/settings"
data="$out/data"
[ -f "$data/train-labels-idx1-ubyte.gz" ] || /usr/bin/python3 bench/fmnist-subset.py "$data" "${NAS4J_RANKING_IMAGES:-12000}" 0
recipe=(--data "$data" --validation-size 2000 --batch-size 128 --lr 0.1 --schedule cosine --augment-pad 0 --flip false)
run="$out/base$base-sub$sub-seed$seed"

# supernets: a base trained one-shot, then (a) one-shot for the same extra epochs the splits get,
# (b) few-shot on edge e03 (input to output), (c) GM with the same number of sub-supernets
[ -f "$run/base/checkpoints/latest.ckpt" ] || \
  ./nas4j train --space "$space" --sampler uniform --epochs "$base" --out "$run/base" --seed "$seed" "${recipe[@]}"
[ -f "$run/oneshot/checkpoints/latest.ckpt" ] || \
  ./nas4j train --space "$space" --sampler uniform --epochs $((base + subs * sub)) --out "$run/oneshot" --seed "$seed" "${recipe[@]}"
for method in fewshot gm; do
  if [ ! -f "$run/$method/split/tree.json" ]; then
    rm -rf "$run/$method"; cp -r "$run/base" "$run/$method"
    dims=(); [ "$method" = fewshot ] && dims=(--dimensions e03)
    ./nas4j split --run "$run/$method" --method "$method" --budget "$subs" "${dims[@]}" --train-epochs "$sub"
  fi
done
for est in oneshot fewshot gm; do
  ./nas4j search --run "$run/$est" --strategy rsps --evals "$n" --seed 0 > "$run/$est/rsps.txt"
done

# ground truth for the archs that were scored (the same archs in every supernet)
truth="$out/truth.jsonl"; touch "$truth"
sed 's/.*"arch":"\([^"]*\)".*/\1/' "$run/oneshot/search/rsps.jsonl" | while read -r arch; do
  grep -qF "\"$arch\"" "$truth" && continue
  dir="$out/alone/$(printf '%s' "$arch" | md5sum | cut -c1-12)"; rm -rf "$dir"
  acc="$(./nas4j train-arch --space "$space" --arch "$arch" --epochs "$truth_epochs" --out "$dir" --seed 0 "${recipe[@]}" \
    | sed -n 's/^validation accuracy \([0-9.]*\)% of .*/\1/p')"
  [ -n "$acc" ] || { echo "train-arch $arch printed no validation accuracy" >&2; exit 1; }
  printf '{"arch":"%s","accuracy":%s}\n' "$arch" "$acc" >> "$truth"
done

for est in oneshot fewshot gm; do
  printf 'base %s sub %s seed %s %-8s ' "$base" "$sub" "$seed" "$est"
  ./nas4j rank --truth "$truth" --estimates "$run/$est/search/rsps.jsonl"
done | tee -a "$out/ranking.txt"
