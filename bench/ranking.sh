#!/usr/bin/env bash
# Ranking quality of supernet estimates against archs trained alone, on the proxy preset
# nb201-fmnist:width=8,cells=2,input=16 (a 16x16 Fashion-MNIST subset: 10,000 training and 5,000
# validation images, the same validation images for every network here).
#
# Usage: bench/ranking.sh OUT_DIR [seed=0] [steps=...]
#   1. ground truth: 60 archs drawn uniformly, one per isomorphism class, each trained alone with
#      seeds 0 and 1 (4 epochs); cached in bench/results/ranking/truth.jsonl, so a later run (or
#      another session) resumes it and never trains a cell twice;
#   2. one-shot supernets at an equal budget of 4,680 forward/backward passes (30 epochs of single
#      paths at batch 64): the old recipe (lr 0.1, batch 128 so 2,340 passes, BN with scale and
#      shift) and the new default (NAS-Bench-201's RSPS: lr 0.025 cosine to 0.001, weight decay
#      5e-4, batch 64, BN without scale and shift), and FairNAS's fair sampling (6 epochs x 5 paths);
#      each keeps epoch snapshots, so tau is measured against epochs; a 100-epoch supernet, and
#      300-epoch supernets sampling uniformly over arch strings and over isomorphism classes;
#   3. few-shot (5 sub-supernets on edge e03) and GM-NAS (5 sub-supernets) with the new recipe:
#      a 10-epoch base and 4 epochs per sub-supernet (30 epochs in all, as the one-shot run);
#   4. nas4j rank: tau, rho and top-half tau with bootstrap intervals, paired differences against
#      params, MACs, SynFlow and NASWOT; raw output to OUT_DIR and bench/results/ranking/;
#   5. the 300-epoch supernet scoring each child after 50 steps of fine-tuning from its weights;
#   6. the 300-epoch supernet scored with the mean of its weights over the last share of its epochs;
#   7. a 625-epoch supernet (97,500 steps: the step count of NAS-Bench-201's RSPS, 250 epochs of 391
#      steps) ending with the mean of every epoch's weights, tau against its epochs.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; seed="${2:-0}"
space=nb201-fmnist:width=8,cells=2,input=16
results="$(pwd)/bench/results/ranking"
nas4j="$(pwd)/nas4j"
mkdir -p "$out" "$results"
cd "$out"   # every path below is relative to OUT_DIR, as the cached truth's settings are
[ -f data/train-labels-idx1-ubyte.gz ] || /usr/bin/python3 "$(dirname "$nas4j")/bench/fmnist-subset.py" data 15000 0 16
split=(--data data --validation-size 5000)

# 1. the ground truth, cached under bench/results
mkdir -p truth
[ -f "$results/truth.jsonl" ] && [ ! -f truth/truth.jsonl ] && cp "$results/truth.jsonl" truth/truth.jsonl
"$nas4j" truth --space "$space" "${split[@]}" --archs 60 --seeds 0,1 --epochs 4 --out truth
cp truth/truth.jsonl "$results/truth.jsonl"
cp truth/settings.txt "$results/truth-settings.txt"

