#!/usr/bin/env python3
"""Writes THIRD-PARTY.md: the licences of everything WBSR Studio ships.

Sources, all local (no network):
  * the runtime dependencies from `mvn dependency:list` and the licence fields of their POMs in
    the local Maven repository (following <parent> POMs where a POM has no <licenses>);
  * the bundled Java runtime, ONNX Runtime, JavaFX and JNA native code (fixed text below);
  * the sample images' attribution table in assets/ATTRIBUTION.md;
  * the model bundles in models/*/manifest.json (version, licence, provenance.data_packages), the
    licences of those Debian data packages from /usr/share/doc/<pkg>/copyright where installed, and
    training/README.md's own statement when it has one.

Usage:  installer/third_party.py            rewrite THIRD-PARTY.md
        installer/third_party.py --check    exit 1 if THIRD-PARTY.md is out of date
Env:    M2_REPO (default ~/.m2/repository), MVN (default mvn), MVN_ARGS (e.g. "-o" or "-Pgpu"),
        WBSR_DATA (training data cache with the extracted .debs, default ~/.cache/wbsr),
        WBSR_BUNDLES_DIR (bundles folder, default models)
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
M2 = Path(os.environ.get("M2_REPO", Path.home() / ".m2" / "repository"))
NS = {"m": "http://maven.apache.org/POM/4.0.0"}

# POM licence names -> SPDX identifiers (display only; the POM's own name is kept when unknown).
SPDX = [
    (r"apache.*2", "Apache-2.0"),
    (r"^mit\b|mit license|the mit license", "MIT"),
    (r"bsd.*3|new bsd|revised bsd|\bbsd\b", "BSD-3-Clause"),
    (r"classpath|gplv2\+ce", "GPL-2.0-only WITH Classpath-exception-2.0"),
    (r"lgpl.*2\.1|lesser general public license.*2\.1", "LGPL-2.1-or-later"),
    (r"eclipse public license.*2", "EPL-2.0"),
]


def spdx(name):
    low = name.lower()
    for pattern, ident in SPDX:
        if re.search(pattern, low):
            return ident
    return name


def dependencies():
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as f:
        out = f.name
    cmd = [os.environ.get("MVN", "mvn"), "-q", "-B"] + os.environ.get("MVN_ARGS", "").split() + [
        "dependency:list", "-DincludeScope=runtime", "-Dsort=true", "-DoutputFile=" + out]
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    deps = []
    for line in Path(out).read_text().splitlines():
        line = re.sub(r"\x1b\[[0-9;]*m", "", line).strip()
        line = line.split(" -- ")[0].strip()
        parts = line.split(":")
        if len(parts) == 5:
            g, a, _type, v, _scope = parts
        elif len(parts) == 6:
            g, a, _type, _classifier, v, _scope = parts
        else:
            continue
        if (g, a, v) not in deps:
            deps.append((g, a, v))
    os.unlink(out)
    return deps


def pom_path(g, a, v):
    return M2 / g.replace(".", "/") / a / v / f"{a}-{v}.pom"


def text(el, path):
    found = el.find(path, NS)
    return found.text.strip() if found is not None and found.text else None


def pom_info(g, a, v, depth=0):
    """(name, url, [licence names]) from the POM, licences and url inherited from parents."""
    p = pom_path(g, a, v)
    if not p.exists():
        return None, None, []
    root = ET.parse(p).getroot()
    name = text(root, "m:name")
    url = text(root, "m:url")
    licences = [text(l, "m:name") or text(l, "m:url") for l in root.findall("m:licenses/m:license", NS)]
    parent = root.find("m:parent", NS)
    if (not licences or not url) and parent is not None and depth < 6:
        _, purl, plic = pom_info(text(parent, "m:groupId"), text(parent, "m:artifactId"),
                                 text(parent, "m:version"), depth + 1)
        licences = licences or plic
        if not url and purl:
            url = purl
    return name, url, [l for l in licences if l]


def md_escape(s):
    return (s or "").replace("|", "\\|")


def debian_licences(pkg):
    """Distinct License: fields of the package's DEP-5 copyright file: from the training data cache
    (training/wbsr/data.py extracts the .debs to $WBSR_DATA/x/<pkg>/, default ~/.cache/wbsr),
    else from the installed package."""
    data = Path(os.environ.get("WBSR_DATA", Path.home() / ".cache" / "wbsr"))
    candidates = [data / "x" / pkg / "usr/share/doc" / pkg / "copyright", Path("/usr/share/doc") / pkg / "copyright"]
    copyright = next((c for c in candidates if c.is_file()), None)
    if copyright is None:
        return None
    found = []
    for line in copyright.read_text(errors="replace").splitlines():
        m = re.match(r"^License:\s*(\S.*)$", line)
        if m and m.group(1).strip() not in found:
            found.append(m.group(1).strip())
    return ", ".join(found) if found else "see /usr/share/doc/%s/copyright" % pkg


def bundles():
    result = []
    for manifest in sorted((ROOT / os.environ.get("WBSR_BUNDLES_DIR", "models")).glob("*/manifest.json")):
        try:
            m = json.loads(manifest.read_text())
        except ValueError as e:
            result.append((manifest.parent.name, "?", "unreadable manifest: %s" % e, []))
            continue
        pkgs = (m.get("provenance") or {}).get("data_packages") or []
        result.append((m.get("name", manifest.parent.name), m.get("version", "?"), m.get("license", "?"),
                       [(p.get("name", "?"), p.get("version", "?")) for p in pkgs if isinstance(p, dict)]))
    return result


def render():
    out = []
    w = out.append
    w("# Third-party notices\n")
    w("WBSR Studio ships the components below. This file is generated by `installer/third_party.py`")
    w("from the dependency POMs, `assets/ATTRIBUTION.md` and the model bundles' manifests; do not edit it")
    w("by hand. It is bundled in the application (About panel) and installed as")
    w("`/opt/wbsr-studio/lib/app/legal/THIRD-PARTY.md` by the .deb. Licence texts of the bundled Java")
    w("runtime are in `lib/runtime/legal/` of the installation.\n")

    w("## Java libraries\n")
    w("The runtime class path of `target/wbsr.jar` (`mvn dependency:list -DincludeScope=runtime`).\n")
    w("| Library | Version | Licence | Project |")
    w("|---|---|---|---|")
    for g, a, v in dependencies():
        name, url, licences = pom_info(g, a, v)
        # Several <license> entries in a POM offer a choice (e.g. JNA: Apache-2.0 or LGPL-2.1).
        lic = " OR ".join(sorted({spdx(l) for l in licences})) or "not stated in the POM"
        w(f"| `{g}:{a}` | {v} | {md_escape(lic)} | {md_escape(url or '')} |")
    w("")

    w("## Native code and the Java runtime in the installers\n")
    w("| Component | Licence | Notes |")
    w("|---|---|---|")
    w("| OpenJDK 17 runtime (jlink image of the JDK that built the package) | GPL-2.0-only WITH Classpath-exception-2.0 | per-module notices in `lib/runtime/legal/` |")
    w("| ONNX Runtime native library (`libonnxruntime.so`, `libonnxruntime4j_jni.so`) | MIT | its own third-party notices: `lib/app/legal/onnxruntime-ThirdPartyNotices.txt` |")
    w("| JavaFX (OpenJFX) native libraries (`libglass*.so`, `libprism*.so`, ...) | GPL-2.0-only WITH Classpath-exception-2.0 | unpacked from the `javafx-*-linux` jars |")
    w("| JNA native dispatch library (`libjnidispatch.so`) | LGPL-2.1-or-later OR Apache-2.0 | unpacked from the `jna` jar |")
    w("| libwebp and its JNI wrapper (`libwebp-imageio.so`, the WebP encoder) | BSD-3-Clause (libwebp), Apache-2.0 (wrapper) | unpacked from the `webp-imageio` jar at first WebP export |")
    w("")

    w("## Sample images\n")
    attribution = ROOT / "assets" / "ATTRIBUTION.md"
    if attribution.exists():
        w("From `assets/ATTRIBUTION.md` (installed as `lib/app/legal/ATTRIBUTION-assets.md`):\n")
        body = attribution.read_text().split("\n")
        # Keep the sample-photo section (its heading and table), drop the file's own title.
        keep, section = [], None
        for line in body:
            if line.startswith("## "):
                section = line
            if section and "ample" in section and not line.startswith("## "):
                keep.append(line)
        w("\n".join(keep).strip() + "\n")
    else:
        w("No sample images are shipped.\n")

    w("## Model bundles and their training data\n")
    found = bundles()
    if not found:
        w("This build ships no model bundles yet (`models/` has no bundle with a manifest.json).\n")
    else:
        w("| Bundle | Version | Licence of the weights | Training data (Debian packages) |")
        w("|---|---|---|---|")
        all_pkgs = []
        for name, version, licence, pkgs in found:
            w(f"| `{name}` | {version} | {md_escape(licence)} | "
              + (", ".join(f"`{p}` {v}" for p, v in pkgs) or "not stated in the manifest") + " |")
            all_pkgs += [p for p in pkgs if p not in all_pkgs]
        w("")
        if all_pkgs:
            w("Licences of the training-data packages (the `License:` fields of each package's")
            w("`/usr/share/doc/<package>/copyright`; which files were used: `training/wbsr/data.py`):\n")
            w("| Package | Version | Licences |")
            w("|---|---|---|")
            for p, v in sorted(all_pkgs):
                w(f"| `{p}` | {v} | {md_escape(debian_licences(p) or 'copyright file not found on the build machine (set WBSR_DATA)')} |")
            w("")
    training_readme = ROOT / "training" / "README.md"
    if training_readme.exists():
        w("How the training data were made: see `training/README.md`.\n")
    return "\n".join(out).rstrip() + "\n"


def main():
    text_out = render()
    target = ROOT / "THIRD-PARTY.md"
    if "--check" in sys.argv:
        if not target.exists() or target.read_text() != text_out:
            print("THIRD-PARTY.md is out of date: run installer/third_party.py", file=sys.stderr)
            sys.exit(1)
        print("THIRD-PARTY.md is up to date")
        return
    target.write_text(text_out)
    print("wrote", target)


if __name__ == "__main__":
    main()
