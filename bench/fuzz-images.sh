#!/bin/sh
# Issue 14: the long image fuzz run whose figures are in README "Safety". Mutates valid PNG, JPEG,
# TIFF, WebP, BMP and PSD files (bit flips, truncation, corrupted header fields; seeded, so every
# case can be rebuilt), loads each and upscales it to a file with a nearest-neighbour stand-in
# for the network. Prints outcomes per format and every violation; exits 1 if there was one.
# Usage (repository root): bench/fuzz-images.sh [cases-per-format (1667)] [seed (14)]
set -eu
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
PER_FORMAT="${1:-1667}"
SEED="${2:-14}"
CP="$(bench_classpath . target/test-classpath.txt test-compile test)"
bench_workdir
# one process per format (the cases depend only on seed, format and index): 2 cores stay busy
PIDS=""
for F in png jpg tif webp bmp psd; do
  java -Xmx1g -Djava.awt.headless=true -cp "$CP" dev.wbsr.job.ImageFuzz "$PER_FORMAT" "$SEED" \
    "$WORK/$F" "$F" > "$WORK/$F.txt" 2>&1 &
  PIDS="$PIDS $!"
done
FAILED=0
for P in $PIDS; do wait "$P" || FAILED=1; done
for F in png jpg tif webp bmp psd; do cat "$WORK/$F.txt"; done
exit "$FAILED"
