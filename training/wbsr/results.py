"""Write ``training/RESULTS.md`` from the shipped bundles' manifests (``models/*/manifest.json``).

``/usr/bin/python3 -m training.wbsr.results`` — every number comes from a manifest, which
``export`` measured; the commands that made each bundle are copied from its provenance.

Models v2 (issue 12) replace v1's bundles under ``models/``, but v1's numbers stay for comparison: v1's
manifests are kept in ``training/results/v1/`` and get their own section once a bundle of that name is
replaced. v2 runs still training (``training/runs/v2/*/val.csv``) show their last validation row, so the
file can be regenerated at every stop.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import yaml

from training.wbsr.numbers import fixed, percent, signed

REPO = Path(__file__).resolve().parents[2]
V1 = REPO / "training" / "results" / "v1"
RUNS_V2 = REPO / "training" / "runs" / "v2"


def _archived(archive: Path, current: Sequence[Dict]) -> List[Dict]:
    """The archived manifests that no longer ship (a bundle still in models/ is shown once, as a current one)."""
    shipped = {(m["name"], m["provenance"].get("git_commit"), m["provenance"].get("date")) for m in current}
    out = []
    for f in sorted(archive.glob("*.json")):
        d = json.loads(f.read_text())
        if (d["name"], d["provenance"].get("git_commit"), d["provenance"].get("date")) not in shipped:
            out.append(d)
    return out


def _runs(runs: Path) -> List[str]:
    """One row per run folder with a val.csv: its last validation row (finished or still training)."""
    rows = []
    for val in sorted(runs.glob("*/val.csv")):
        lines = [x for x in val.read_text().splitlines() if x.strip()]
        if len(lines) < 2:
            continue
        head, last = lines[0].split(","), lines[-1].split(",")
        cells = dict(zip(head, last))
        subnets = head[2:]
        planned = ""
        cfg = val.parent / "config.yml"
        if cfg.exists():
            planned = str((yaml.safe_load(cfg.read_text()) or {}).get("train", {}).get("iterations", ""))
        state = "finished" if (val.parent / "final.pt").exists() else "training"
        psnr = [float(cells[n]) for n in subnets]
        rows.append(
            f"| {val.parent.name} | {state} | {cells['iteration']} / {planned or '?'} | {fixed(float(cells['wall_time_s']) / 3600, 2)} | "
            f"{len(subnets)} | {fixed(psnr[-1], 3)} | {fixed(min(psnr), 3)} |"
        )
    if not rows:
        return []
    return [
        "",
        f"## Models v2 runs ({runs.relative_to(REPO) if runs.is_relative_to(REPO) else runs}, last validation row, Val-Photo PSNR-Y)",
        "",
        "| run | state | steps done / planned | train h | subnets | supernet (last column) | weakest subnet |",
        "|---|---|---|---|---|---|---|",
    ] + rows


def _load(models: Path) -> List[Dict]:
    out = []
    for m in sorted(models.glob("*/manifest.json")):
        d = json.loads(m.read_text())
        if not d.get("test_fixture"):
            out.append(d)
    return out


def _routed(m: Dict) -> str:
    return "classsr" if m["kind"] == "classsr" else "wbsr"


FLOORS = {2: 1.0, 4: 0.6}  # issue 2: Val-Photo supernet PSNR-Y over bicubic


def _floors(manifests: Sequence[Dict]) -> List[str]:
    out = ["", "## Floors (issue 2, Val-Photo)", ""]
    for m in manifests:
        if m["kind"] != "wbsr" or not m["name"].startswith(("wbsr-", "base-")):
            continue
        v = m["validation"]["val-photo"]
        gain = v["supernet_psnr_y"] - v["bicubic_psnr_y"]
        floor = FLOORS.get(m["scale"], 0.0)
        out.append(f"- {m['name']}: supernet {signed(gain, 3)} dB over bicubic (floor +{floor}): {'met' if gain >= floor else 'NOT met'}")
        if m["name"].startswith("wbsr-"):
            d = v["wbsr_psnr_y"] - v["supernet_psnr_y"]
            r = v["wbsr_flops_ratio"]
            ok = r <= 0.65 and d >= -0.1
            out.append(
                f"  routing ceil(kM/K): {percent(r)}% of the supernet's FLOPs at {signed(d, 3)} dB "
                f"(target <= 65% within 0.1 dB): {'met' if ok else 'NOT met'}"
            )
    return out


def _ablation(manifests: Sequence[Dict]) -> List[str]:
    by = {m["name"]: m for m in manifests}
    rows = [("base (uniform + L1)", "base-x2"), ("+HES", "hes-x2"), ("+BDLoss", "bd-x2"), ("+HES +BDLoss (WBSR)", "wbsr-x2")]
    if not any(n in by for _, n in rows):
        return []
    out = [
        "",
        "## Ablation at x2 (same backbone, data, seed, schedule, steps)",
        "",
        "| training | bundle | Val-Photo supernet | routed (ceil(kM/K)) | FLOPs | Val-Classic supernet | routed | FLOPs |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, n in rows:
        if n not in by:
            out.append(f"| {label} | {n} | (not trained yet) | | | | | |")
            continue
        vp, vc = by[n]["validation"]["val-photo"], by[n]["validation"]["val-classic"]
        out.append(
            f"| {label} | {n} | {fixed(vp['supernet_psnr_y'], 3)} | {fixed(vp['wbsr_psnr_y'], 3)} | {percent(vp['wbsr_flops_ratio'])}% | "
            f"{fixed(vc['supernet_psnr_y'], 3)} | {fixed(vc['wbsr_psnr_y'], 3)} | {percent(vc['wbsr_flops_ratio'])}% |"
        )
    if "base-x2" in by:
        out += ["", "Each training change against base, supernet PSNR-Y (Val-Photo / Val-Classic):", ""]
        for label, n in rows[1:]:
            if n in by:
                out.append(f"- {label}: {_delta(by[n], by['base-x2'], 'val-photo')} / {_delta(by[n], by['base-x2'], 'val-classic')}")
    return out


def _delta(m: Dict, base: Dict, valset: str) -> str:
    d = m["validation"][valset]["supernet_psnr_y"] - base["validation"][valset]["supernet_psnr_y"]
    return f"{signed(d, 3)} dB"


def render(manifests: Sequence[Dict], v1: Sequence[Dict] = (), runs: Sequence[str] = ()) -> str:
    """The shipped bundles, then the v2 runs in progress, then v1's archived bundles that no longer ship."""
    lines = [
        "# Training results",
        "",
        "Generated by `/usr/bin/python3 -m training.wbsr.results` from `models/*/manifest.json` (v1's replaced bundles:",
        "`training/results/v1/`); every number was",
        "measured by `training.wbsr.export` (whole-image inference, PSNR-Y/SSIM-Y on BT.601 Y with shave = scale,",
        "routing by compositing per-tile outputs; see `models/README.md`). FLOPs per 32x32 LR patch.",
    ]
    lines += _bundles(manifests, "")
    lines += list(runs)
    if v1:
        lines += ["", "# v1 bundles (replaced; kept for comparison, issue 12)"] + _bundles(v1, " (v1)")
    return "\n".join(lines) + "\n"


