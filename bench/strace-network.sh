#!/bin/sh
# Issue 14: proof at the system-call level that the CLI opens no network connection, native code
# (ONNX Runtime, JNA) included, which NoNetworkTest's Java-level watch cannot see. Runs info
# --check, upscale and eval on the tiny test bundle under strace, without any offline flag or
# telemetry variable from outside (the program must set them itself), and fails if any process
# or thread made an inet socket connect, send or bind.
# Usage (repository root, strace installed): bench/strace-network.sh
set -eu
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
CP="$(bench_classpath . target/classpath.txt compile runtime)"
bench_workdir
mkdir -p "$WORK/in" "$WORK/home"
cp src/test/resources/images/damaged/truncated-icc.jpg "$WORK/in/a.jpg"
M=src/test/resources/bundles/tiny-x2
run() {
  env -u OPT_OUT_TRACKING -u ORT_DISABLE_TELEMETRY HOME="$WORK/home" \
    strace -f -qq -e trace=network -o "$WORK/trace.$1" \
    java -Duser.home="$WORK/home" -Dwbsr.cache.dir="$WORK/cache" -Djava.awt.headless=true \
    -cp "$CP" dev.wbsr.Main "$@" > "$WORK/out.$1" 2>&1 \
    || { cat "$WORK/out.$1"; echo "strace-network: wbsr $* failed"; exit 1; }
}
run info --check -m "$M"
run upscale -m "$M" --device cpu -o "$WORK/out" "$WORK/in"
run eval -m "$M" --device cpu --hr "$WORK/in"
# inet traffic only: AF_UNIX sockets (the JVM's attach listener, nscd) are local
BAD="$(cat "$WORK"/trace.* | grep -E 'AF_INET6?|sin6?_' | grep -E '(connect|sendto|sendmsg|bind)\(' || true)"
CALLS="$(cat "$WORK"/trace.* | grep -cE '^[0-9]+ +[a-z]+\(' || true)"
if [ -n "$BAD" ]; then
  echo "$BAD"
  echo "strace-network: FAILED, inet traffic above"
  exit 1
fi
echo "strace-network: 3 commands, $CALLS network system calls traced, no inet connect/send/bind"
