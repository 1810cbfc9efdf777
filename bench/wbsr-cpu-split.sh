#!/bin/sh
# Issue 17: where the wbsr mode's CPU goes on one image, in CPU seconds (the machine is shared):
# scoring, planning, inference (SrEngine.run per subnet) and the Java around it, for tiles of 4, 8
# and 16 patches a side and for EXTENDED_OPT sessions (bench/WbsrCpuSplit.java); then the CPU per
# pixel of the smallest subnet by tile shape, straight on ONNX Runtime (bench/OrtTileShapes.java).
# Usage, from the repository root after mvn package:
#   bench/wbsr-cpu-split.sh PHOTO [BUNDLE]     e.g. bench/wbsr-cpu-split.sh /work/cache/photo-4000x3000.png
#   ROUNDS (default 2), CONFIGS (default all:8,ext:8,all:16,all:4)
set -eu
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
photo=$1
bundle=${2:-models-v2/wbsr-x2}
echo "load at start: $(bench_load)"
java $BENCH_OFFLINE_OPTS -cp target/wbsr.jar bench/WbsrCpuSplit.java "$bundle" "$photo" \
  "${ROUNDS:-2}" "${CONFIGS:-all:8,ext:8,all:16,all:4}" 2>&1 | grep -v ' WARN '
ort=$(ls target/lib/onnxruntime-[0-9]*.jar | head -1)
java -cp "$ort" bench/OrtTileShapes.java "$(ls "$bundle"/subnet-0-*.onnx)"
echo "load at end: $(bench_load)"
