#!/usr/bin/python3
"""The ofa-mbv3-fmnist supernet training step in plain PyTorch eager, for the nas4j/PyTorch ratio.

Mirrors nas4j's OfaMbv3Supernet for ofa-mbv3-fmnist (stem 3x3/2 12ch ReLU; stages
(12,2,-,relu) (20,2,-,relu) (32,1,-,relu), up to 4 MBConv blocks each, kernel <= 7,
expand <= 6; head 1x1 128 relu; linear 10), sliced the same way, and trains the children listed in an archs file written
by `nas4j benchmark --archs-out FILE` (one step per line, children separated by spaces), so both
engines run the same work. Sandwich steps distill from the first child like nas4j.

nas4j stores activations channels-last after the stem; layout=cl does the same here, layout=nchw
(PyTorch's default) does not.

Usage: /usr/bin/python3 pytorch_ofa_step.py ARCHS_FILE [threads=2] [batch=64] [warmup=5] [steps_per_round=20] [layout=nchw|cl]
Prints "RESULT pytorch_step_ms min=.. median=.. max=.." over rounds (one median per round).
"""
import re, sys, time, statistics
import torch
import torch.nn.functional as F

ARCHS = [l.split() for l in open(sys.argv[1]) if l.strip()]
ARGS = dict(a.split("=", 1) for a in sys.argv[2:])
THREADS = int(ARGS.get("threads", 2)); BATCH = int(ARGS.get("batch", 64))
WARMUP = int(ARGS.get("warmup", 5)); PER_ROUND = int(ARGS.get("steps_per_round", 20))
CHANNELS_LAST = ARGS.get("layout", "nchw") == "cl"
torch.set_num_threads(THREADS); torch.set_num_interop_threads(1); torch.manual_seed(0)

STEM, HEAD, NCLS, MAXD, MAXK, MAXE = 12, 128, 10, 4, 7, 6
STAGES = [(12, 2, False, "relu"), (20, 2, False, "relu"), (32, 1, False, "relu")]
ACT = {"relu": F.relu, "hswish": F.hardswish}


def w(*shape):
    fan_in = 1
    for s in shape[1:]:
        fan_in *= s
    return (torch.randn(shape) * (2.0 / fan_in) ** 0.5).requires_grad_()


class BN:
    def __init__(s, c, zero=False):
        s.g = (torch.zeros(c) if zero else torch.ones(c)).requires_grad_(); s.b = torch.zeros(c).requires_grad_()
        s.rm = torch.zeros(c); s.rv = torch.ones(c)

    def __call__(s, x):
        c = x.shape[1]
        return F.batch_norm(x, s.rm[:c], s.rv[:c], s.g[:c], s.b[:c], True, 0.1, 1e-5)

    def params(s):
        return [s.g, s.b]


