#!/usr/bin/env python3
"""Writes a Fashion-MNIST directory holding a seeded random subset of the training images (IDX,
gzipped, the layout `nas4j --data DIR` reads) and the whole test set, for benchmarks that train
many networks. Usage: fmnist-subset.py OUT_DIR TRAIN_IMAGES [SEED]"""
import gzip, os, shutil, sys
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


out, n = sys.argv[1], int(sys.argv[2])
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
os.makedirs(out, exist_ok=True)
ih, images = read("train-images-idx3-ubyte.gz", 16)
lh, labels = read("train-labels-idx1-ubyte.gz", 8)
pick = np.sort(np.random.default_rng(seed).permutation(len(labels))[:n])
write(os.path.join(out, "train-images-idx3-ubyte.gz"), ih, images.reshape(-1, 784)[pick], n)
write(os.path.join(out, "train-labels-idx1-ubyte.gz"), lh, labels[pick], n)
for name in ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
    shutil.copy(os.path.join(SRC, name), os.path.join(out, name))
