#!/usr/bin/env bash
# Inference speed of an exported ofa-mbv3-fmnist child: nas4j's model directories for DJL on LibTorch
# and for DJL on ONNX Runtime, and
# the same network in plain PyTorch eager (Debian's python3-torch) with the reference BLAS and with
# OpenBLAS, alternated in one run because this machine drifts.
# Usage: bench/inference-latency.sh PYTORCH_MODEL_DIR ONNXRUNTIME_MODEL_DIR [rounds=2]
# Needs: apt-get install -y python3-torch libblas3 libopenblas0-openmp; the same child exported twice,
#        with `nas4j export --engine pytorch` and `nas4j export --engine onnxruntime`.
set -euo pipefail
cd "$(dirname "$0")/.."
model="$1"; ort_model="$2"; rounds="${3:-2}"
mvn -q -B -o -DskipTests install >/dev/null
cp="$(mktemp)"; trap 'rm -f "$cp"' EXIT
mvn -q -B -o dependency:build-classpath -pl cli -Dmdep.outputFile="$cp" >/dev/null
classpath="$(cat "$cp")"
unset OMP_WAIT_POLICY; export GOMP_SPINCOUNT=100000  # the launcher's setting, for every engine
threads="$(nproc)"
for r in $(seq 1 "$rounds"); do
  for dir in "$model" "$ort_model"; do
    java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
      -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
      -cp "$classpath" bench/InferenceLatency.java "$dir" | grep RESULT | sed "s/^/round $r /"
  done
  for blas in blas openblas-openmp; do
    for fold in 0 1; do
      LD_LIBRARY_PATH="/usr/lib/x86_64-linux-gnu/$blas" /usr/bin/python3 bench/pytorch_child_latency.py "$model" \
        threads="$threads" fold="$fold" | grep RESULT | sed "s/^/round $r blas=$blas /"
    done
  done
done
