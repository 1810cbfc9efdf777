#!/usr/bin/env bash
# Builds the WBSR Studio app image (jlink-trimmed runtime + jpackage launcher) and, with `deb`,
# the Debian package. Called by `mvn -Pinstaller package` or by hand:
#
#   installer/build.sh [app-image|deb]      (default: app-image)
#
# Input: target/wbsr.jar and target/lib/ (built with `mvn -q -DskipTests package` when missing),
# models/*/ (bundles with a manifest.json), assets/samples/, assets/icons/wbsr-*.png.
# Output under target/installer/:
#   image/wbsr-studio/       the app image: bin/wbsr (start here), bin/wbsr-studio (jpackage's
#                            launcher), lib/app (jars, natives, models, samples), lib/runtime
#   wbsr-studio_<version>_<arch>.deb
#
# Environment:
#   WBSR_JDK          JDK with jlink, jpackage and jmods (default: JAVA_HOME, else the JDK of javac)
#   WBSR_JLINK_COMPRESS  jlink --compress level, 0..2 (default 0: the .deb's xz compresses better)
#   WBSR_EXTRA_MODULES   modules added to jdeps' list (comma-separated), for services found at run time
#   WBSR_KEEP_PARITY  1 = keep the bundles' parity.json (test data, not needed at run time)
#   WBSR_BUNDLES_DIR  folder of bundles to ship (default models/; e.g. a test fixture folder)
set -euo pipefail

what="${1:-app-image}"
case "$what" in app-image|deb) ;; *) echo "usage: $0 [app-image|deb]" >&2; exit 2 ;; esac

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="target/installer"
start=$(date +%s)
log() { echo "[installer $(( $(date +%s) - start ))s] $*"; }

# ---- JDK --------------------------------------------------------------------------------------
jdk="${WBSR_JDK:-${JAVA_HOME:-}}"
if [ -z "$jdk" ] || [ ! -d "$jdk/jmods" ]; then
  javac_bin="$(command -v javac || true)"
  [ -n "$javac_bin" ] && jdk="$(dirname "$(dirname "$(readlink -f "$javac_bin")")")"
fi
for tool in java jdeps jlink jpackage; do
  [ -x "$jdk/bin/$tool" ] || { echo "error: $jdk/bin/$tool not found; set WBSR_JDK to a full JDK 17+" >&2; exit 1; }
done
[ -d "$jdk/jmods" ] || { echo "error: $jdk has no jmods/ (Debian: openjdk-17-jdk-headless); set WBSR_JDK" >&2; exit 1; }
tools="$root/target/installer-tools"
mkdir -p "$tools"
"$jdk/bin/javac" -nowarn -d "$tools" "$root/installer/tools/JarTool.java"
jtool() { "$jdk/bin/java" -Xshare:auto -XX:TieredStopAtLevel=1 -cp "$tools" JarTool "$@"; }

# ---- the application jar --------------------------------------------------------------------
if [ ! -f target/wbsr.jar ] || [ ! -d target/lib ]; then
  log "target/wbsr.jar missing: mvn -q -DskipTests package"
  mvn -q -B -DskipTests package
fi
version="$(jtool manifest target/wbsr.jar Implementation-Version)"
main_class="$(jtool manifest target/wbsr.jar Main-Class)"
[ -n "$version" ] || { echo "error: no Implementation-Version in target/wbsr.jar" >&2; exit 1; }
# jpackage wants 1 to 3 dot-separated numbers; Debian takes the full version (0.2.0-SNAPSHOT -> 0.2.0~SNAPSHOT).
app_version="$(echo "$version" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/')"
deb_version="$(echo "$version" | sed -E 's/-/~/')"

case "$(uname -m)" in
  x86_64) ort_platform=linux-x64; jna_platform=linux-x86-64; deb_arch=amd64 ;;
  aarch64) ort_platform=linux-aarch64; jna_platform=linux-aarch64; deb_arch=arm64 ;;
  *) echo "error: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac

