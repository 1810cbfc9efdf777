"""Every shipped config parses and builds its network; the x2 ablations share everything but sampling/loss."""

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