def reduced(c):
    return max(8, (c // 4 + 4) // 8 * 8)


class Block:
    def __init__(s, cin, cout, stride, se, act):
        h = cin * MAXE
        s.cin, s.cout, s.stride, s.act = cin, cout, stride, ACT[act]
        s.res = stride == 1 and cin == cout
        s.ew = w(h, cin, 1, 1); s.bn1 = BN(h); s.dw = w(h, 1, MAXK, MAXK); s.bn2 = BN(h)
        s.se = se
        if se:
            r = reduced(h)
            s.rw, s.rb, s.xw, s.xb = w(r, h, 1, 1), torch.zeros(r).requires_grad_(), w(h, r, 1, 1), torch.zeros(h).requires_grad_()
        s.pw = w(cout, h, 1, 1); s.bn3 = BN(cout, s.res)

    def params(s):
        p = [s.ew, s.dw, s.pw] + s.bn1.params() + s.bn2.params() + s.bn3.params()
        return p + ([s.rw, s.rb, s.xw, s.xb] if s.se else [])

    def __call__(s, x, k, e):
        h = s.cin * e
        y = s.act(s.bn1(F.conv2d(x, s.ew[:h])))
        o = (MAXK - k) // 2
        y = s.act(s.bn2(F.conv2d(y, s.dw[:h, :, o:o + k, o:o + k], None, s.stride, k // 2, 1, h)))
        if s.se:
            r = reduced(h)
            g = y.mean((2, 3), keepdim=True)
            g = F.relu(F.conv2d(g, s.rw[:r, :h], s.rb[:r]))
            g = F.hardsigmoid(F.conv2d(g, s.xw[:h, :r], s.xb[:h]))
            y = y * g
        y = s.bn3(F.conv2d(y, s.pw[:, :h]))
        return y + x if s.res else y


class Net:
    def __init__(s):
        s.stem = w(STEM, 1, 3, 3); s.sbn = BN(STEM); s.stages = []
        cin = STEM
        for width, stride, se, act in STAGES:
            s.stages.append([Block(cin if i == 0 else width, width, stride if i == 0 else 1, se, act) for i in range(MAXD)])
            cin = width
        s.head = w(HEAD, cin, 1, 1); s.hbn = BN(HEAD); s.fc = w(NCLS, HEAD); s.fcb = torch.zeros(NCLS).requires_grad_()

    def params(s):
        p = [s.stem, s.head, s.fc, s.fcb] + s.sbn.params() + s.hbn.params()
        for st in s.stages:
            for b in st:
                p += b.params()
        return p

    def __call__(s, x, arch):
        r, stages = parse(arch)
        if x.shape[-1] != r:
            x = F.interpolate(x, size=(r, r), mode="bilinear", align_corners=False)
        y = F.relu(s.sbn(F.conv2d(x, s.stem, None, 2, 1)))
        if CHANNELS_LAST:
            y = y.contiguous(memory_format=torch.channels_last)
        for st, blocks in zip(s.stages, stages):
            for b, (k, e) in zip(st, blocks):
                y = b(y, k, e)
        y = F.relu(s.hbn(F.conv2d(y, s.head)))
        return F.linear(y.mean((2, 3)), s.fc, s.fcb)


def parse(arch):
    parts = arch.split("_")
    return int(parts[0][1:]), [[tuple(map(int, m)) for m in re.findall(r"k(\d+)e(\d+)", p)] for p in parts[1:]]


net = Net()
opt = torch.optim.SGD(net.params(), lr=0.01, momentum=0.9, nesterov=True, weight_decay=3e-5)
x = torch.randn(BATCH, 1, 28, 28)
y = torch.randint(0, NCLS, (BATCH,))


def step(children):
    opt.zero_grad()
    teacher = None
    for arch in children:
        logits = net(x, arch)
        if teacher is None:
            loss = F.cross_entropy(logits, y, label_smoothing=0.1)
            if len(children) > 1:
                teacher = logits.detach().softmax(1)
        else:
            loss = -(logits.log_softmax(1) * teacher).sum(1).mean()
        loss.backward()
    torch.nn.utils.clip_grad_norm_(net.params(), 5.0)
    opt.step()


for i in range(WARMUP):
    step(ARCHS[i % len(ARCHS)])
medians = []
for r in range(0, len(ARCHS) // PER_ROUND):
    times = []
    for children in ARCHS[r * PER_ROUND:(r + 1) * PER_ROUND]:
        t0 = time.perf_counter(); step(children); times.append((time.perf_counter() - t0) * 1000)
    medians.append(statistics.median(times))
    print("round %d: median %.1f ms/step" % (r, medians[-1]), flush=True)
print("RESULT pytorch_step_ms min=%.1f median=%.1f max=%.1f ms/step, batch %d (n=%d) torch=%s threads=%d layout=%s" % (
    min(medians), statistics.median(medians), max(medians), BATCH, len(medians), torch.__version__, THREADS,
    "cl" if CHANNELS_LAST else "nchw"))
