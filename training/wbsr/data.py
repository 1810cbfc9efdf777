"""Data: fetch the Debian photo packages, prepare HR/LR sets, sample training patches.

Layout under ``$WBSR_DATA`` (default ``~/.cache/wbsr``; never inside git)::

    debs/<package>_<version>_<arch>.deb        apt-get download
    x/<package>/...                            dpkg-deb -x
    prepared/v1/<set>/<image>.hr.npy           HR = box-downscale(source, 2), uint8 HWC
    prepared/v1/<set>/<image>.lr_x{2,4}.npy    LR = MATLAB bicubic(modcrop(HR, s), 1/s), uint8
    prepared/v1/packages.json                  package names and versions (provenance)

HR recipe (shared with the Java report, issue 5): RGB (gray expanded, alpha dropped), cropped to
even sides, 2x2 mean ``(a + b + c + d + 2) // 4``; Val-Photo then takes the centre
``VAL_PHOTO_CROP`` x ``VAL_PHOTO_CROP`` HR crop (offsets ``(H - 512) // 2``, ``(W - 512) // 2``);
each scale's HR is ``modcrop(HR, s)`` and its LR ``imresize_uint8(HR, 1/s)``.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
from PIL import Image

from . import bicubic

PREPARED_VERSION = "v1"
VAL_PHOTO_CROP = 512

__all__ = [
    "Package",
    "PACKAGES",
    "SETS",
    "data_root",
    "fetch",
    "prepare",
    "load_set",
    "CALIBRATION",
    "CALIB_SET",
    "box_downscale2",
    "ImagePair",
    "PatchPool",
]


@dataclass(frozen=True)
class Package:
    """A Debian package and the photo files it contributes, as globs relative to its root."""

    name: str
    files: Dict[str, Tuple[str, ...]]  # set name -> globs
    exclude: Tuple[str, ...] = ()


_PLASMA = ("BytheWater ColdRipple ColorfulCups DarkestHour EveningGlow FallenLeaf Grey Kite OneStandsOut Path summer_1am").split()
_LXQT = (
    "Butterfly-Kenneth-Wimer.jpg Valendas.png after-the-rain.jpg appleflower.png beam.png butterfly.png "
    "cloud.png drop.png flowers.png fog.jpg this-is-not-windows.jpg"
).split()
_SKIMAGE = "astronaut.png coffee.png chelsea.png rocket.jpg motorcycle_left.png".split()

PACKAGES: Tuple[Package, ...] = (
    Package("lomiri-wallpapers-16.04", {"train": ("usr/share/backgrounds/*.jpg",)}, exclude=("umang_by_Abhishek_Mudgal.jpg",)),
    Package("lomiri-wallpapers-20.04", {"train": ("usr/share/backgrounds/Kleiber_by_Lukas_Baubkus.jpg",)}),
    Package("mate-backgrounds", {"train": ("usr/share/backgrounds/mate/nature/*.jpg",)}),
    Package(
        "plasma-workspace-wallpapers",
        {"train": tuple(f"usr/share/wallpapers/{d}/contents/images/2560x1600.jpg" for d in _PLASMA)},
    ),
    Package("kphotoalbum", {"train": ("usr/share/kphotoalbum/demo/*.jpg",)}, exclude=("qt-logo.jpg",)),
    Package("lxqt-themes", {"val-photo": tuple(f"usr/share/lxqt/wallpapers/{f}" for f in _LXQT)}),
    Package("libjxl-testdata", {"val-photo": ("usr/share/libjxl-testdata/jxl/flower/flower.png",)}),
    Package("python3-skimage", {"val-classic": tuple(f"usr/lib/python3/dist-packages/skimage/data/{f}" for f in _SKIMAGE)}),
)
SETS = ("train", "val-photo", "val-classic", "val-large")
# Val-Large (issue 12): Val-Photo's photos whole, not cropped, like the paper's Test2K: large
# images where flat patches dominate and routing saves the most. Same HR recipe, no crop.
VAL_LARGE_FROM = "val-photo"

# Calibration split (issue 11): training photos held out of training, used only to measure each
# subnet's PSNR for the Pareto front and to build and tune ARM's table. Never Val-Photo or
# Val-Classic, so the validation numbers stay out-of-sample for every router. Chosen from three
# packages, without near-duplicate siblings in the training set (no "_2" shots of the same scene),
# flat and textured scenes mixed; kept whole (not cropped) so every class has many patches.
CALIBRATION: Tuple[str, ...] = ("Dragonfly_by_Bolly", "Dune", "Kite", "Storm", "snow", "wayne")
CALIB_SET = "calib"


def data_root() -> Path:
    """``$WBSR_DATA`` or ``~/.cache/wbsr``."""
    return Path(os.environ.get("WBSR_DATA", str(Path.home() / ".cache" / "wbsr")))


def _deb_path(root: Path, name: str) -> Optional[Path]:
    hits = sorted((root / "debs").glob(f"{name}_*.deb"))
    return hits[-1] if hits else None


def fetch(root: Optional[Path] = None, log: Callable[[str], None] = print) -> List[Dict[str, str]]:
    """Download (``apt-get download``) and extract (``dpkg-deb -x``) every package once.

    Returns ``[{"name", "version", "deb"}]`` read with ``dpkg-deb -f``.
    """
    root = root or data_root()
    (root / "debs").mkdir(parents=True, exist_ok=True)
    out = []
    for pkg in PACKAGES:
        deb = _deb_path(root, pkg.name)
        if deb is None:
            log(f"apt-get download {pkg.name}")
            subprocess.run(["apt-get", "download", pkg.name], cwd=root / "debs", check=True)
            deb = _deb_path(root, pkg.name)
            if deb is None:
                raise RuntimeError(f"apt-get download {pkg.name} produced no .deb")
        dest = root / "x" / pkg.name
        if not dest.exists():
            log(f"dpkg-deb -x {deb.name}")
            tmp = dest.with_name(dest.name + ".tmp")
            # dpkg-deb -x creates the target folder but not its parent; a half-extracted
            # folder from an interrupted run is removed so the extraction starts clean.
            if tmp.exists():
                shutil.rmtree(tmp)
            tmp.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp)], check=True)
            tmp.rename(dest)
        version = subprocess.run(["dpkg-deb", "-f", str(deb), "Version"], check=True, capture_output=True, text=True).stdout.strip()
        out.append({"name": pkg.name, "version": version, "deb": deb.name})
    return out


def source_files(root: Optional[Path] = None) -> Dict[str, List[Path]]:
    """Set name -> sorted source photo paths."""
    root = root or data_root()
    sets: Dict[str, List[Path]] = {s: [] for s in SETS}
    for pkg in PACKAGES:
        base = root / "x" / pkg.name
        for set_name, globs in pkg.files.items():
            for g in globs:
                for f in sorted(glob.glob(str(base / g))):
                    if Path(f).name not in pkg.exclude:
                        sets[set_name].append(Path(f))
    sets["val-large"] = list(sets[VAL_LARGE_FROM])
    return sets


def load_rgb(path: Path) -> np.ndarray:
    """An image file as uint8 RGB ``[H, W, 3]`` (gray expanded, alpha dropped)."""
    with Image.open(path) as im:
        return np.asarray(im.convert("RGB"), dtype=np.uint8)


def box_downscale2(img: np.ndarray) -> np.ndarray:
    """2x2 mean of a uint8 image cropped to even sides, rounded half up: ``(a+b+c+d+2)//4``."""
    h, w = img.shape[0] // 2 * 2, img.shape[1] // 2 * 2
    x = img[:h, :w].astype(np.int32)
    s = x[0::2, 0::2] + x[0::2, 1::2] + x[1::2, 0::2] + x[1::2, 1::2]
    return ((s + 2) // 4).astype(np.uint8)


def centre_crop(img: np.ndarray, size: int) -> np.ndarray:
    """Centre ``size`` x ``size`` crop (offsets rounded down); smaller sides are kept whole."""
    h, w = img.shape[:2]
    ch, cw = min(size, h), min(size, w)
    y, x = (h - ch) // 2, (w - cw) // 2
    return img[y : y + ch, x : x + cw]


def _image_name(path: Path) -> str:
    parts = path.parts
    if "wallpapers" in parts and "contents" in parts:  # plasma: the folder names the photo
        return parts[parts.index("contents") - 1]
    return path.stem


def prepare(root: Optional[Path] = None, scales: Sequence[int] = (2, 4), log: Callable[[str], None] = print) -> Path:
    """Build ``prepared/v1`` (idempotent): HR and LR arrays for every set and scale."""
    root = root or data_root()
    packages = fetch(root, log)
    out = root / "prepared" / PREPARED_VERSION
    for set_name, files in source_files(root).items():
        d = out / set_name
        d.mkdir(parents=True, exist_ok=True)
        for f in files:
            name = _image_name(f)
            hr_path = d / f"{name}.hr.npy"
            if not hr_path.exists():
                hr = box_downscale2(load_rgb(f))
                if set_name == "val-photo":
                    hr = centre_crop(hr, VAL_PHOTO_CROP)
                np.save(hr_path, hr)
            hr = np.load(hr_path)
            for s in scales:
                lr_path = d / f"{name}.lr_x{s}.npy"
                if not lr_path.exists():
                    log(f"{set_name}/{name}: HR {hr.shape[1]}x{hr.shape[0]} -> LR x{s}")
                    np.save(lr_path, bicubic.imresize_uint8(bicubic.modcrop(hr, s), scale=1.0 / s))
    (out / "packages.json").write_text(json.dumps(packages, indent=1) + "\n")
    return out


@dataclass
class ImagePair:
    """An HR image (modcropped to the scale) and its LR image, uint8 HWC."""

    name: str
    hr: np.ndarray
    lr: np.ndarray


def _set_names(d: Path) -> List[str]:
    return [p.name[: -len(".hr.npy")] for p in sorted(d.glob("*.hr.npy"))]


def load_set(set_name: str, scale: int, root: Optional[Path] = None, limit: Optional[int] = None) -> List[ImagePair]:
    """The prepared pairs of one set at one scale, sorted by name.

    ``"calib"`` is the ``CALIBRATION`` photos of the prepared training folder; ``"train"`` is that
    folder without them (the calibration photos are never trained on)."""
    folder = "train" if set_name == CALIB_SET else set_name
    d = (root or data_root()) / "prepared" / PREPARED_VERSION / folder
    names = _set_names(d)
    if set_name == CALIB_SET:
        names = [n for n in names if n in CALIBRATION]
    elif set_name == "train":
        names = [n for n in names if n not in CALIBRATION]
    if not names:
        raise FileNotFoundError(f"no prepared images for set {set_name} in {d}: run `python3 -m training.wbsr.data`")
    pairs = []
    for name in names[:limit]:
        hr = bicubic.modcrop(np.load(d / f"{name}.hr.npy"), scale)
        lr = np.load(d / f"{name}.lr_x{scale}.npy")
        pairs.append(ImagePair(name, hr, lr))
    return pairs


def packages_provenance(root: Optional[Path] = None) -> List[Dict[str, str]]:
    """``[{"name", "version"}]`` of the data packages used by ``prepare``."""
    p = (root or data_root()) / "prepared" / PREPARED_VERSION / "packages.json"
    return [{"name": x["name"], "version": x["version"]} for x in json.loads(p.read_text())]


@dataclass
class PatchPool:
    """Every LR patch position on a fixed grid of the training images, with its complexity score.

    Attributes:
        pairs: the training images.
        patch: LR patch side. stride: grid step (LR pixels).
        index: ``[N, 3]`` int (image, y, x) of each patch's LR top-left corner.
        scores: ``[N]`` ``sobel-gradient-sum-v1`` scores of the LR patches.
    """

    pairs: List[ImagePair]
    scale: int
    patch: int = 32
    stride: int = 16
    index: np.ndarray = field(init=False)
    scores: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        from .complexity import scores as patch_scores

        idx, sc = [], []
        for i, pair in enumerate(self.pairs):
            h, w = pair.lr.shape[:2]
            ys = np.arange(0, h - self.patch + 1, self.stride)
            xs = np.arange(0, w - self.patch + 1, self.stride)
            for y in ys:  # one row of patches at a time keeps memory small
                row = np.stack([pair.lr[y : y + self.patch, x : x + self.patch] for x in xs])
                sc.append(patch_scores(row))
                idx.append(np.stack([np.full(len(xs), i), np.full(len(xs), y), xs], axis=1))
        self.index = np.concatenate(idx).astype(np.int64)
        self.scores = np.concatenate(sc)

    def __len__(self) -> int:
        return len(self.index)

    def batch(self, ids: np.ndarray, rng: np.random.Generator, augment: bool = True) -> Tuple[np.ndarray, np.ndarray]:
        """LR ``[B, p, p, 3]`` and HR ``[B, sp, sp, 3]`` uint8 patches, randomly flipped/rotated
        (the score is invariant under these)."""
        p, s = self.patch, self.scale
        lrs, hrs = [], []
        for j in ids:
            i, y, x = self.index[j]
            pair = self.pairs[i]
            lr = pair.lr[y : y + p, x : x + p]
            hr = pair.hr[y * s : (y + p) * s, x * s : (x + p) * s]
            if augment:
                if rng.random() < 0.5:
                    lr, hr = lr[:, ::-1], hr[:, ::-1]
                if rng.random() < 0.5:
                    lr, hr = lr[::-1], hr[::-1]
                if rng.random() < 0.5:
                    lr, hr = lr.transpose(1, 0, 2), hr.transpose(1, 0, 2)
            lrs.append(lr)
            hrs.append(hr)
        return np.stack(lrs), np.stack(hrs)


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description="Fetch the Debian photo packages and prepare HR/LR sets.")
    ap.add_argument("--root", type=Path, default=None, help="data folder (default $WBSR_DATA or ~/.cache/wbsr)")
    args = ap.parse_args()
    prepare(args.root)
    for s in (*SETS, CALIB_SET):
        print(s, len(load_set(s, 2, args.root)), "images")


if __name__ == "__main__":
    main()
