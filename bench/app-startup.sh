#!/usr/bin/env bash
# The app's time to "WBSR shown" and to "Ready" on a 2000x1500 photo with wbsr-x2, before and after
# issue 15 (supernet only when asked), in one run, headless (Monocle), real ONNX engine on the CPU.
# Both halves run this tree's StartupBenchmark, compiled once against each tree's own classes.
# Usage, from the repository root:  bench/app-startup.sh [BEFORE_COMMIT]
#   WBSR_PHOTO_SOURCE  the photo the 2000x1500 input is made from
#                      (default $WBSR_DATA/png/v1/val-large/flowers.png, 1500x996)
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
before=${1:-5d19d35}
root=$(pwd)
out=$root/target/bench
src=$(bench_photo_source)
photo=$out/photo-2000x1500.png
mkdir -p "$out"
# shellcheck disable=SC2206  # the shared options split on spaces
jvm=(-Xmx3g $BENCH_OFFLINE_OPTS $BENCH_HEADLESS_OPTS)

after_cp=$(bench_classpath "$root" "$out/cp-after.txt" test-compile test)

tree=${BEFORE_TREE:-$out/before}   # a checkout of BEFORE_COMMIT (made here when missing)
bench_before_tree "$tree" "$before"
# the before tree's own code, built as it was; the benchmark is this tree's StartupBenchmark,
# compiled against it (it uses only what both trees offer), so the tree itself is not changed
before_cp=$(bench_classpath "$tree" "$out/cp-before.txt" compile test)
rm -rf "$out/bench-before" && mkdir -p "$out/bench-before"
javac -nowarn -d "$out/bench-before" -cp "$before_cp" src/test/java/dev/wbsr/ui/StartupBenchmark.java \
  src/test/java/dev/wbsr/ui/fake/MemoryPreferences.java
before_cp="$out/bench-before:$before_cp"

echo "photo: $photo (from $src); bundle: models/wbsr-x2; $(nproc) cores, load $(bench_load)"
# the first run makes the photo and warms the disk cache; then before and after, back to back
java "${jvm[@]}" -cp "$after_cp" dev.wbsr.ui.StartupBenchmark "$photo" models wbsr-x2 "$src" > /dev/null
(cd "$tree" && java "${jvm[@]}" -Dwbsr.bench.label=before -cp "$before_cp" dev.wbsr.ui.StartupBenchmark "$photo" "$root/models" wbsr-x2)
java "${jvm[@]}" -cp "$after_cp" dev.wbsr.ui.StartupBenchmark "$photo" models wbsr-x2