# 2. one-shot supernets, epoch snapshots kept. Budgets: 30 epochs of 156 steps of one path at batch
#    64 (4,680 forward/backward passes); the old recipe sees the same 30 epochs at batch 128 (2,340
#    passes); fair6 takes 5 paths per step (936 steps, 4,680 passes)
common=(--seed "$seed" --snapshots --augment-pad 0 --flip false --schedule cosine "${split[@]}")
rsps=(--batch-size 64 --lr 0.025 --lr-floor 0.04 --weight-decay 5e-4)
# these supernets end with their last weights (--average-last 0), as they were trained before weight
# averaging became the default for cell spaces; a run that averages says so itself
train() {
  local dir="s$seed/$1"; shift
  local last=(--average-last 0); [[ " $* " == *" --average-last "* ]] && last=()
  [ -f "$dir/checkpoints/latest.ckpt" ] || "$nas4j" train "$@" "${last[@]}" --out "$dir" "${common[@]}"
}
train old30 --space "$space" --sampler uniform --epochs 30 --batch-size 128 --lr 0.1
train rsps30 --space "$space,affine=false" "${rsps[@]}" --sampler uniform --epochs 30
train rsps30a --space "$space" "${rsps[@]}" --sampler uniform --epochs 30
train fair6 --space "$space,affine=false" "${rsps[@]}" --sampler fair --epochs 6
train rsps100a --space "$space" "${rsps[@]}" --sampler uniform --epochs 100   # the longer budget
# 300 epochs (46,800 passes), uniform over arch strings against uniform over isomorphism classes
train rsps300a --space "$space" "${rsps[@]}" --sampler uniform --epochs 300
train dist300a --space "$space" "${rsps[@]}" --sampler distinct --epochs 300
# 100 epochs whose cosine stops at 75% of the peak rate: where the 300-epoch runs stand at epoch 100
train hold100 --space "$space" --batch-size 64 --lr 0.025 --lr-floor 0.75 --weight-decay 5e-4 --sampler uniform --epochs 100
# SWA's own schedule: a constant rate (lr 0.025 throughout), ending with the mean of every epoch's weights
train swaconst300 --space "$space" --batch-size 64 --lr 0.025 --lr-floor 1 --weight-decay 5e-4 --sampler uniform \
  --epochs 300 --average-last 1
# NAS-Bench-201's RSPS step count (97,500 steps), the default recipe for cell spaces (the mean of every epoch)
train rsps625a --space "$space" "${rsps[@]}" --sampler uniform --epochs 625 --average-last 1
# the 300-epoch supernet again, ending with the mean of every epoch as the default does (rsps300a kept its
# snapshots and was averaged by rank): its per-cell estimates, paired with the 625-epoch run's
train avg300a --space "$space" "${rsps[@]}" --sampler uniform --epochs 300 --average-last 1

# 3. few-shot (5 sub-supernets, one per operation of edge e23, into the cell's output) and GM-NAS
#    (5 sub-supernets) from a 10-epoch base, 4 epochs per sub-supernet: 4,680 steps in all, as rsps30
# few-shot and GM at the 30-epoch budget: the supernet to epoch 10, then 5 sub-supernets (one per op of
# e23) to epoch 14, or GM's 2 halves to epoch 20: 30 epochs of passes either way (issue 16's schedule;
# final-seed0.txt's fewshot and gm rows were made by the earlier widest-leaf splitter, 10 + 5 x 4 epochs)
for method in fewshot gm; do
  dir="s$seed/$method"
  epochs=$([ "$method" = fewshot ] && echo 14 || echo 20)
  dims=(); [ "$method" = fewshot ] && dims=(--dimensions e23)
  [ -f "$dir/run.json" ] || "$nas4j" train --space "$space,affine=false" "${rsps[@]}" --sampler uniform --epochs "$epochs" \
    --until-epoch 10 --average-last 0 --out "$dir" "${common[@]}"
  "$nas4j" split --run "$dir" --method "$method" --split-epochs 10 "${dims[@]}"
done

rank() { "$nas4j" rank --truth truth/truth.jsonl --space "$space" --data data --bootstrap 2000 "$@"; }
r="s$seed"
rank --run "$r/rsps30" --run "$r/old30" --run "$r/rsps30a" --run "$r/fair6" --snapshots 1,3,10,20,30 \
  --out "$results/epochs-seed$seed.json" | tee "$results/epochs-seed$seed.txt"
rank --run "$r/rsps30" --run "$r/old30" --run "$r/rsps30a" --run "$r/fair6" --run "$r/fewshot" --run "$r/gm" \
  --out "$results/final-seed$seed.json" | tee "$results/final-seed$seed.txt"
rank --run "$r/rsps100a" --run "$r/rsps30a" --snapshots 10,25,50,75,100 \
  --out "$results/long-seed$seed.json" | tee "$results/long-seed$seed.txt"
