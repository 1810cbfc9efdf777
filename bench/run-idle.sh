#!/bin/sh
# Issue 17: the Performance tables, to be run on an IDLE machine (the bench prints the load average
# at start and end and says whether the machine was idle). Writes bench/out/*.txt and *.json.
# Usage: bench/run-idle.sh [path/to/12-megapixel-photo]   (run from the repository root after mvn package)
set -eu
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
J="java $BENCH_OFFLINE_OPTS -jar target/wbsr.jar"
OUT=bench/out
mkdir -p "$OUT"
uptime
$J bench -m wbsr-x2 --runs 5 --json "$OUT/modes.json" assets/samples/chelsea.png assets/samples/coffee.png | tee "$OUT/modes.txt"
$J bench -m wbsr-x2 --runs 5 --subnets --json "$OUT/subnets.json" assets/samples/coffee.png | tee "$OUT/subnets.txt"
$J bench -m wbsr-x2 --calls --json "$OUT/calls.json" | tee "$OUT/calls.txt"
$J bench -m wbsr-x2 --runs 5 --budget 0.6 --cost time --json "$OUT/time-budget.json" assets/samples/coffee.png | tee "$OUT/time-budget.txt"
$J bench -m wbsr-x2 --margins 0,1,2,4 --tile-side 1 assets/samples/chelsea.png assets/samples/coffee.png | tee "$OUT/margins-1.txt"
$J bench -m wbsr-x2 --margins 0,1,2,4 --tile-side 4 assets/samples/chelsea.png assets/samples/coffee.png | tee "$OUT/margins-4.txt"
if [ ! -d /tmp/width-x2 ]; then /usr/bin/python3 bench/width_bundle.py /tmp/width-x2; fi
$J bench --calls -m /tmp/width-x2 --json "$OUT/widths.json" | tee "$OUT/widths.txt"
if [ $# -ge 1 ]; then
  $J bench -m wbsr-x2 --runs 3 --json "$OUT/photo12.json" "$1" | tee "$OUT/photo12.txt"
fi
uptime
