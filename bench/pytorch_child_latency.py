#!/usr/bin/python3
"""Batch-1 latency and batch-256 throughput of an exported ofa-mbv3-fmnist child in plain PyTorch eager.

Builds the child that MODEL_DIR/arch.json names as ordinary nn.Modules (same layers as nas4j's
static network: input normalization, stem, MBConv blocks, head, classifier; random weights, eval
mode) and times it like bench/InferenceLatency.java. fold=1 folds each batch norm into the
convolution before it, as nas4j's export does. Run by bench/inference-latency.sh.

Usage: /usr/bin/python3 pytorch_child_latency.py MODEL_DIR [threads=2] [reps=300] [fold=0|1]
"""
import json, re, sys, time
import torch
import torch.nn as nn

STEM, HEAD = 12, 128
STAGES = [(12, 2), (20, 2), (32, 1)]  # ofa-mbv3-fmnist: (width, stride), ReLU, no squeeze-excite


class Block(nn.Module):
    def __init__(s, cin, cout, stride, k, e):
        super().__init__()
        h = cin * e
        s.body = nn.Sequential(
            nn.Conv2d(cin, h, 1, bias=False), nn.BatchNorm2d(h), nn.ReLU(),
            nn.Conv2d(h, h, k, stride, k // 2, groups=h, bias=False), nn.BatchNorm2d(h), nn.ReLU(),
            nn.Conv2d(h, cout, 1, bias=False), nn.BatchNorm2d(cout))
        s.res = stride == 1 and cin == cout

    def forward(s, x):
        y = s.body(x)
        return y + x if s.res else y


class Child(nn.Module):
    def __init__(s, card):
        super().__init__()
        s.register_buffer("mean", torch.tensor(card["mean"]).view(-1, 1, 1))
        s.register_buffer("std", torch.tensor(card["std"]).view(-1, 1, 1))
        layers = [nn.Conv2d(card["channels"], STEM, 3, 2, 1, bias=False), nn.BatchNorm2d(STEM), nn.ReLU()]
        cin = STEM
        for (width, stride), blocks in zip(STAGES, card["arch"].split("_")[1:]):
            for i, (k, e) in enumerate(re.findall(r"k(\d+)e(\d+)", blocks)):
                layers.append(Block(cin, width, stride if i == 0 else 1, int(k), int(e)))
                cin = width
        layers += [nn.Conv2d(cin, HEAD, 1, bias=False), nn.BatchNorm2d(HEAD), nn.ReLU(),
                   nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(HEAD, len(card["classes"]))]
        s.net = nn.Sequential(*layers)

    def forward(s, x):
        return s.net((x - s.mean) / s.std)


def fold_batch_norms(module):
    """Replaces every Conv2d + BatchNorm2d pair inside a Sequential by one convolution."""
    for child in module.children():
        fold_batch_norms(child)
    if isinstance(module, nn.Sequential):
        for i in range(len(module) - 1):
            if isinstance(module[i], nn.Conv2d) and isinstance(module[i + 1], nn.BatchNorm2d):
                module[i] = torch.nn.utils.fusion.fuse_conv_bn_eval(module[i], module[i + 1])
                module[i + 1] = nn.Identity()


card = json.load(open(sys.argv[1] + "/arch.json"))
args = dict(a.split("=", 1) for a in sys.argv[2:])
torch.set_num_threads(int(args.get("threads", 2))); torch.set_num_interop_threads(1)
reps = int(args.get("reps", 300))
assert card["space"] == "ofa-mbv3-fmnist", "this script mirrors the ofa-mbv3-fmnist space only"
model = Child(card).eval()
folded = args.get("fold", "0") == "1"
if folded:
    fold_batch_norms(model)
c, r = card["channels"], card["resolution"]
with torch.no_grad():
    one = torch.rand(1, c, r, r)
    ms = []
    for i in range(reps + 50):
        t = time.perf_counter(); model(one)
        if i >= 50:
            ms.append((time.perf_counter() - t) * 1000)
    ms.sort()
    big = torch.rand(256, c, r, r)
    for _ in range(3):
        model(big)
    t = time.perf_counter()
    for _ in range(20):
        model(big)
    per_second = 20 * 256 / (time.perf_counter() - t)
print("RESULT pytorch-eager fold=%d batch1 median=%.3f p90=%.3f ms (n=%d) batch256 %.0f images/s torch=%s" % (
    folded, ms[reps // 2], ms[int(reps * 0.9)], reps, per_second, torch.__version__))