rank --run "$r/rsps300a" --run "$r/dist300a" --snapshots 50,100,150,200,250,300 \
  --out "$results/long300-seed$seed.json" | tee "$results/long300-seed$seed.txt"
rank --run "$r/rsps300a" --run "$r/dist300a" --run "$r/hold100" --out "$results/final300-seed$seed.json" \
  | tee "$results/final300-seed$seed.txt"
# 5. 50 steps of fine-tuning per child from the 300-epoch weights before it is scored (50 passes per
#    child, 3,000 for the 60), at the supernet's peak rate and at a tenth of it; the plain scores come
#    along (--estimates) for the paired difference
for variant in lr lowlr; do
  lr=(); [ "$variant" = lowlr ] && lr=(--fine-tune-lr 0.0025)
  rank --run "$r/rsps300a" --estimates "$r/rsps300a/search/rank-latest.jsonl" --fine-tune-steps 50 "${lr[@]}" \
    --out "$results/finetune-$variant-seed$seed.json" | tee "$results/finetune-$variant-seed$seed.txt"
done
# 6. weight averaging: the 300-epoch supernet scored with the mean of its end-of-epoch weights (its
#    snapshots) over the last share of its epochs, what 'train --average-last SHARE' ends with; the
#    default for cell spaces is every epoch (1.0)
for share in 1.0 0.5; do
  name=$([ "$share" = 1.0 ] && echo all || echo half)
  rank --run "$r/rsps300a" --average-last "$share" --estimates "$r/rsps300a/search/rank-latest.jsonl" \
    --out "$results/average-$name-seed$seed.json" | tee "$results/average-$name-seed$seed.txt"
done
for share in 0.8333 0.6667 0.3333 0.1667; do
  rank --baselines params --run "$r/rsps300a" --average-last "$share" --out "$results/average-$share-seed$seed.json" \
    | tee "$results/average-$share-seed$seed.txt"
done
# the 100-epoch supernet, the mean of every epoch
rank --run "$r/rsps100a" --average-last 1.0 --estimates "$r/rsps100a/search/rank-latest.jsonl" \
  --out "$results/average-all-100ep-seed$seed.json" | tee "$results/average-all-100ep-seed$seed.txt"
# the constant-rate supernet, which ends with the mean of every epoch, against the cosine one's mean
rank --run "$r/swaconst300" --estimates "$r/rsps300a/search/rank-latest-avg1.0.jsonl" \
  --out "$results/swaconst-seed$seed.json" | tee "$results/swaconst-seed$seed.txt"
# 7. the 625-epoch supernet: its raw weights against epochs, the mean of every epoch at the end (@625)
rank --run "$r/rsps625a" --snapshots 25,50,100,200,300,400,500,600,625 \
  --out "$results/long625-seed$seed.json" | tee "$results/long625-seed$seed.txt"
mkdir -p "$results/estimates625-seed$seed"; cp "$r"/rsps625a/search/rank-*.jsonl "$results/estimates625-seed$seed/"
rank --run "$r/avg300a" --run "$r/rsps625a" --out "$results/final-avg-seed$seed.json" | tee "$results/final-avg-seed$seed.txt"
cp "$r/avg300a/search/rank-latest.jsonl" "$results/estimates300-seed$seed.jsonl"
# once both seeds are ranked: their estimates averaged per cell (an ensemble at twice the budget)
if [ -f s0/rsps625a/search/rank-latest.jsonl ] && [ -f s1/rsps625a/search/rank-latest.jsonl ]; then
  /usr/bin/python3 "$(dirname "$nas4j")/bench/mean-estimates.py" "$results/estimates625-ensemble.jsonl" \
    s0/rsps625a/search/rank-latest.jsonl s1/rsps625a/search/rank-latest.jsonl
  rank --baselines params,naswot --estimates s0/rsps625a/search/rank-latest.jsonl --estimates s1/rsps625a/search/rank-latest.jsonl \
    --estimates "$results/estimates625-ensemble.jsonl" | tee "$results/ensemble625.txt"
fi
