#!/usr/bin/env bash
# Turns the jpackage app image into a Debian package, with every installed file owned by the
# package (no postinst scripts): /opt/wbsr-studio (the image), /usr/bin/wbsr, the desktop entry
# with its "Open with" image types, hicolor icons in every size of assets/icons/, and the
# copyright/notices. Desktop and icon caches are refreshed by the dpkg triggers of
# desktop-file-utils and the icon theme packages, where installed.
#
#   installer/deb/build-deb.sh IMAGE_DIR DEB_VERSION DEB_ARCH GPU(0|1)
#
# Called by installer/build.sh deb; needs dpkg-deb, dpkg-shlibdeps (dpkg-dev) and fakeroot.
set -euo pipefail
image="$1"; version="$2"; arch="$3"; gpu="${4:-0}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
for tool in dpkg-deb dpkg-shlibdeps fakeroot objdump; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found (apt-get install dpkg-dev fakeroot)" >&2; exit 1; }
done

package=wbsr-studio
other=wbsr-studio-gpu
if [ "$gpu" = 1 ]; then package=wbsr-studio-gpu; other=wbsr-studio; fi
out="target/installer"
pkgroot="$root/$out/deb-root"
rm -rf "$pkgroot"
mkdir -p "$pkgroot/opt" "$pkgroot/usr/bin" "$pkgroot/usr/share/applications" \
  "$pkgroot/usr/share/doc/$package" "$pkgroot/DEBIAN"

cp -a "$image" "$pkgroot/opt/wbsr-studio"
ln -s /opt/wbsr-studio/bin/wbsr "$pkgroot/usr/bin/wbsr"
install -m 644 installer/deb/wbsr-studio.desktop "$pkgroot/usr/share/applications/wbsr-studio.desktop"
for icon in assets/icons/wbsr-*.png; do
  size="$(basename "$icon" .png)"; size="${size#wbsr-}"
  install -D -m 644 "$icon" "$pkgroot/usr/share/icons/hicolor/${size}x${size}/apps/wbsr-studio.png"
done

# Debian copyright (machine-readable header, then pointers to the full notices in the package).
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: WBSR Studio"
  echo "Comment: WBSR Studio bundles a Java runtime, Java libraries, ONNX Runtime and model"
  echo " bundles. Their licences are listed in /opt/wbsr-studio/lib/app/legal/THIRD-PARTY.md,"
  echo " the Java runtime's notices are in /opt/wbsr-studio/lib/runtime/legal/ and ONNX Runtime's"
  echo " in /opt/wbsr-studio/lib/app/legal/onnxruntime-ThirdPartyNotices.txt."
  echo
  echo "Files: *"
  echo "Copyright: WBSR Studio developers"
  if [ -f LICENSE ]; then
    echo "License: see /opt/wbsr-studio/lib/app/legal/LICENSE"
  else
    echo "License: see /opt/wbsr-studio/lib/app/legal/THIRD-PARTY.md"
  fi
} > "$pkgroot/usr/share/doc/$package/copyright"

# Normalise permissions: dpkg installs what the archive says.
find "$pkgroot" -type d -exec chmod 755 {} +
find "$pkgroot/opt" -type f -exec chmod go-w,a+r {} +

# Dependencies: the shared libraries the bundled natives link against (JDK, ONNX Runtime, JavaFX).
shlib_dirs=()
while IFS= read -r d; do shlib_dirs+=("-l$d"); done < <(find "$pkgroot/opt/wbsr-studio" -name '*.so' -printf '%h\n' | sort -u)
elf=()
while IFS= read -r f; do elf+=("-e$f"); done < <(find "$pkgroot/opt/wbsr-studio" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) \
  -exec sh -c 'head -c4 "$1" | grep -q "ELF" && echo "$1"' _ {} \;)
work="$root/$out/shlibdeps"
rm -rf "$work" && mkdir -p "$work/debian"
printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$package" "$package" > "$work/debian/control"
# Bundled libraries are found by file name at run time; give dpkg-shlibdeps their sonames too
# (libonnxruntime4j_jni.so needs libonnxruntime.so.1, shipped as libonnxruntime.so).
mkdir -p "$work/sonames"
while IFS= read -r lib; do
  soname="$(objdump -p "$lib" 2>/dev/null | sed -n 's/^ *SONAME *//p')"
  case "$soname" in ""|*/*) continue ;; esac
  [ "$soname" != "$(basename "$lib")" ] && ln -sf "$lib" "$work/sonames/$soname"
done < <(find "$pkgroot/opt/wbsr-studio" -type f -name '*.so')
shlib_dirs+=("-l$work/sonames")
depends="$(cd "$work" && dpkg-shlibdeps -O --ignore-missing-info --warnings=0 "${shlib_dirs[@]}" "${elf[@]}" \
  2> >(grep -v "can't extract name and version" >&2) | sed -n 's/^shlibs:Depends=//p')"
[ -n "$depends" ] || { echo "error: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

installed_kb="$(du -sk --exclude=DEBIAN "$pkgroot" | cut -f1)"
cat > "$pkgroot/DEBIAN/control" <<EOF
Package: $package
Version: $version
Section: graphics
Priority: optional
Architecture: $arch
Maintainer: WBSR Studio developers <wbsr-studio@users.noreply.invalid>
Installed-Size: $installed_kb
Depends: $depends
Recommends: desktop-file-utils, hicolor-icon-theme
Conflicts: $other
Replaces: $other
Description: photo upscaler with weight-balanced super-resolution (desktop app and CLI)
 WBSR Studio enlarges photos x2 or x4 with weight-balanced super-resolution
 networks run by ONNX Runtime, routing each image patch to a subnet sized for
 its complexity. The package has the desktop application (with a heat-map of
 the routing, a live compute-budget slider, compare views and batch export)
 and the "wbsr" command (upscale, eval, bench, info), a bundled Java runtime,
 the shipped model bundles and sample photos. It works offline.
EOF
( cd "$pkgroot" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum ) > "$pkgroot/DEBIAN/md5sums"

deb="$out/${package}_${version}_${arch}.deb"
fakeroot dpkg-deb -Zxz --build "$pkgroot" "$deb" >/dev/null
echo "[installer] $deb: $(du -h "$deb" | cut -f1) (installed: $((installed_kb / 1024)) MiB)"
echo "[installer] Depends: $depends"
