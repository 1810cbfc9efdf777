#!/usr/bin/env bash
# Check a bundle's ONNX files against its parity.json with ONNX Runtime (Java; Debian has no
# Python ONNX Runtime). Uses the onnxruntime jar Maven already downloaded for the app.
#   training/tools/ort_parity.sh models/wbsr-x2
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$(ls ~/.m2/repository/com/microsoft/onnxruntime/onnxruntime/*/onnxruntime-*.jar | grep -v sources | tail -1)"
out="$(mktemp -d)"
javac -d "$out" -cp "$jar" "$here/OrtParity.java"
java -cp "$jar:$out" OrtParity "$1"
rm -rf "$out"
