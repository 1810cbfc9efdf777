#!/usr/bin/env bash
# The app's memory on a 12-megapixel photo (4000x3000) at x2 with -Xmx2g (issue 15): the real app
# (window under xvfb-run, real ONNX core, models/wbsr-x2) opens the photo; once the upscale is Ready
# (or failed) it records peak and current resident memory (/proc VmHWM/VmRSS, sampled every 0.5 s),
# the heap after a full GC (jcmd GC.heap_info), the JVM's native memory by category (NMT summary;
# ONNX Runtime's own allocations are outside NMT: RSS minus NMT's committed total) and the top of
# the heap's class histogram, then ends the app.
# Usage, from the repository root:  WBSR_DATA=/work/cache bench/app-memory.sh [BEFORE_COMMIT]
#   with BEFORE_COMMIT (or BEFORE_TREE, a checkout of it), the same run on that code first.
#   WBSR_PHOTO_SOURCE  the photo the input is made from (default $WBSR_DATA/png/v1/val-large/flowers.png)
#   XMX                the heap limit (default 2g)
#   MEASURE=true       after Ready, also "Measure Quality" (the supernet over the whole image), and
#                      what its two steps cost the process: CPU seconds, GCs ("PHASE" lines)
#   COUNT=true         also count the inference calls, tiles and input pixels of each step (the
#                      engine without its start-up probe)
#   PROFILE=true       record the Measure phase with JFR (measure.jfr beside each run's logs)
#   PHOTO_SIZE         WxH of the photo (default 4000x3000; e.g. 2000x1500 for a quicker look)
#   IDLE_S             seconds the app then sits idle before the snapshot (default 30): whether the
#                      heap it grew to goes back to the system (RSS "idle")
#   JAVA_OPTS_BEFORE / JAVA_OPTS_AFTER  extra JVM options for each run (e.g. to try G1 options on one
#                      tree: BEFORE_TREE=. JAVA_OPTS_AFTER='-XX:MaxHeapFreeRatio=30' bench/app-memory.sh)
# Both runs are summed up at the end, with the load average before and after each (shared machine).
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
root=$(pwd)
out=$root/target/bench-memory
src=$(bench_photo_source)
size=${PHOTO_SIZE:-4000x3000}
photo=$out/photo-$size.png
xmx=${XMX:-2g}
mkdir -p "$out"

classpath() {  # $1: tree; prints its test class path (test classes, classes, dependencies)
  bench_classpath "$1" "$out/cp.txt" test-compile test
}

