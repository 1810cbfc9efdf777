#!/usr/bin/env bash
# Run recipe-study variants (issue 11) one after another, resumably, into training/runs/study/.
#
#   WBSR_THREADS=1 nohup setsid training/study.sh training/study/anchor-a.txt > training/runs/study/queue-a.out 2>&1 &
#
# A list file has one run a line: NAME CONFIG [KEY=VALUE ...] (the --set overrides of
# training.wbsr.train); '#' starts a comment. A run with final.pt is skipped; an unfinished one
# resumes from its checkpoints/latest.pt. Nothing is committed: commit the run folders by hand
# (logs and, for unfinished runs, checkpoints/latest.pt).
set -u
cd "$(dirname "$0")/.."
export WBSR_DATA="${WBSR_DATA:-$HOME/.cache/wbsr}"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
PY=/usr/bin/python3
RUNS=training/runs/study
mkdir -p "$RUNS"
echo "study: $(date -u +%FT%TZ) list $1"
grep -v '^\s*#' "$1" | grep -v '^\s*$' | while read -r name cfg overrides; do
  dir="$RUNS/$name"
  if [ -f "$dir/final.pt" ]; then echo "study: $name already finished"; continue; fi
  mkdir -p "$dir"
  sets=(--set "name=$name" --set "threads=${WBSR_THREADS:-1}")
  for kv in $overrides; do sets+=(--set "$kv"); done
  echo "study: $(date -u +%FT%TZ) start $name ($cfg $overrides)"
  $PY -m training.wbsr.train -c "$cfg" --runs "$RUNS" --resume "${sets[@]}" >> "$dir/stdout.log" 2>&1 < /dev/null
  echo "study: $(date -u +%FT%TZ) $name exited with $?"
done
echo "study: $(date -u +%FT%TZ) list done"
