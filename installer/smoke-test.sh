#!/usr/bin/env bash
# CI smoke test of the packaged app: builds the app image (installer/build.sh app-image, which
# reuses target/wbsr.jar + target/lib when present), then runs its launcher headless:
#   1. `wbsr --help` and `wbsr info` (exit 0; info names the bundle),
#   2. `wbsr upscale` of a shipped sample photo with a shipped bundle, checking that the output PNG
#      exists and is exactly scale x the input's width and height,
#   3. a failing command exits non-zero,
# all with an empty HOME and no DISPLAY, and checks that nothing phoned home (ONNX Runtime's
# telemetry store under ~/.cache/Microsoft must not appear).
#
#   installer/smoke-test.sh [--no-build]
# Env: WBSR_BUNDLES_DIR   bundles to ship (default models/, or the test fixtures in
#                        src/test/resources/bundles when models/ has none)
#      WBSR_SMOKE_BUNDLE   bundle to use (default: wbsr-x2 if shipped, else the first one)
#      WBSR_SMOKE_SAMPLE   sample file name under assets/samples (default: chelsea.png, the smallest)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
start=$(date +%s)
say() { echo "[smoke $(( $(date +%s) - start ))s] $*"; }
fail() { echo "[smoke] FAIL: $*" >&2; exit 1; }

has_bundle() { ls "$1"/*/manifest.json >/dev/null 2>&1; }
if [ -z "${WBSR_BUNDLES_DIR:-}" ] && ! has_bundle models && has_bundle src/test/resources/bundles; then
  # Before the trained bundles land, check the packaging with the Java tests' tiny fixtures.
  export WBSR_BUNDLES_DIR=src/test/resources/bundles
  say "models/ has no bundle: shipping the test fixtures from $WBSR_BUNDLES_DIR"
fi
if [ "${1:-}" != "--no-build" ]; then
  installer/build.sh app-image
fi
image="target/installer/image/wbsr-studio"
wbsr="$image/bin/wbsr"
[ -x "$wbsr" ] || fail "no launcher at $wbsr"
say "app image: $(du -sh "$image" | cut -f1)"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/out"
run() { env -u DISPLAY -u WAYLAND_DISPLAY HOME="$scratch/home" "$root/$wbsr" "$@"; }

# PNG width/height from the IHDR chunk (bytes 16..23, big-endian), no tools needed.
png_size() {
  local hex
  hex="$(od -An -tx1 -j16 -N8 "$1" | tr -d ' \n')"
  echo "$((16#${hex:0:8})) $((16#${hex:8:8}))"
}

run --help > "$scratch/help.txt" 2>&1 || { cat "$scratch/help.txt"; fail "wbsr --help exited non-zero"; }
grep -q upscale "$scratch/help.txt" || { cat "$scratch/help.txt"; fail "wbsr --help does not list upscale"; }
say "--help ok"

models="$image/lib/app/models"
bundle="${WBSR_SMOKE_BUNDLE:-}"
if [ -z "$bundle" ]; then
  if [ -f "$models/wbsr-x2/manifest.json" ]; then bundle=wbsr-x2
  elif [ -f "$models/tiny-x2/manifest.json" ]; then bundle=tiny-x2
  else bundle="$(find "$models" -mindepth 2 -maxdepth 2 -name manifest.json -printf '%h\n' 2>/dev/null | sort | head -1 | xargs -r basename)"
  fi
fi
[ -n "$bundle" ] || fail "the app image ships no model bundle (models/*/manifest.json)"
scale="$(sed -n 's/.*"scale"[[:space:]]*:[[:space:]]*\([0-9]*\).*/\1/p' "$models/$bundle/manifest.json" | head -1)"
[ -n "$scale" ] || fail "no scale in $models/$bundle/manifest.json"

run info > "$scratch/info.txt" 2>&1 || { cat "$scratch/info.txt"; fail "wbsr info exited non-zero"; }
grep -q "$bundle" "$scratch/info.txt" || { cat "$scratch/info.txt"; fail "wbsr info does not list $bundle"; }
say "info ok ($bundle listed)"

sample="$image/lib/app/assets/samples/${WBSR_SMOKE_SAMPLE:-chelsea.png}"
[ -f "$sample" ] || fail "no sample $sample"
read -r w h < <(png_size "$sample")
t0=$(date +%s)
run upscale -m "$bundle" -o "$scratch/out" --format png "$sample" > "$scratch/upscale.txt" 2>&1 \
  || { cat "$scratch/upscale.txt"; fail "wbsr upscale exited non-zero"; }
outputs=("$scratch"/out/*.png)
[ -f "${outputs[0]}" ] || { cat "$scratch/upscale.txt"; ls -la "$scratch/out"; fail "upscale wrote no PNG"; }
read -r ow oh < <(png_size "${outputs[0]}")
[ "$ow" -eq $((w * scale)) ] && [ "$oh" -eq $((h * scale)) ] \
  || fail "$(basename "${outputs[0]}") is ${ow}x${oh}, expected $((w * scale))x$((h * scale)) (x$scale of ${w}x${h})"
say "upscale ok: $(basename "$sample") ${w}x${h} -> ${ow}x${oh} with $bundle in $(( $(date +%s) - t0 ))s"

if run upscale -m "$bundle" -o "$scratch/out" "$scratch/does-not-exist.png" > "$scratch/bad.txt" 2>&1; then
  cat "$scratch/bad.txt"; fail "upscale of a missing file exited 0"
fi
say "missing input -> non-zero exit ok"

[ ! -e "$scratch/home/.cache/Microsoft" ] || fail "ONNX Runtime telemetry store was written to HOME (ORT_DISABLE_TELEMETRY not set?)"
written="$(cd "$scratch/home" && find . -type f | head -5)"
[ -z "$written" ] || say "note: files written to HOME: $(echo $written)"
say "PASS"
