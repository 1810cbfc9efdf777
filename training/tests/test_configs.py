"""Every shipped config parses and builds its network; the x2 ablations share everything but sampling/loss."""

import json
from pathlib import Path

import pytest

from training.wbsr import train
from training.wbsr.nets import build_net

pytest.importorskip("yaml")
ROOT = Path(__file__).resolve().parents[1] / "configs"
CONFIGS = sorted(ROOT.glob("**/*.yml"))
# v1's shipped recipes and the v2 recipes of issue 12 (training/configs/v2/), each ablation set on its own
GENERATIONS = [ROOT, ROOT / "v2"]


@pytest.mark.parametrize("path", CONFIGS, ids=lambda p: p.stem)
def test_config_builds(path):
    cfg = train.build_config(path, [])
    assert cfg["name"] == path.stem
    net = build_net(cfg["network"])
    assert net.upscale == cfg["scale"]


@pytest.mark.parametrize("folder", GENERATIONS, ids=lambda p: p.name)
def test_x2_ablations_share_backbone_data_seed_schedule(folder):
    cfgs = {n: train.build_config(folder / f"{n}.yml", []) for n in ("wbsr-x2", "base-x2", "hes-x2", "bd-x2")}
    for key in ("network", "data", "seed", "scale"):
        assert len({repr(c[key]) for c in cfgs.values()}) == 1, key
    for key in ("iterations", "lr", "subnets", "min_lr", "amp"):
        assert len({repr(c["train"][key]) for c in cfgs.values()}) == 1, key
    assert cfgs["base-x2"]["sampling"]["kind"] == "uniform" and cfgs["base-x2"]["loss"]["kind"] == "l1"
    assert cfgs["hes-x2"]["sampling"] == cfgs["wbsr-x2"]["sampling"] and cfgs["hes-x2"]["loss"]["kind"] == "l1"
    assert cfgs["bd-x2"]["loss"] == cfgs["wbsr-x2"]["loss"] and cfgs["bd-x2"]["sampling"]["kind"] == "uniform"


def test_x4_ablations_share_backbone_data_seed_schedule():
    cfgs = {n: train.build_config(ROOT / f"{n}.yml", []) for n in ("wbsr-x4", "base-x4", "hes-x4", "bd-x4")}
    for key in ("network", "data", "seed", "scale"):
        assert len({repr(c[key]) for c in cfgs.values()}) == 1, key
    for key in ("iterations", "lr", "subnets", "min_lr", "sigma_lr"):
        assert len({repr(c["train"][key]) for c in cfgs.values()}) == 1, key
    assert cfgs["hes-x4"]["sampling"] == cfgs["wbsr-x4"]["sampling"] and cfgs["hes-x4"]["loss"] == cfgs["base-x4"]["loss"]
    assert cfgs["bd-x4"]["loss"] == cfgs["wbsr-x4"]["loss"] and cfgs["bd-x4"]["sampling"] == cfgs["base-x4"]["sampling"]


def test_tiny_v2_fixture_config_keeps_the_v2_shape():
    """training/configs/tiny-v2-x2.yml makes the Java tests' v2 fixture (issue 12): v2's subnet grid
    (as many widths, the same depths), bf16 autocast, sampling and loss, at tiny widths."""
    tiny = train.build_config(ROOT / "tiny-v2-x2.yml", [])
    v2 = train.build_config(ROOT / "v2" / "wbsr-x2.yml", [])
    tn, vn = tiny["network"], v2["network"]
    assert (tn["type"], tn["upscale"], tiny["scale"]) == (vn["type"], vn["upscale"], v2["scale"])
    assert len(tn["widths"]) == len(vn["widths"]) and tn["depths"] == vn["depths"]
    assert max(tn["widths"]) < min(vn["widths"])
    assert tiny["train"]["amp"] == v2["train"]["amp"] == "bf16"
    assert tiny["train"]["subnets"] == v2["train"]["subnets"]
    assert tiny["sampling"] == v2["sampling"] and tiny["loss"] == v2["loss"]


def test_tiny_v2_fixture_bundle_is_what_its_config_makes():
    """The committed fixture has the config's subnets (widths x depths, cheapest first), format 2 with
    a Pareto front, and names the config in its provenance."""
    bundle = Path(__file__).resolve().parents[2] / "src/test/resources/bundles/tiny-v2-x2"
    m = json.loads((bundle / "manifest.json").read_text())
    net = train.build_config(ROOT / "tiny-v2-x2.yml", [])["network"]
    assert m["format_version"] >= 2 and m["test_fixture"] is True
    assert sorted((s["width"], s["depth"]) for s in m["subnets"]) == sorted((w, d) for w in net["widths"] for d in net["depths"])
    flops = [s["flops_per_patch"] for s in m["subnets"]]
    assert flops == sorted(flops) and m["supernet"] == len(flops) - 1
    front = m["routing"]["front"]
    assert front and front == sorted(front) and set(front) <= set(range(len(flops)))
    assert len(m["routing"]["calibration"]["psnr_y"]) == len(flops)
    assert "training/configs/tiny-v2-x2.yml" in m["provenance"]["command"]
    assert m["provenance"]["config"]["train"]["amp"] == "bf16"
