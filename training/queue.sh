#!/usr/bin/env bash
# Train the shipped bundles one after another, resumably, and commit their progress.
#
#   nohup setsid training/queue.sh > training/runs/queue.out 2>&1 &      # start or resume
#   training/queue.sh wbsr-x2 base-x2                                   # only these runs
#
# A finished run is exported to models/<name> at once (training/export_finished.sh).
# Rerunning it resumes: a run with final.pt is skipped, an unfinished one continues from its
# checkpoints/latest.pt (written every few minutes). Every COMMIT_EVERY_S seconds, and when a
# run ends, it commits training/runs/<name> (logs + latest checkpoint) with an explicit pathspec.
# Set WBSR_NO_COMMIT=1 to never commit. One run at a time per queue, WBSR_THREADS threads (default 2);
# two queues with disjoint run lists and WBSR_THREADS=1 train more per hour on 2 cores than one.
# WBSR_GEN=v2 takes the configs from training/configs/v2/ and trains into training/runs/v2/ (issue 12);
# such runs are not exported when they finish (a scale's bundles are replaced together, by hand:
# training/README.md "Models v2").
set -u
cd "$(dirname "$0")/.."
export WBSR_DATA="${WBSR_DATA:-$HOME/.cache/wbsr}"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"  # do not spin on a shared, oversubscribed CPU
COMMIT_EVERY_S="${COMMIT_EVERY_S:-1800}"
RUNS=("$@")
if [ ${#RUNS[@]} -eq 0 ]; then
  RUNS=(wbsr-x2 base-x2 wbsr-x4 base-x4 hes-x2 bd-x2 classsr-x2 classsr-x4)
fi
PY=/usr/bin/python3
GEN="${WBSR_GEN:-}"
RUNS_DIR="training/runs${GEN:+/$GEN}"

commit_run() {  # $1 = run name, $2 = message
  [ "${WBSR_NO_COMMIT:-0}" = 1 ] && return 0
  local dir="$RUNS_DIR/$1"
  for _ in 1 2 3 4 5 6; do
    git add -- "$dir" 2>/dev/null || { sleep 10; continue; }
    if git diff --cached --quiet -- "$dir"; then return 0; fi
    git commit -q -m "training: $1 $2" -- "$dir" && return 0
    sleep 10
  done
  echo "queue: could not commit $dir" >&2
}

echo "queue: $(date -u +%FT%TZ) runs: ${RUNS[*]}"
$PY -m training.wbsr.data || exit 1
for name in "${RUNS[@]}"; do
  cfg="training/configs/${GEN:+$GEN/}$name.yml"
  dir="$RUNS_DIR/$name"
  if [ -f "$dir/final.pt" ]; then echo "queue: $name already finished"; continue; fi
  if [ ! -f "$cfg" ]; then echo "queue: no $cfg, skipping"; continue; fi
  mkdir -p "$dir"
  module=training.wbsr.train
  case "$name" in classsr-*) module=training.wbsr.classsr ;; esac
  echo "queue: $(date -u +%FT%TZ) start $name"
  $PY -m "$module" -c "$cfg" --runs "$RUNS_DIR" --resume --set "threads=${WBSR_THREADS:-2}" >> "$dir/stdout.log" 2>&1 &
  pid=$!
  last=$(date +%s)
  while kill -0 "$pid" 2>/dev/null; do
    sleep 30
    if [ $(( $(date +%s) - last )) -ge "$COMMIT_EVERY_S" ]; then
      commit_run "$name" "progress $(tail -1 "$dir/log.csv" 2>/dev/null | cut -d, -f1)"
      last=$(date +%s)
    fi
  done
  wait "$pid"; rc=$?
  echo "queue: $(date -u +%FT%TZ) $name exited with $rc"
  if [ -f "$dir/final.pt" ]; then
    commit_run "$name" "finished"
    [ -z "$GEN" ] && training/export_finished.sh "$name"   # models/<name>, parity check, RESULTS.md, commit
  else
    commit_run "$name" "stopped (rc $rc)"; exit "$rc"
  fi
done
echo "queue: $(date -u +%FT%TZ) all done"
