#!/usr/bin/env bash
# Inference speed of an exported ofa-mbv3-fmnist child: DJL on LibTorch, DJL on ONNX Runtime, and
# the same network in plain PyTorch eager (Debian's python3-torch) with the reference BLAS and with
# OpenBLAS, alternated in one run because this machine drifts.
# Usage: bench/inference-latency.sh MODEL_DIR [rounds=2]
# Needs: apt-get install -y python3-torch libblas3 libopenblas0-openmp; a model written with
#        `nas4j export --format djl,onnx`.
set -euo pipefail
cd "$(dirname "$0")/.."
model="$1"; rounds="${2:-2}"
mvn -q -B -o -DskipTests install >/dev/null
cp="$(mktemp)"; trap 'rm -f "$cp"' EXIT
mvn -q -B -o dependency:build-classpath -pl spaces -Dmdep.outputFile="$cp" >/dev/null  # test scope: ONNX Runtime
classpath="spaces/target/classes:core/target/classes:$(cat "$cp")"
unset OMP_WAIT_POLICY; export GOMP_SPINCOUNT=100000  # the launcher's setting, for every engine
threads="$(nproc)"
for r in $(seq 1 "$rounds"); do
  for engine in PyTorch OnnxRuntime; do
    java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
      -Dai.djl.onnxruntime.num_threads="$threads" -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
      -cp "$classpath" bench/InferenceLatency.java "$model" "$engine" | grep RESULT | sed "s/^/round $r /"
  done
  for blas in blas openblas-openmp; do
    LD_LIBRARY_PATH="/usr/lib/x86_64-linux-gnu/$blas" /usr/bin/python3 bench/pytorch_child_latency.py "$model" \
      threads="$threads" | grep RESULT | sed "s/^/round $r blas=$blas /"
  done
done
