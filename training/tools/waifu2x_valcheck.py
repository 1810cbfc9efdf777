"""Check an executable with waifu2x-ncnn-vulkan's command line on a prepared validation set.

Writes the set's LR inputs (``prepared/v1/<set>/<name>.lr_x{s}.npy``, the pixels ``wbsr report``
makes with its MATLAB bicubic) as PNGs, runs the executable on the folder as the report does
(``-f png -s S -n -1 -m MODELS -g -1``), and prints PSNR-Y (border ``s`` shaved, as the report)
against the modcropped HR next to bicubic's, output MP/s over the process's wall time (what the
report measures) and output MP per CPU-second (less at the mercy of the machine's load)::

    WAIFU2X_TORCH_THREADS=2 /usr/bin/python3 -m training.tools.waifu2x_valcheck \\
        --exe training/tools/waifu2x-torch --models $WBSR_DATA/waifu2x/models-cunet --set val-classic
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Optional, Sequence

import numpy as np
from PIL import Image

from training.wbsr import bicubic, data, metrics


def check(exe: Path, models: Path, set_name: str, scale: int, root: Path) -> str:
    pairs = data.load_set(set_name, scale, root)
    with tempfile.TemporaryDirectory(prefix="waifu2x-check-") as tmp:
        src, dst = Path(tmp, "in"), Path(tmp, "out")
        src.mkdir()
        dst.mkdir()
        for p in pairs:
            Image.fromarray(p.lr).save(src / f"{p.name}.png")
        load = os.getloadavg()[0]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        cmd = [str(exe), "-i", str(src), "-o", str(dst), "-f", "png", "-s", str(scale), "-n", "-1", "-m", str(models), "-g", "-1"]
        subprocess.run(cmd, check=True)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        sr, bc, pixels = [], [], 0
        for p in pairs:
            out = np.asarray(Image.open(dst / f"{p.name}.png").convert("RGB"))
            sr.append(metrics.psnr_y(out, p.hr, scale))
            bc.append(metrics.psnr_y(bicubic.imresize_uint8(p.lr, float(scale)), p.hr, scale))
            pixels += p.hr.shape[0] * p.hr.shape[1]
    return (
        f"x{scale} {set_name}: PSNR-Y {np.mean(sr):.3f} dB (bicubic {np.mean(bc):.3f} dB), "
        f"{pixels / 1e6 / seconds:.4f} output MP/s ({pixels / 1e6:.4f} MP in {seconds:.1f} s, load average {load:.2f} at the start; "
        f"{pixels / 1e6 / cpu:.4f} MP per CPU-second, {cpu:.1f} CPU-s)"
    )


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--exe", type=Path, required=True)
    ap.add_argument("--models", type=Path, required=True)
    ap.add_argument("--set", default="val-classic")
    ap.add_argument("--scales", default="2,4")
    ap.add_argument("--data", type=Path, default=None, help="default $WBSR_DATA")
    a = ap.parse_args(argv)
    for s in (int(x) for x in a.scales.split(",")):
        print(check(a.exe, a.models, a.set, s, a.data or data.data_root()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
