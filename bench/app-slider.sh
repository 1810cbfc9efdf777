#!/usr/bin/env bash
# The app's time from a budget move to the part of the image on screen being updated, and to the
# whole image, before and after "visible part first" (issue 15), in one run, headless (Monocle),
# real ONNX engine on the CPU, wbsr-x2, a 2000x1500 photo. "before" renders in planned order (the
# model is never told what is on screen, as before the change); "after" is told, as the window does.
# Usage, from the repository root:  bench/app-slider.sh [TO_BUDGET [PAIRS]]
#   WBSR_PHOTO_SOURCE  the photo the 2000x1500 input is made from
#                      (default $WBSR_DATA/png/v1/val-large/flowers.png)
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
to=${1:-0.8}
pairs=${2:-2}
root=$(pwd)
out=$root/target/bench
src=$(bench_photo_source)
photo=$out/photo-2000x1500.png
mkdir -p "$out"
# shellcheck disable=SC2206  # the shared options split on spaces
jvm=(-Xmx3g $BENCH_OFFLINE_OPTS $BENCH_HEADLESS_OPTS -Dwbsr.cache.dir="$out/cache")
cp=$(bench_classpath "$root" "$out/cp-after.txt" test-compile test)
java "${jvm[@]}" -cp "$cp" dev.wbsr.ui.SliderBenchmark "$photo" models wbsr-x2 "$src" "$to" "$pairs"
