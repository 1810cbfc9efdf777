"""Write the prepared validation sets as PNG folders for the Java report (``wbsr report --data``).

``prepared/v1/<set>/<name>.hr.npy`` (uint8 HWC, made by ``training.wbsr.data``) becomes
``<out>/<set>/<name>.png``, bit for bit (PNG is lossless); ``packages.json`` is copied beside
them for provenance. Only HR images are written: the report modcrops them and makes the LR
inputs itself with the Java MATLAB bicubic, which ``testvectors/bicubic.json`` locks to
``wbsr/bicubic.py``, so the LR pixels equal ``<name>.lr_x{s}.npy``.

    /usr/bin/python3 -m training.wbsr.valsets [--out DIR]   # default $WBSR_DATA/png/v1
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import numpy as np
from PIL import Image

from . import data

VAL_SETS = ("val-photo", "val-classic", "val-large")

__all__ = ["VAL_SETS", "default_out", "write_pngs", "main"]


def default_out(root: Optional[Path] = None) -> Path:
    """``$WBSR_DATA/png/<prepared version>``: where ``wbsr report`` looks by default."""
    return (root or data.data_root()) / "png" / data.PREPARED_VERSION


def write_pngs(out: Path, root: Optional[Path] = None, sets: Sequence[str] = VAL_SETS) -> Dict[str, List[Path]]:
    """Writes every prepared HR image of ``sets`` to ``out/<set>/<name>.png``; returns the files.

    Stale PNGs in ``out/<set>`` (no prepared image of that name) are removed, so the folder holds
    exactly the set. Raises ``FileNotFoundError`` when a set has not been prepared.
    """
    prepared = (root or data.data_root()) / "prepared" / data.PREPARED_VERSION
    written: Dict[str, List[Path]] = {}
    for set_name in sets:
        hrs = sorted((prepared / set_name).glob("*.hr.npy"))
        if not hrs:
            raise FileNotFoundError(f"no prepared images in {prepared / set_name}: run `/usr/bin/python3 -m training.wbsr.data`")
        d = out / set_name
        d.mkdir(parents=True, exist_ok=True)
        names = set()
        files = []
        for p in hrs:
            name = p.name[: -len(".hr.npy")]
            hr = np.load(p)
            if hr.dtype != np.uint8 or hr.ndim != 3 or hr.shape[2] != 3:
                raise ValueError(f"{p}: expected uint8 HxWx3, got {hr.dtype} {hr.shape}")
            target = d / f"{name}.png"
            tmp = d / f".{name}.png.tmp"
            Image.fromarray(hr).save(tmp, format="PNG")
            tmp.replace(target)
            names.add(target.name)
            files.append(target)
        for stale in d.glob("*.png"):
            if stale.name not in names:
                stale.unlink()
        written[set_name] = files
    packages = prepared / "packages.json"
    if packages.exists():
        shutil.copyfile(packages, out / "packages.json")
    return written


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="Write the prepared Val-Photo / Val-Classic HR images as PNG folders.")
    ap.add_argument("--out", type=Path, default=None, help="output folder (default $WBSR_DATA/png/v1)")
    ap.add_argument("--root", type=Path, default=None, help="data folder (default $WBSR_DATA or ~/.cache/wbsr)")
    args = ap.parse_args(argv)
    out = args.out or default_out(args.root)
    for set_name, files in write_pngs(out, args.root).items():
        print(f"{set_name}: {len(files)} PNGs in {out / set_name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
