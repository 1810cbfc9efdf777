#!/bin/sh
# Issue 14: the long image fuzz run whose figures are in README "Safety". Mutates valid PNG, JPEG,
# TIFF, WebP, BMP and PSD files (bit flips, truncation, corrupted header fields; seeded, so every
# case can be rebuilt), loads each and upscales it to a file with a nearest-neighbour stand-in
# for the network. Prints outcomes per format and every violation; exits 1 if there was one.
# Usage (repository root): bench/fuzz-images.sh [cases-per-format (1667)] [seed (14)]
set -eu
PER_FORMAT="${1:-1667}"
SEED="${2:-14}"
mvn -o -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
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