measure() {  # $1: label, $2: class path, $3: extra JVM options; runs the app from the repository root
  local label=$1 cp=$2 log=$out/$1 pid="" hwm=0 t0 result="" at_ready="" final=READY idle_until=""
  local load0
  load0=$(bench_load)
  [ "${MEASURE:-false}" = true ] && final=MEASURED
  mkdir -p "$log"
  rm -rf "$log/prefs" "$log/data" "$log/measure.jfr"
  local jfr=""
  if [ "${PROFILE:-false}" = true ]; then jfr=$log/measure.jfr; fi
  # shellcheck disable=SC2086  # $3: options split on spaces
  xvfb-run -a -s "-screen 0 1280x800x24" java -Xmx"$xmx" -XX:NativeMemoryTracking=summary \
    -Xlog:gc:file="$log/gc.log" ${3:-} \
    -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Djava.util.prefs.userRoot="$log/prefs" \
    -Dwbsr.data.dir="$log/data" -Dbench.measure="${MEASURE:-false}" -Dbench.count="${COUNT:-false}" \
    -Dbench.jfr="$jfr" -cp "$cp" dev.wbsr.ui.AppMemoryBenchmark "$photo" \
    > "$log/stdout.txt" 2> "$log/stderr.txt" &
  local runner=$!
  t0=$(date +%s)
  while [ -z "$pid" ]; do
    sleep 0.5
    pid=$(sed -n 's/^PID //p' "$log/stdout.txt")
    kill -0 "$runner" 2>/dev/null || { echo "$label: the app did not start"; cat "$log/stderr.txt"; return 1; }
  done
  : > "$log/rss.txt"
  while kill -0 "$pid" 2>/dev/null; do
    result=$(grep -E "^(${final}|FAILED)" "$log/stdout.txt" || true)
    if [ -z "$at_ready" ] && grep -q '^READY' "$log/stdout.txt"; then
      at_ready=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
    fi
    # a sample of resident memory (kB) every 0.5 s; VmHWM is the kernel's own peak
    awk -v t=$(( $(date +%s) - t0 )) '/^VmRSS/ {r=$2} /^VmHWM/ {h=$2} END {print t, r, h}' \
      "/proc/$pid/status" >> "$log/rss.txt" 2>/dev/null || true
    if [ -n "$result" ] && [ -z "$idle_until" ]; then
      idle_until=$(( $(date +%s) + ${IDLE_S:-30} ))
    fi
    [ -n "$idle_until" ] && [ "$(date +%s)" -ge "$idle_until" ] && break
    if [ $(( $(date +%s) - t0 )) -gt "${LIMIT_S:-1500}" ]; then result="TIMEOUT"; break; fi
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    grep -E '^Vm(HWM|RSS)|^Rss(Anon|File)' "/proc/$pid/status" > "$log/status-at-ready.txt"
    jcmd "$pid" VM.native_memory summary > "$log/nmt-at-ready.txt" || true
    jcmd "$pid" GC.run > /dev/null || true
    jcmd "$pid" GC.heap_info > "$log/heap-after-gc.txt" || true
    jcmd "$pid" GC.class_histogram > "$log/histogram.txt" || true
    jcmd "$pid" VM.native_memory summary > "$log/nmt-after-gc.txt" || true
    grep -E '^Vm(HWM|RSS)' "/proc/$pid/status" > "$log/status-after-gc.txt"
    kill "$pid" 2>/dev/null || true
  fi
  wait "$runner" 2>/dev/null || true
  hwm=$(awk '{if ($3 > m) m = $3} END {print m + 0}' "$log/rss.txt")
  local used nmt rss
  used=$(grep -oE 'used [0-9]+K' "$log/heap-after-gc.txt" 2>/dev/null | head -1 | grep -oE '[0-9]+' || echo 0)
  nmt=$(grep -oE '^Total: reserved=[0-9]+KB, committed=[0-9]+KB' "$log/nmt-at-ready.txt" 2>/dev/null \
    | grep -oE 'committed=[0-9]+' | grep -oE '[0-9]+' || echo 0)
  rss=$(awk '/^VmRSS/ {print $2}' "$log/status-at-ready.txt" 2>/dev/null || echo 0)
  local committed pauses
  # GC pauses in all (ms, from -Xlog:gc): what heap options cost in time, less blurred by the load
  pauses=$(grep -oE 'Pause.* ([0-9.]+)ms$' "$log/gc.log" 2>/dev/null \
    | awk '{sub(/ms$/, "", $NF); t += $NF; n++} END {printf "%d GC pauses, %.0f ms", n, t}')
  committed=$(grep -E 'Java Heap \(reserved' "$log/nmt-at-ready.txt" 2>/dev/null \
    | grep -oE 'committed=[0-9]+' | grep -oE '[0-9]+' || echo 0)
  {
    grep -E '^READY' "$log/stdout.txt" | sed "s/^/$label: /" || true
    grep -E '^PHASE' "$log/stdout.txt" | sed "s/^/$label: /" || true
    echo "$label: ${result:-app ended} | peak RSS $((hwm / 1024)) MB (to Ready: $((${at_ready:-0} / 1024)) MB)" \
      "| RSS ${IDLE_S:-30} s idle after that $((rss / 1024)) MB (heap committed $((committed / 1024)) MB)" \
      "| NMT committed $((nmt / 1024)) MB (outside NMT: $(((rss - nmt) / 1024)) MB)" \
      "| heap used after GC $((used / 1024)) MB | $pauses | -Xmx$xmx ${3:-}" \
      "| load $load0 -> $(bench_load)"
  } | tee -a "$out/summary.txt"
  grep -iE 'warning|error|exception' "$log/stderr.txt" | head -5 || true
}

if [ ! -f "$photo" ]; then
  cp_now=$(classpath "$root")
  java -cp "$cp_now" dev.wbsr.ui.AppMemoryBenchmark make "$src" "$photo" "${size%x*}" "${size#*x}"
fi
echo "photo: $photo (from $src); bundle: models/wbsr-x2; $(nproc) cores, load $(bench_load)"
before=${1:-}
if [ -n "$before" ] || [ -n "${BEFORE_TREE:-}" ]; then
  tree=${BEFORE_TREE:-$out/before-tree}
  bench_before_tree "$tree" "$before"
  if ! [ "$tree" -ef "$root" ]; then  # the same tree: options compared on one build
    mkdir -p "$tree/src/test/java/dev/wbsr/ui"
    cp src/test/java/dev/wbsr/ui/{AppMemoryBenchmark,PhaseMeter,CountingEngine}.java \
      "$tree/src/test/java/dev/wbsr/ui/"
  fi
  cp_before=$(classpath "$tree")
fi
cp_after=$(classpath "$root")
: > "$out/summary.txt"
[ -n "${cp_before:-}" ] && measure before "$cp_before" "${JAVA_OPTS_BEFORE:-}"
measure after "$cp_after" "${JAVA_OPTS_AFTER:-}"
echo "== summary (logs: $out/) =="
cat "$out/summary.txt"