def _bundles(manifests: Sequence[Dict], tag: str) -> List[str]:
    if not manifests:
        return []
    lines = [
        "",
        f"## Summary{tag} (Val-Photo / Val-Classic PSNR-Y, dB)",
        "",
        "| bundle | scale | steps | train h | bicubic | supernet | gain | routed | routed FLOPs "
        "| Val-Classic bicubic | supernet | routed | routed FLOPs |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for m in manifests:
        vp, vc, rk = m["validation"]["val-photo"], m["validation"]["val-classic"], _routed(m)
        p = m["provenance"]
        lines.append(
            f"| {m['name']} | x{m['scale']} | {p['iterations']} | {fixed(p['wall_time_s'] / 3600, 2)} | "
            f"{fixed(vp['bicubic_psnr_y'], 3)} | "
            f"{fixed(vp['supernet_psnr_y'], 3)} | {signed(vp['supernet_psnr_y'] - vp['bicubic_psnr_y'], 3)} | "
            f"{fixed(vp[rk + '_psnr_y'], 3)} | "
            f"{percent(vp[rk + '_flops_ratio'])}% | {fixed(vc['bicubic_psnr_y'], 3)} | {fixed(vc['supernet_psnr_y'], 3)} | "
            f"{fixed(vc[rk + '_psnr_y'], 3)} | {percent(vc[rk + '_flops_ratio'])}% |"
        )
    lines += _floors(manifests) + _ablation(manifests)
    for m in manifests:
        rk = _routed(m)
        p = m["provenance"]
        lines += ["", f"## {m['name']}{tag}", "", m.get("title", ""), ""]
        sets = list(m["validation"])
        lines.append("| subnet | GFLOPs | params | " + " | ".join(f"{s} PSNR-Y | {s} SSIM-Y" for s in sets) + " |")
        lines.append("|---|---|---|" + "---|---|" * len(sets))
        for i, s in enumerate(m["subnets"]):
            cells = " | ".join(
                f"{fixed(m['validation'][k]['subnets'][i]['psnr_y'], 3)} | {fixed(m['validation'][k]['subnets'][i]['ssim_y'], 4)}"
                for k in sets
            )
            lines.append(f"| {s['name']} | {fixed(s['flops_per_patch'] / 1e9, 3)} | {s['params']} | {cells} |")
        for k in sets:
            v = m["validation"][k]
            lines.append("")
            lines.append(
                f"- {k} ({v['images']} images): bicubic {fixed(v['bicubic_psnr_y'], 3)}; {rk} routing {fixed(v[rk + '_psnr_y'], 3)} dB / "
                f"SSIM {fixed(v[rk + '_ssim_y'], 4)} at {percent(v[rk + '_flops_ratio'])}% of the largest network's FLOPs "
                f"({signed(v[rk + '_psnr_y'] - v['supernet_psnr_y'], 3)} dB vs it); tile classes: "
                + " ".join(f"{percent(x, 0)}%" for x in v["class_fractions"])
            )
            if v.get("arm"):
                lines.append(
                    "  ARM on this network: "
                    + "; ".join(f"eta {a['eta']}: {fixed(a['psnr_y'], 3)} dB at {percent(a['flops_ratio'])}%" for a in v["arm"])
                )
        lines += [
            "",
            f"Training: {p['iterations']} steps, {fixed(p['wall_time_s'] / 3600, 2)} h on {p['machine']} (torch {p['torch_version']}).",
            "",
            "```",
            "/usr/bin/python3 -m training.wbsr.data",
            p["command"],
            p.get("export_command") or "",
            "```",
        ]
    return lines


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", type=Path, default=REPO / "models")
    ap.add_argument("--v1", type=Path, default=V1, help="v1's archived manifests (shown once their bundle is replaced)")
    ap.add_argument("--runs", type=Path, default=RUNS_V2, help="v2 run folders (last validation row of each)")
    ap.add_argument("--out", type=Path, default=REPO / "training" / "RESULTS.md")
    args = ap.parse_args(argv)
    current = _load(args.models)
    text = render(current, _archived(args.v1, current), _runs(args.runs))
    args.out.write_text(text)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
