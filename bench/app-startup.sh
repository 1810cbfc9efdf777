#!/usr/bin/env bash
# The app's time to "WBSR shown" and to "Ready" on a 2000x1500 photo with wbsr-x2, before and after
# issue 15 (supernet only when asked), in one run, headless (Monocle), real ONNX engine on the CPU.
# Both halves run this tree's StartupBenchmark, compiled once against each tree's own classes.
# Usage, from the repository root:  bench/app-startup.sh [BEFORE_COMMIT]
#   WBSR_PHOTO_SOURCE  the photo the 2000x1500 input is made from
#                      (default $WBSR_DATA/png/v1/val-large/flowers.png, 1500x996)
set -euo pipefail
before=${1:-5d19d35}
root=$(pwd)
out=$root/target/bench
src=${WBSR_PHOTO_SOURCE:-${WBSR_DATA:-/work/cache}/png/v1/val-large/flowers.png}
photo=$out/photo-2000x1500.png
mkdir -p "$out"
export OPT_OUT_TRACKING=true
jvm=(-Xmx3g -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Dglass.platform=Monocle -Dmonocle.platform=Headless
  -Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=true)

mvn -o -B -q test-compile
mvn -o -B -q dependency:build-classpath -Dmdep.outputFile="$out/cp-after.txt" -Dmdep.includeScope=test
after_cp="$root/target/test-classes:$root/target/classes:$(cat "$out/cp-after.txt")"

tree=${BEFORE_TREE:-$out/before}   # a checkout of BEFORE_COMMIT (made here when missing)
if [ ! -d "$tree" ]; then
  git worktree add -q --detach "$tree" "$before"
fi
# the before tree's own code, built as it was; the benchmark is this tree's StartupBenchmark,
# compiled against it (it uses only what both trees offer), so the tree itself is not changed
(cd "$tree" && mvn -o -B -q compile \
  && mvn -o -B -q dependency:build-classpath -Dmdep.outputFile="$out/cp-before.txt" -Dmdep.includeScope=test)
before_cp="$tree/target/classes:$(cat "$out/cp-before.txt")"
rm -rf "$out/bench-before" && mkdir -p "$out/bench-before"
javac -nowarn -d "$out/bench-before" -cp "$before_cp" src/test/java/dev/wbsr/ui/StartupBenchmark.java \
  src/test/java/dev/wbsr/ui/fake/MemoryPreferences.java
before_cp="$out/bench-before:$before_cp"

echo "photo: $photo (from $src); bundle: models/wbsr-x2; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# the first run makes the photo and warms the disk cache; then before and after, back to back
java "${jvm[@]}" -cp "$after_cp" dev.wbsr.ui.StartupBenchmark "$photo" models wbsr-x2 "$src" > /dev/null
(cd "$tree" && java "${jvm[@]}" -Dwbsr.bench.label=before -cp "$before_cp" dev.wbsr.ui.StartupBenchmark "$photo" "$root/models" wbsr-x2)
java "${jvm[@]}" -cp "$after_cp" dev.wbsr.ui.StartupBenchmark "$photo" models wbsr-x2
