"""Writes a throwaway bundle of plain SRResNets (training/wbsr/nets.py) at several widths and depths,
random weights, so that `wbsr bench --calls -m DIR` measures which widths ONNX Runtime runs at full
speed on this CPU (issue 17; input for the v2 model design). Speed does not depend on the weights.

    /usr/bin/python3 bench/width_bundle.py /tmp/width-x2 --widths 8,16,24,32,48,64 --depths 2,8,16
    java -jar target/wbsr.jar bench --calls -m /tmp/width-x2

The bundle is a timing fixture, not a model: keep it out of git (write it under /tmp).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

from wbsr.export import export_onnx  # noqa: E402
from wbsr.flops import srresnet_flops  # noqa: E402
from wbsr.nets import SRResNet, count_params, receptive_field  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="bundle folder to write (must not exist)")
    ap.add_argument("--widths", default="8,16,24,32,48,64")
    ap.add_argument("--depths", default="2,8,16")
    ap.add_argument("--scale", type=int, default=2)
    args = ap.parse_args(argv)
    torch.set_num_threads(1)
    torch.manual_seed(0)
    if args.out.exists():
        ap.error(f"{args.out} exists; give a new folder")
    args.out.mkdir(parents=True)
    widths = [int(w) for w in args.widths.split(",")]
    depths = [int(d) for d in args.depths.split(",")]
    pairs = sorted(((w, d) for w in widths for d in depths), key=lambda p: (srresnet_flops(p[0], p[1], args.scale), p[0]))
    manifest = json.loads((ROOT / "models" / f"wbsr-x{args.scale}" / "manifest.json").read_text())
    for key in ("arm", "parity", "training"):
        manifest.pop(key, None)
    manifest.update(
        name=args.out.name,
        title=f"{args.out.name} (width/depth timing fixture, random weights)",
        description="Plain SRResNets with random weights for bench --calls; not a model.",
        test_fixture=True,
        receptive_field=receptive_field(max(depths), args.scale),
    )
    subnets = []
    for i, (w, d) in enumerate(pairs):
        net = SRResNet(num_feat=w, num_block=d, upscale=args.scale)
        name = f"w{w}-d{d}"
        export_onnx(net, args.out / f"subnet-{i}-{name}.onnx")
        subnets.append(
            {
                "id": i,
                "name": name,
                "width": w,
                "depth": d,
                "file": f"subnet-{i}-{name}.onnx",
                "flops_per_patch": srresnet_flops(w, d, args.scale),
                "params": count_params(net),
                "val_psnr_y": 0.0,
                "val_ssim_y": 0.0,
            }
        )
    manifest["subnets"] = subnets
    manifest["supernet"] = len(subnets) - 1
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    print(f"wrote {len(subnets)} nets to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
