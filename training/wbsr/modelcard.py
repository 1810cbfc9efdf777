"""``MODEL_CARD.md`` of a bundle, written from its manifest alone (so ``export --update-routing``
can rewrite it without the run)."""

from __future__ import annotations

from typing import Any, Dict, List


def _routing_sentence(m: Dict[str, Any]) -> str:
    r = m.get("routing")
    if not r:
        return "Class k runs subnet `ceil(k M / K)` of all M subnets sorted by FLOPs."
    names = [m["subnets"][i]["name"] for i in r["front"]]
    return (
        f"Class k runs member `ceil(k M' / K)` of the PSNR-vs-FLOPs Pareto front measured on the calibration split "
        f"(M' = {len(names)}: {', '.join(names)}); `--mode wbsr-literal` routes over all {len(m['subnets'])} subnets sorted by FLOPs."
    )


def _calibration_lines(m: Dict[str, Any]) -> List[str]:
    r = m.get("routing")
    if not r:
        return []
    c = r["calibration"]
    lines = [
        "",
        f"Calibration split `{c['set']}` ({len(c['images'])} training photos held out of training for this purpose, "
        f"whole images: {', '.join(c['images'])}; bicubic {c['bicubic_psnr_y']:.3f} dB). Front = subnets no other subnet "
        "beats in both FLOPs and calibration PSNR-Y.",
        "",
        "| subnet | GFLOPs | calibration PSNR-Y | on the front |",
        "|---|---|---|---|",
    ]
    for i, s in enumerate(m["subnets"]):
        lines.append(f"| {s['name']} | {s['flops_per_patch'] / 1e9:.3f} | {c['psnr_y'][i]:.3f} | {'yes' if i in r['front'] else 'no'} |")
    lines += [
        "",
        "| routing on the calibration split | PSNR-Y | FLOPs % of the supernet |",
        "|---|---|---|",
        f"| Pareto front (default) | {c['pareto']['psnr_y']:.3f} | {100 * c['pareto']['flops_ratio']:.1f}% |",
        f"| literal order | {c['literal']['psnr_y']:.3f} | {100 * c['literal']['flops_ratio']:.1f}% |",
    ]
    arm = m.get("arm", {}).get("calibration")
    if arm:
        lines += [
            "",
            f"ARM: lookup table built on the calibration split's tiles; eta {arm['eta']:.4g} = the largest of the grid "
            f"2^(i/4) whose calibration FLOPs ({100 * arm['flops_ratio']:.1f}%) stay within the Pareto routing's "
            f"({100 * arm['flops_target']:.1f}%); its calibration PSNR-Y {arm['psnr_y']:.3f}.",
        ]
    return lines


