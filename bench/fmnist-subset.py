#!/usr/bin/env python3
"""Writes a Fashion-MNIST directory holding a seeded random subset of the training images (IDX,
gzipped, the layout `nas4j --data DIR` reads) and the whole test set, for benchmarks that train
many networks. With SIDE 16 every image is padded to 32x32 and averaged over 2x2 blocks (a
16x16 Fashion-MNIST, for a space made with `input=16`).
Usage: fmnist-subset.py OUT_DIR TRAIN_IMAGES [SEED] [SIDE=28|16]"""
import gzip, os, sys
import numpy as np

SRC = "/usr/share/datasets/fashion-mnist"


def read(name, header):
    with gzip.open(os.path.join(SRC, name)) as f:
        raw = f.read()
    return raw[:header], np.frombuffer(raw, np.uint8, offset=header)


def write(path, header, body, count):
    header = header[:4] + int(count).to_bytes(4, "big") + header[8:]
    with gzip.open(path + ".tmp", "wb") as f:
        f.write(header + body.tobytes())
    os.replace(path + ".tmp", path)


def shrink(header, images, side):
    if side == 28:
        return header, images.reshape(-1, 784)
    padded = np.pad(images.reshape(-1, 28, 28).astype(np.float32), ((0, 0), (2, 2), (2, 2)))
    small = padded.reshape(-1, 16, 2, 16, 2).mean(axis=(2, 4))
    dims = (16).to_bytes(4, "big") * 2
    return header[:8] + dims, np.rint(small).astype(np.uint8).reshape(-1, 256)


out, n = sys.argv[1], int(sys.argv[2])
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
side = int(sys.argv[4]) if len(sys.argv) > 4 else 28
if side not in (28, 16):
    sys.exit("SIDE must be 28 or 16")
os.makedirs(out, exist_ok=True)
ih, images = read("train-images-idx3-ubyte.gz", 16)
lh, labels = read("train-labels-idx1-ubyte.gz", 8)
pick = np.sort(np.random.default_rng(seed).permutation(len(labels))[:n])
ih, images = shrink(ih, images, side)
write(os.path.join(out, "train-images-idx3-ubyte.gz"), ih, images[pick], n)
write(os.path.join(out, "train-labels-idx1-ubyte.gz"), lh, labels[pick], n)
th, test = shrink(*read("t10k-images-idx3-ubyte.gz", 16), side)
write(os.path.join(out, "t10k-images-idx3-ubyte.gz"), th, test, len(test))
tl, test_labels = read("t10k-labels-idx1-ubyte.gz", 8)
write(os.path.join(out, "t10k-labels-idx1-ubyte.gz"), tl, test_labels, len(test_labels))
