# What the bench scripts share; each sources it first:  . "$(dirname "$0")/lib.sh"
# POSIX sh, since fuzz-images.sh, run-idle.sh and strace-network.sh run under /bin/sh. Besides
# OPT_OUT_TRACKING it only defines: each script keeps its own `set` options and arguments.

# Every script's paths (target/, models/, src/test/...) are relative to the repository root.
if [ ! -f pom.xml ] || [ ! -f bench/lib.sh ]; then
  echo "$0: run this from the repository root" >&2
  exit 2
fi

# DJL must never phone home (the developers' guide): its environment switch for every java the
# scripts start (strace-network.sh takes it away again: the program must set it itself), and the
# JVM flags for a java command line.
export OPT_OUT_TRACKING=true
BENCH_OFFLINE_OPTS="-Dai.djl.offline=true -DOPT_OUT_TRACKING=true"
# Headless JavaFX (Monocle, software rendering), as surefire runs the UI tests.
BENCH_HEADLESS_OPTS="-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=true"

# The photo the app benchmarks make their large inputs from (WBSR_PHOTO_SOURCE, else one of the
# validation set's under WBSR_DATA).
bench_photo_source() {
  echo "${WBSR_PHOTO_SOURCE:-${WBSR_DATA:-/work/cache}/png/v1/val-large/flowers.png}"
}

# The 1, 5 and 15 minute load averages: the machine is shared, so every figure says its load.
bench_load() {
  cut -d' ' -f1-3 /proc/loadavg
}

# Builds a tree and prints its class path. $1: the tree; $2: the file Maven writes the dependencies
# to (absolute, or relative to the tree); $3: compile, or test-compile to put the tests' classes
# first; $4: the dependency scope (runtime or test). Maven's own output goes to stderr, so that
# $(bench_classpath ...) is the class path alone, and a failed build fails the assignment.
bench_classpath() {
  (cd "$1" && mvn -o -B -q "$3" dependency:build-classpath -Dmdep.outputFile="$2" \
    -Dmdep.includeScope="$4") >&2 || return 1
  deps=$(cd "$1" && cat "$2") || return 1
  if [ "$3" = test-compile ]; then
    echo "$1/target/test-classes:$1/target/classes:$deps"
  else
    echo "$1/target/classes:$deps"
  fi
}

# A detached checkout of commit $2 at $1, for a before/after run; an existing $1 is used as it is.
bench_before_tree() {
  [ -d "$1" ] || git worktree add -q --detach "$1" "$2"
}

# A fresh temporary folder in $WORK, removed when the script exits.
bench_workdir() {
  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
}