def model_card(m: Dict[str, Any]) -> str:
    """MODEL_CARD.md text from a manifest."""
    p, t, v = m["provenance"], m["training"], m["validation"]
    rk = m["kind"]  # "wbsr" or "classsr": prefix of the routed-result keys
    lines = [f"# {m['title']}", ""]
    if m.get("test_fixture"):
        lines += [
            "**TEST FIXTURE.** Tiny widths, a few hundred steps: for the Java tests (parity, pipeline, CLI) only.",
            "Its outputs are barely better than bilinear; never ship or benchmark it.",
            "",
        ]
    if m["description"]:
        lines += [m["description"], ""]
    if rk == "classsr":
        what = [
            "## What it is",
            f"- Kind `classsr`, scale x{m['scale']}: ClassSR (Kong et al., CVPR 2021) on this project's backbone. A classifier "
            f"(`classifier.onnx`, {m['classsr']['classifier_flops_per_patch'] / 1e6:.1f} MFLOPs per 32x32 patch) picks one of "
            f"{len(m['subnets'])} independent SRResNet branches per 32x32 LR patch (argmax); partial border tiles are "
            "replicate-padded to 32x32 for the classifier.",
            f"- Training: stage 1 ({t['branch_fraction']:.0%} of the steps, its own cosine schedule) trains branch k on "
            "the k-th third of the training patches by complexity score; stage 2 (the rest, a fresh cosine schedule) trains "
            + (
                "the classifier with the branches fixed (ClassSR's `fix_SR_module`)"
                if t["branch_lr_scale"] == 0
                else f"classifier and branches jointly (branches at {t['branch_lr_scale']}x the LR)"
            )
            + f" on the softmax-mixed output with L1 + {t['class_weight']} Class-Loss + {t['average_weight']} Average-Loss "
            f"(ClassSR's 2000:1:6 rescaled; Average-Loss divided by (B/K)(K+1) as in ClassSR's code), "
            f"batch {t['batch']} of {t['lr_patch']}x{t['lr_patch']} LR patches, {t['optimizer']}.",
            "- Deviations from ClassSR: branch widths = the WBSR supernet's widths at its depth (not 36/52/64 x 16 blocks); "
            "stage-1 split by complexity terciles instead of the PSNR of a pretrained MSRResNet; both stages in one run at "
            "this project's step budget (the other bundles' number of steps) instead of separate long trainings.",
        ]
    else:
        what = [
            "## What it is",
            f"- Kind `{m['kind']}`, scale x{m['scale']}, {len(m['subnets'])} weight-sharing subnets of one slimmable "
            f"SRResNet supernet (MSRResNet-style: conv, residual blocks without BN, pixel shuffle, conv_hr, conv_last, "
            f"bilinear global residual). Subnet i uses the first `width` channels and `depth` blocks.",
            f"- Routing: 32x32 LR patches, score `{m['complexity']['score']}`, K = {m['complexity']['num_classes']} classes "
            f"(thresholds cut from the training patches). " + _routing_sentence(m) + f" Receptive field {m['receptive_field']} LR px.",
            f"- Training: sampling `{t['sampling']}`"
            + (f" (delta {t['hes_delta']}, class-level after {t['hes_switch']})" if t.get("hes_delta") else "")
            + f", loss `{t['loss']}`"
            + (
                f" (BMC {t['bmc_mode']}, weight {t['bd_weight']}, final sigma {t['final_sigma'] or float('nan'):.4f})"
                if t.get("bd_weight")
                else ""
            )
            + f", subnet schedule `{t['subnet_schedule']}` (largest + smallest + one random subnet per step), batch {t['batch']} "
            f"of {t['lr_patch']}x{t['lr_patch']} LR patches, {t['optimizer']}.",
            "- Why this size: widths x depths were chosen so that one run fits about an hour on the project's 2-core CPU "
            "(measured, torch 1.13, batch 16: one forward+backward of the 32x8 supernet takes 0.17 s at x2 and 0.58 s at x4 "
            "on an idle machine, a 3-subnet step 0.4 s / 1.2 s, and 2-4x more while other builds share the CPU); the paper's "
            "{36, 52, 64} x {4, 8, 16} costs about 5x more per step. See training/README.md, 'Choices'.",
        ]
        if m.get("test_fixture"):
            what.pop()
    lines += what + [
        f"- {p['iterations']} iterations, {p['wall_time_s'] / 3600:.2f} h on {p['machine']}, torch {p['torch_version']}, seed {p['seed']}.",
        "",
        "## Measured (PSNR-Y / SSIM-Y, BT.601 Y, shave = scale; whole-image inference)",
        "",
        "| subnet | GFLOPs / 32x32 LR patch | params | " + " | ".join(f"{s} PSNR-Y | {s} SSIM-Y" for s in v) + " |",
        "|---|---|---|" + "---|---|" * len(v),
    ]
    for i, s in enumerate(m["subnets"]):
        cells = " | ".join(f"{v[k]['subnets'][i]['psnr_y']:.3f} | {v[k]['subnets'][i]['ssim_y']:.4f}" for k in v)
        lines.append(f"| {s['name']} | {s['flops_per_patch'] / 1e9:.3f} | {s['params']} | {cells} |")
    lines.append("| bicubic | - | - | " + " | ".join(f"{v[k]['bicubic_psnr_y']:.3f} | - " for k in v) + "|")
    label = "ClassSR routing" if rk == "classsr" else "WBSR routing (literal order)"
    big = "widest branch" if rk == "classsr" else "supernet"
    lines += ["", f"| set | images | bicubic | {big} | {label} | routing FLOPs (% of {big}) |", "|---|---|---|---|---|---|"]
    for k, r in v.items():
        lines.append(
            f"| {k} | {r['images']} | {r['bicubic_psnr_y']:.3f} | {r['supernet_psnr_y']:.3f} | "
            f"{r[rk + '_psnr_y']:.3f} | {100 * r[rk + '_flops_ratio']:.1f}% |"
        )
    lines += _calibration_lines(m)
    if v.get("val-classic", {}).get("arm"):
        lines += [
            "",
            f"ARM routing on this network (table built on {m['arm'].get('built_on', 'val-photo')} tiles), Val-Classic:",
            "",
            "| eta | PSNR-Y | FLOPs % |",
            "|---|---|---|",
        ]
        for a in v["val-classic"]["arm"]:
            lines.append(f"| {a['eta']} | {a['psnr_y']:.3f} | {100 * a['flops_ratio']:.1f}% |")
    lines += [
        "",
        "Val-Photo: 11 LXQt wallpaper photographs + libjxl's flower, HR = 2x2 box-downscaled source, centre 512x512; "
        "Val-Classic: 5 scikit-image photos, box-downscaled, whole. LR = MATLAB bicubic.",
        "",
        "## Reproduce",
        "```",
        "/usr/bin/python3 -m training.wbsr.data            # fetch + prepare the Debian photo packages",
        p["command"],
        p["export_command"] or f"/usr/bin/python3 -m training.wbsr.export training/runs/{m['name']} --out models/{m['name']}",
        "```",
        f"Git commit at export: `{p['git_commit']}`. Data packages: "
        + ", ".join(f"{d['name']} {d['version']}" for d in p["data_packages"])
        + ".",
        "",
        "## Licence",
        f"Weights: {m['license']}. Trained on Debian wallpaper/photo packages whose photos are under CC-BY, CC-BY-SA and "
        "GPL-2+ terms (see each package's copyright file); the share-alike licence is the conservative choice.",
        "",
    ]
    return "\n".join(lines)
