#!/bin/sh
# Issue 17, before/after in one run: the Performance bench on each bundle given, back to back (e.g.
# v1's and v2's wbsr-x2), on an IDLE machine: pause other jobs first (kill -STOP), the bench prints
# the load average at its start and end. Writes bench/out/idle-<n>-<bundle>/*.txt and *.json.
# Usage, from the repository root after mvn package:
#   bench/idle-bundles.sh PHOTO BUNDLE...     e.g. bench/idle-bundles.sh photo-4000x3000.png models/wbsr-x2 models-v2/wbsr-x2
#   PHOTO: the 12-megapixel photo (one timed run per mode; the samples get RUNS, default 5)
set -eu
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
J="java $BENCH_OFFLINE_OPTS -jar target/wbsr.jar"
photo=$1
shift
runs=${RUNS:-5}
n=0
for bundle in "$@"; do
  n=$((n + 1))
  out=bench/out/idle-$n-$(echo "$bundle" | tr '/' '_')
  mkdir -p "$out"
  echo "== $bundle: load $(bench_load)" | tee "$out/load.txt"
  $J bench -m "$bundle" --runs "$runs" --json "$out/modes.json" assets/samples/chelsea.png assets/samples/coffee.png | tee "$out/modes.txt"
  $J bench -m "$bundle" --runs 3 --subnets --json "$out/subnets.json" assets/samples/coffee.png | tee "$out/subnets.txt"
  $J bench -m "$bundle" --calls --json "$out/calls.json" | tee "$out/calls.txt"
  $J bench -m "$bundle" --runs 1 --json "$out/photo12.json" "$photo" | tee "$out/photo12.txt"
  echo "== $bundle done: load $(bench_load)" | tee -a "$out/load.txt"
done