rm -rf "$out"
stage="$out/stage"     # becomes lib/app/ of the image ($APPDIR in the launcher's options)
mkdir -p "$stage/lib" "$stage/native" "$stage/legal"
cp target/wbsr.jar "$stage/"
cp target/lib/*.jar "$stage/lib/"

# ---- native libraries: out of the jars, into the image -------------------------------------
# ONNX Runtime extracts its natives to java.io.tmpdir on every start unless onnxruntime.native.path
# names a folder that has them; we ship that folder (nothing is written at run time, a noexec /tmp
# does not matter) and drop the other platforms' copies from the jar (54 MB -> 1 MB).
gpu=0
for jar in "$stage"/lib/onnxruntime*.jar; do
  case "$(basename "$jar")" in onnxruntime-engine-*) continue ;; esac
  if jtool extract "$jar" "ai/onnxruntime/native/$ort_platform/[^/]+" "$stage/native" | grep -qv '^0$'; then
    case "$(basename "$jar")" in onnxruntime_gpu*) gpu=1 ;; esac
    jtool extract "$jar" "ThirdPartyNotices.txt|META-INF/LICENSE" "$out/ort-legal" >/dev/null
    mv "$out/ort-legal/ThirdPartyNotices.txt" "$stage/legal/onnxruntime-ThirdPartyNotices.txt" 2>/dev/null || true
    mv "$out/ort-legal/LICENSE" "$stage/legal/onnxruntime-LICENSE" 2>/dev/null || true
    removed=$(jtool strip "$jar" "ai/onnxruntime/native/.*" "$jar")
    log "$(basename "$jar"): $removed native entries moved out ($ort_platform kept in native/)"
  fi
done
ls "$stage"/native/libonnxruntime.so >/dev/null 2>&1 || { echo "error: no ONNX Runtime natives for $ort_platform" >&2; exit 1; }
# JNA (DJL's CUDA probe) would unpack libjnidispatch into ~/.cache; point it at our copy instead.
for jar in "$stage"/lib/jna-*.jar; do
  [ -f "$jar" ] && jtool extract "$jar" "com/sun/jna/$jna_platform/libjnidispatch\.so" "$stage/native" >/dev/null
done
# JavaFX on the class path loads its natives from <jar dir>/../lib, i.e. lib/app/lib/ here, before
# falling back to unpacking them into ~/.openjfx/cache.
for jar in "$stage"/lib/javafx-*-linux.jar; do
  [ -f "$jar" ] && jtool extract "$jar" "[^/]+\.so" "$stage/lib" >/dev/null
done

# ---- data: model bundles, samples, notices -------------------------------------------------
# Same layout as the repository, so that the code finds them next to the jar (lib/app/models/,
# lib/app/assets/samples/): BundleLocator looks beside the jar, the app under -Dwbsr.home.
bundles_src="${WBSR_BUNDLES_DIR:-models}"
mkdir -p "$stage/models" "$stage/assets/samples" "$stage/assets/icons"
bundles=()
for dir in "$bundles_src"/*/; do
  [ -f "$dir/manifest.json" ] || continue
  name="$(basename "$dir")"
  cp -r "$dir" "$stage/models/$name"
  [ "${WBSR_KEEP_PARITY:-0}" = 1 ] || rm -f "$stage/models/$name/parity.json"
  bundles+=("$name")
done
[ -f models/README.md ] && cp models/README.md "$stage/models/"
cp assets/samples/* "$stage/assets/samples/" 2>/dev/null || true
cp assets/icons/wbsr-*.png "$stage/assets/icons/" 2>/dev/null || true
[ -f THIRD-PARTY.md ] && cp THIRD-PARTY.md "$stage/legal/"
[ -f assets/ATTRIBUTION.md ] && cp assets/ATTRIBUTION.md "$stage/legal/ATTRIBUTION-assets.md"
[ -f LICENSE ] && cp LICENSE "$stage/legal/"
log "staged: ${#bundles[@]} model bundle(s) from $bundles_src/ [${bundles[*]:-none}], $(ls "$stage/assets/samples" | wc -l) sample(s), gpu=$gpu"

# ---- runtime: jdeps + jlink -----------------------------------------------------------------
jtool classes "$out/classes" 17 "$stage/wbsr.jar" "$stage"/lib/*.jar
modules="$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$out/classes")"
[ -n "${WBSR_EXTRA_MODULES:-}" ] && modules="$modules,$WBSR_EXTRA_MODULES"
log "jlink modules: $modules"
"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages \
  --compress="${WBSR_JLINK_COMPRESS:-0}" --generate-cds-archive \
  --output "$out/runtime"
# The no-compressed-oops CDS archive only serves heaps over 32 GB; without it such a JVM just starts
# without CDS. Saves 11 MB installed.
rm -f "$out/runtime/lib/server/classes_nocoops.jsa"

# ---- app image ------------------------------------------------------------------------------
java_options=(
  -Dai.djl.offline=true
  -DOPT_OUT_TRACKING=true
  '-Donnxruntime.native.path=$APPDIR/native'
  '-Djna.boot.library.path=$APPDIR/native'
  -Djna.nounpack=true
  '-Dwbsr.home=$APPDIR'
  -XX:MaxRAMPercentage=50
)
jpackage_java_options=()
for o in "${java_options[@]}"; do jpackage_java_options+=(--java-options "$o"); done
"$jdk/bin/jpackage" --type app-image --dest "$out/image" \
  --name wbsr-studio --app-version "$app_version" \
  --vendor "WBSR Studio" --copyright "WBSR Studio developers" \
  --description "WBSR Studio: photo upscaling with weight-balanced super-resolution" \
  --icon assets/icons/wbsr-256.png \
  --input "$stage" --main-jar wbsr.jar --main-class "${main_class:-dev.wbsr.Main}" \
  --runtime-image "$out/runtime" \
  "${jpackage_java_options[@]}"
image="$out/image/wbsr-studio"
# bin/wbsr: the command people run. ONNX Runtime 1.29 on Linux has usage telemetry that looks up
# and posts to a Microsoft collector; only the environment variable ORT_DISABLE_TELEMETRY turns it
# off before the library starts (a Java launcher cannot set environment variables), so this
# wrapper sets it (and DJL's OPT_OUT_TRACKING) and runs jpackage's launcher.
install -m 755 installer/launcher/wbsr "$image/bin/wbsr"
log "app image: $image ($(du -sh "$image" | cut -f1))"

[ "$what" = deb ] || exit 0
exec "$root/installer/deb/build-deb.sh" "$image" "$deb_version" "$deb_arch" "$gpu"
