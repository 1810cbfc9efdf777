"""Export a trained run as a model bundle (``models/README.md``): one ONNX file per subnet,
``manifest.json``, ``parity.json`` and ``MODEL_CARD.md``.

``python3 -m training.wbsr.export training/runs/wbsr-x2 --out models/wbsr-x2``
"""

from __future__ import annotations

import argparse
import base64
import datetime as _dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Optional, Sequence

import numpy as np
import onnx
import torch
from torch import nn

from . import data
from .evaluate import calibrate, classsr_router, evaluate_bundle_net, load_run_net
from .flops import classifier_flops, srresnet_flops
from .infer import to_tensor
from .modelcard import model_card
from .nets import ClassSRNet, count_params, receptive_field

REPO = Path(__file__).resolve().parents[2]
FORMAT = "wbsr-bundle"
FORMAT_VERSION = 2  # 2: "routing" (calibration split, Pareto front); ARM table built on it (issue 11)
OPSET = 13
IO = {"layout": "NCHW", "color": "RGB", "range": [0, 1], "dtype": "float32"}

__all__ = ["export_onnx", "parity_vectors", "export_run", "b64_f32"]


def export_onnx(net: nn.Module, path: Path, input_names=("lr",), output_names=("sr",), shape=(1, 3, 16, 16)) -> None:
    """Export with dynamic batch/height/width (opset 13) and check the model."""
    net = net.eval()
    dummy = torch.rand(*shape)
    dyn = {input_names[0]: {0: "n", 2: "h", 3: "w"}, output_names[0]: {0: "n", 2: "sh", 3: "sw"}}
    if output_names[0] == "logits":
        dyn = {input_names[0]: {0: "n"}, output_names[0]: {0: "n"}}
    torch.onnx.export(
        net,
        dummy,
        str(path),
        input_names=list(input_names),
        output_names=list(output_names),
        dynamic_axes=dyn,
        opset_version=OPSET,
        do_constant_folding=True,
    )
    onnx.checker.check_model(onnx.load(str(path)))


def b64_f32(t: torch.Tensor | np.ndarray) -> str:
    """base64 of little-endian float32, C order."""
    a = np.ascontiguousarray(np.asarray(t, dtype="<f4"))
    return base64.b64encode(a.tobytes()).decode("ascii")


