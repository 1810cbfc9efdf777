#!/usr/bin/env bash
# Export every finished run (training/runs/<name>/final.pt) whose bundle models/<name> is missing
# or older than the run, check it with ONNX Runtime (Java, if available), regenerate
# training/RESULTS.md and THIRD-PARTY.md, and commit models/<name>, the run folder and both (explicit
# pathspec).
#   training/export_finished.sh               # all finished runs
#   training/export_finished.sh wbsr-x2       # only these
# WBSR_NO_COMMIT=1: export only.
set -u
cd "$(dirname "$0")/.."
export WBSR_DATA="${WBSR_DATA:-$HOME/.cache/wbsr}"
PY=/usr/bin/python3
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in training/runs/*/final.pt; do [ -e "$f" ] && names+=("$(basename "$(dirname "$f")")"); done
fi
changed=()
for name in "${names[@]}"; do
  run="training/runs/$name"; out="models/$name"
  [ -f "$run/final.pt" ] || { echo "export: $name not finished"; continue; }
  if [ -f "$out/manifest.json" ] && [ "$out/manifest.json" -nt "$run/final.pt" ]; then
    echo "export: $name up to date"; continue
  fi
  echo "export: $name -> $out"
  $PY -W ignore -m training.wbsr.export "$run" --out "$out" || { echo "export: $name FAILED"; continue; }
  if command -v javac >/dev/null && ls ~/.m2/repository/com/microsoft/onnxruntime/onnxruntime/*/onnxruntime-*.jar >/dev/null 2>&1; then
    training/tools/ort_parity.sh "$out" > "$run/ort_parity.txt" 2>&1
    tail -1 "$run/ort_parity.txt"
  fi
  changed+=("$name")
done
[ ${#changed[@]} -eq 0 ] && exit 0
$PY -m training.wbsr.results
paths=(training/RESULTS.md)
# The notices list every shipped bundle's licence and training packages: keep them in step.
if MVN_ARGS="${MVN_ARGS:--o}" $PY installer/third_party.py >/dev/null; then paths+=(THIRD-PARTY.md)
else echo "export: installer/third_party.py failed, THIRD-PARTY.md not updated" >&2; fi
[ "${WBSR_NO_COMMIT:-0}" = 1 ] && exit 0
for n in "${changed[@]}"; do paths+=("models/$n" "training/runs/$n"); done
for _ in 1 2 3 4 5 6; do
  if git add -- "${paths[@]}" && git commit -q -m "models: export ${changed[*]}" -- "${paths[@]}"; then exit 0; fi
  sleep 10
done
echo "export: could not commit ${paths[*]}" >&2
exit 1