def parity_input(pairs: Sequence[data.ImagePair], shape: Sequence[int], seed: int = 0) -> torch.Tensor:
    """``[N, 3, h, w]``: crops of validation LR images (the busiest and the flattest spot of the
    first image) and, for N > 2, uniform noise."""
    n, _, h, w = shape
    rng = np.random.default_rng(seed)
    crops = []
    if pairs:
        lr = pairs[0].lr
        best, worst = None, None
        for y in range(0, lr.shape[0] - h + 1, max(h // 2, 1)):
            for x in range(0, lr.shape[1] - w + 1, max(w // 2, 1)):
                v = float(lr[y : y + h, x : x + w].astype(np.float64).std())
                if best is None or v > best[0]:
                    best = (v, y, x)
                if worst is None or v < worst[0]:
                    worst = (v, y, x)
        for _, y, x in (best, worst):
            crops.append(lr[y : y + h, x : x + w])
    while len(crops) < n:
        crops.append(rng.integers(0, 256, (h, w, 3)).astype(np.uint8))
    return to_tensor(np.stack(crops[:n]))


def parity_vectors(nets: Sequence[nn.Module], x: torch.Tensor, classifier: Optional[nn.Module] = None) -> Dict[str, Any]:
    """The ``parity.json`` document: PyTorch outputs of every subnet on ``x``."""
    outs = []
    with torch.no_grad():
        for i, net in enumerate(nets):
            y = net.eval()(x)
            outs.append({"subnet": i, "shape": list(y.shape), "data_b64": b64_f32(y)})
        doc: Dict[str, Any] = {"input": {"shape": list(x.shape), "data_b64": b64_f32(x)}, "outputs": outs}
        if classifier is not None:
            logits = classifier.eval()(x)
            doc["classifier_logits"] = {"shape": list(logits.shape), "data_b64": b64_f32(logits)}
    return doc


def git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, check=True, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _abs_python(cmd: str) -> str:
    """Commands recorded as ``python3 -m ...`` by older runs: name Debian's interpreter."""
    return "/usr/bin/" + cmd if cmd.startswith("python3 ") else cmd


def _measured(x: float) -> float:
    """A measured number as the manifest stores it: unrounded. Each results page rounds it once,
    with one rule (``training/wbsr/numbers.py``, ``dev.wbsr.report.Decimals``); rounding here as
    well rounded twice (0.85947 -> 0.8595 -> 86.0 %, where the Java report prints 85.9 %)."""
    return float(x)


def export_run(
    run_dir: Path,
    out_dir: Path,
    name: Optional[str] = None,
    title: Optional[str] = None,
    description: str = "",
    limit: Optional[int] = None,
    parity_shape: Sequence[int] = (2, 3, 16, 12),
    test_fixture: bool = False,
    export_command: str = "",
) -> Dict[str, Any]:
    """Export ``run_dir`` (a ``train`` run) into ``out_dir``; returns the manifest."""
    net, st = load_run_net(run_dir)
    cfg = st["config"]
    if st.get("sigma") is None and "bmc.noise_sigma" in st.get("loss", {}):  # older checkpoints
        st["sigma"] = abs(float(st["loss"]["bmc.noise_sigma"]))
    scale = net.upscale
    name = name or cfg["name"]
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("subnet-*.onnx"):
        old.unlink()
    configs = net.subnet_configs()
    subnets = [net.extract(w, d) for w, d in configs]
    flops = [srresnet_flops(w, d, scale) for w, d in configs]
    th = st["thresholds"]
    fns = [(lambda x, s=s: s(x)) for s in subnets]
    is_classsr = isinstance(net, ClassSRNet)
    router, rflops = (classsr_router(net.classifier), classifier_flops()) if is_classsr else (None, 0.0)
    routed = "classsr" if is_classsr else "wbsr"
    calib = calibrate(fns, flops, data.load_set(data.CALIB_SET, scale, limit=limit), th["thresholds"], scale, with_arm=not is_classsr)
    table = calib.pop("arm", None)
    results = {}
    for set_name in ("val-photo", "val-classic"):
        pairs = data.load_set(set_name, scale, limit=limit)
        results[set_name] = evaluate_bundle_net(fns, flops, pairs, th["thresholds"], scale, arm=table, router=router, router_flops=rflops)
    entries = []
    for i, ((w, d), sub, f) in enumerate(zip(configs, subnets, flops)):
        fname = f"subnet-{i}-w{w}-d{d}.onnx"
        export_onnx(sub, out_dir / fname)
        vp = results["val-photo"]["subnets"][i]
        entries.append(
            {
                "id": i,
                "name": f"w{w}-d{d}",
                "width": w,
                "depth": d,
                "file": fname,
                "flops_per_patch": f,
                "params": count_params(sub),
                "val_psnr_y": _measured(vp["psnr_y"]),
                "val_ssim_y": _measured(vp["ssim_y"]),
            }
        )
    if is_classsr:
        export_onnx(net.classifier, out_dir / "classifier.onnx", output_names=("logits",), shape=(1, 3, 32, 32))
        parity_shape = (parity_shape[0], 3, 32, 32)  # the classifier takes 32x32 patches
    x = parity_input(data.load_set("val-photo", scale, limit=1), parity_shape)
    parity = parity_vectors(subnets, x, net.classifier if is_classsr else None)
    (out_dir / "parity.json").write_text(json.dumps(parity) + "\n")
    validation = {}
    for set_name, r in results.items():
        validation[set_name] = {
            "images": r["images"],
            "bicubic_psnr_y": _measured(r["bicubic_psnr_y"]),
            "supernet_psnr_y": _measured(r["supernet_psnr_y"]),
            "supernet_ssim_y": _measured(r["supernet_ssim_y"]),
            f"{routed}_psnr_y": _measured(r["wbsr_psnr_y"]),
            f"{routed}_ssim_y": _measured(r["wbsr_ssim_y"]),
            f"{routed}_flops_ratio": _measured(r["wbsr_flops_ratio"]),
            "class_fractions": [_measured(x) for x in r["class_fractions"]],
            "subnets": [{"psnr_y": _measured(s["psnr_y"]), "ssim_y": _measured(s["ssim_y"])} for s in r["subnets"]],
            "arm": [{k: _measured(v) for k, v in a.items()} for a in r.get("arm", [])],
        }
    commands = (run_dir / "command.txt").read_text().strip().splitlines() if (run_dir / "command.txt").exists() else []
    try:
        packages = data.packages_provenance()
    except FileNotFoundError:
        packages = []
    sc, lc, tc = cfg["sampling"], cfg["loss"], cfg["train"]
    training_info: Dict[str, Any] = {
        "sampling": sc["kind"],
        "loss": lc["kind"],
        "hes_delta": sc.get("delta") if sc["kind"] == "hes" else None,
        "hes_switch": sc.get("switch") if sc["kind"] == "hes" else None,
        "bd_weight": lc.get("bd_weight") if lc["kind"] != "l1" else None,
        "bmc_mode": lc.get("bmc_mode", "pixel") if lc["kind"] != "l1" else None,
        "final_sigma": st.get("sigma") if lc["kind"] != "l1" else None,
        "subnet_schedule": tc["subnets"] if not is_classsr else "classsr-two-stage",
        "batch": cfg["data"]["batch"],
        "lr_patch": cfg["data"]["patch"],
        "optimizer": f"Adam lr {tc['lr']} cosine to {tc['min_lr']}",
    }
    if is_classsr:
        training_info.update(
            {
                "loss": "l1+class+average",
                "branch_fraction": tc["branch_fraction"],
                "branch_lr_scale": tc["branch_lr_scale"],
                "class_weight": tc["class_weight"],
                "average_weight": tc["average_weight"],
                "stage1_split": "complexity-score terciles",
            }
        )
    manifest: Dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "name": name,
        "kind": routed,
        "title": title or (f"{name} (ClassSR baseline, x{scale})" if is_classsr else f"{name} (WBSR supernet, x{scale})"),
        "description": description,
        "version": "1.0.0",
        "license": "CC-BY-SA-4.0",
        "test_fixture": test_fixture,
        "scale": scale,
        "patch_size": 32,
        "receptive_field": receptive_field(max(d for _, d in configs), scale),
        "input": dict(name="lr", **IO),
        "output": dict(name="sr", **IO),
        "training": training_info,
        "complexity": {
            "score": th["score"],
            "num_classes": th["num_classes"],
            "thresholds": th["thresholds"],
            "train_class_fractions": th["train_class_fractions"],
        },
        "subnets": entries,
        "supernet": len(entries) - 1,
        "routing": routing_section(calib),
        "arm": table if table else None,
        "classsr": {
            "classifier_file": "classifier.onnx",
            "classifier_flops_per_patch": rflops,
            "partial_tiles": "replicate-pad bottom/right to 32x32",
        }
        if is_classsr
        else None,
        "validation": validation,
        "parity": {"file": "parity.json", "max_abs_error": 1e-4},
        "provenance": {
            "git_commit": git_commit(),
            "command": _abs_python(commands[0]) if commands else "",
            "resume_commands": commands[1:],
            "export_command": export_command,
            "config": cfg,
            "iterations": st["iteration"],
            "wall_time_s": _measured(st.get("wall_time_s", 0.0)),
            "machine": st.get("machine", ""),
            "torch_version": st.get("torch_version", torch.__version__),
            "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "seed": cfg["seed"],
            "checkpoint": Path(st["path"]).name,
            "data_packages": packages,
        },
    }
    manifest = {k: v for k, v in manifest.items() if v is not None}  # absent, not null: arm / classsr
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    (out_dir / "MODEL_CARD.md").write_text(model_card(manifest))
    return manifest


def routing_section(calib: Dict[str, Any]) -> Dict[str, Any]:
    """The manifest's ``routing`` object: the Pareto front and the calibration numbers behind it."""
    return {
        "order": "pareto",
        "front": calib["front"],
        "calibration": {
            "set": calib["set"],
            "images": calib["images"],
            "bicubic_psnr_y": _measured(calib["bicubic_psnr_y"]),
            "psnr_y": [_measured(x) for x in calib["psnr_y"]],
            "pareto": {k: _measured(v) for k, v in calib["pareto"].items()},
            "literal": {k: _measured(v) for k, v in calib["literal"].items()},
        },
    }


def update_routing(run_dir: Path, out_dir: Path, export_command: str = "") -> Dict[str, Any]:
    """Add format 2's routing fields to an exported bundle without touching its ONNX files or its
    validation numbers: calibrate the run's ``final.pt`` on the calibration split, write the
    ``routing`` section, replace the ARM table (built on Val-Photo in format 1) by the one built on
    the calibration split, bump ``format_version``, rewrite the model card."""
    manifest = json.loads((out_dir / "manifest.json").read_text())
    net, st = load_run_net(run_dir)
    scale = net.upscale
    configs = net.subnet_configs()
    flops = [srresnet_flops(w, d, scale) for w, d in configs]
    if [s["flops_per_patch"] for s in manifest["subnets"]] != flops or [s["name"] for s in manifest["subnets"]] != [
        f"w{w}-d{d}" for w, d in configs
    ]:
        raise SystemExit(f"{out_dir}/manifest.json: its subnets are not those of {run_dir}; export the run again instead")
    is_classsr = isinstance(net, ClassSRNet)
    subnets = [net.extract(w, d) for w, d in configs]
    fns = [(lambda x, s=s: s(x)) for s in subnets]
    calib = calibrate(fns, flops, data.load_set(data.CALIB_SET, scale), st["thresholds"]["thresholds"], scale, with_arm=not is_classsr)
    table = calib.pop("arm", None)
    manifest["format_version"] = FORMAT_VERSION
    rebuilt: Dict[str, Any] = {}
    for k, v in manifest.items():
        if k == "arm":
            continue
        rebuilt[k] = v
        if k == "supernet":
            rebuilt["routing"] = routing_section(calib)
            if table is not None:
                rebuilt["arm"] = table
    for v in rebuilt["validation"].values():
        v.pop("arm", None)  # measured with the Val-Photo table this update replaces
    rebuilt["provenance"]["routing_command"] = export_command
    (out_dir / "manifest.json").write_text(json.dumps(rebuilt, indent=1) + "\n")
    (out_dir / "MODEL_CARD.md").write_text(model_card(rebuilt))
    return rebuilt


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="Export a training run as a model bundle.")
    ap.add_argument("run_dir", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--name", default=None)
    ap.add_argument("--title", default=None)
    ap.add_argument("--description", default="")
    ap.add_argument("--limit", type=int, default=None, help="validation images per set (default all)")
    ap.add_argument("--parity-shape", default="2,3,16,12")
    ap.add_argument("--test-fixture", action="store_true")
    ap.add_argument("--card-only", action="store_true", help="only rewrite MODEL_CARD.md from the bundle's manifest.json")
    ap.add_argument(
        "--update-routing",
        action="store_true",
        help="bring an exported bundle to format 2 (calibration, Pareto front, ARM table) without re-exporting its ONNX files",
    )
    args = ap.parse_args(argv)
    if args.card_only:
        (args.out / "MODEL_CARD.md").write_text(model_card(json.loads((args.out / "manifest.json").read_text())))
        print(f"wrote {args.out / 'MODEL_CARD.md'}")
        return 0
    torch.set_num_threads(2)
    cmd = "/usr/bin/python3 -m training.wbsr.export " + " ".join(sys.argv[1:] if argv is None else argv)
    if args.update_routing:
        m = update_routing(args.run_dir, args.out, cmd)
        c = m["routing"]["calibration"]
        print(
            f"updated {args.out}: front {[m['subnets'][i]['name'] for i in m['routing']['front']]}, calibration Pareto "
            f"{c['pareto']['psnr_y']:.3f} dB at {100 * c['pareto']['flops_ratio']:.1f}%, literal {c['literal']['psnr_y']:.3f} dB "
            f"at {100 * c['literal']['flops_ratio']:.1f}%"
        )
        return 0
    m = export_run(
        args.run_dir,
        args.out,
        args.name,
        args.title,
        args.description,
        args.limit,
        tuple(int(x) for x in args.parity_shape.split(",")),
        args.test_fixture,
        cmd,
    )
    v = m["validation"]["val-photo"]
    rk = m["kind"]
    print(
        f"exported {m['name']} to {args.out}: Val-Photo bicubic {v['bicubic_psnr_y']:.3f}, supernet {v['supernet_psnr_y']:.3f}, "
        f"{rk} routing {v[rk + '_psnr_y']:.3f} at {100 * v[rk + '_flops_ratio']:.1f}% FLOPs"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
