"""The recipe study's knobs (issue 11 item 4): every line of the study's list files trains a few
steps (on a tiny net), and each knob does what it says."""

import shlex
from pathlib import Path

import pytest
import torch

from training.wbsr import train
from training.wbsr.losses import BMCLoss, MemoryBank, SRLoss
from training.wbsr.nets import build_net

pytest.importorskip("yaml")
ROOT = Path(__file__).resolve().parents[2]
TINY = [
    "threads=1",
    "network.widths=[4,6]",
    "network.depths=[1,2]",
    "data.batch=4",
    "data.stride=32",
    "train.iterations=5",
    "train.log_every=1",
    "train.val_every=5",
    "train.checkpoint_every_s=0",
    "val.limit=1",
]


def study_lines():
    for path in sorted((ROOT / "training" / "study").glob("*.txt")):
        for line in path.read_text().splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                name, cfg, *sets = shlex.split(line)
                yield pytest.param(name, cfg, sets, id=f"{path.stem}:{name}")


@pytest.mark.parametrize("name,cfg,sets", list(study_lines()))
def test_study_line_trains(data_env, tmp_path, name, cfg, sets):
    init = [kv for kv in sets if kv.startswith("train.init_from=")]
    if init:
        # a line that starts from a trained run's weights: they exist and fit the line's full-size
        # network; the tiny net below trains from scratch (its shape cannot take them)
        full = train.build_config(ROOT / cfg, [f"name={name}", *sets])
        path = ROOT / full["train"]["init_from"]
        assert path.exists(), path
        copied, _ = train.init_from_checkpoint(build_net(full["network"]), path, torch.device("cpu"))
        assert copied > 0
        sets = [kv for kv in sets if kv not in init]
    c = train.build_config(ROOT / cfg, [f"name={name}", *sets, *TINY])
    run = tmp_path / name
    train.Trainer(c, run, False, log=lambda m: None).run()
    assert (run / "final.pt").exists()
    header = (run / "log.csv").read_text().splitlines()[0]
    assert ("distill" in header) == bool(c["train"]["distill_weight"])


def _trainer(tmp_path, *sets):
    c = train.build_config(ROOT / "training/configs/wbsr-x2.yml", [*TINY, *sets])
    return train.Trainer(c, tmp_path, False, log=lambda m: None)


def test_distillation_adds_a_term_for_the_smaller_subnets_only(data_env, tmp_path):
    t = _trainer(tmp_path, "train.distill_weight=0.5")
    sums = t.step()
    # sandwich: largest (teacher, no term) + smallest + one middle -> distill summed over two subnets
    assert sums["distill"] > 0
    assert sums["loss"] == pytest.approx(sums["l1"] + sums["bmc"] + 0.5 * sums["distill"], rel=1e-5)


def test_bdloss_only_in_hes_phase(data_env, tmp_path):
    t = _trainer(tmp_path, "loss.bd_phase=hes", "sampling.switch=0.5")
    assert "bmc" not in t.step()  # progress 0: sample-level phase
    t.iteration = 3  # progress 0.6: class-level phase
    assert "bmc" in t.step()
    with pytest.raises(ValueError, match="bd_phase"):
        _trainer(tmp_path / "u", "loss.bd_phase=hes", "sampling={kind: uniform}")


def test_log_sigma_is_the_learned_parameter_at_its_own_lr(data_env, tmp_path):
    t = _trainer(tmp_path, "loss.log_sigma=true", "train.sigma_lr=1.0e-3")
    group = next(g for g in t.opt.param_groups if g["name"] == "sigma")
    assert group["lr"] == 1e-3 and group["params"][0] is t.loss.bmc.log_sigma
    assert t.loss.sigma() == pytest.approx(0.1)
    t.step()
    # Adam's first step moves log sigma by about lr: sigma changes by ~0.1 %, not 10 %
    assert abs(t.loss.sigma() / 0.1 - 1) < 2e-3


def test_log_sigma_gives_the_same_loss_as_sigma():
    torch.manual_seed(0)
    pred, target = torch.rand(4, 3, 6, 6), torch.rand(4, 3, 6, 6)
    for mode in ("pixel", "patch"):
        a, b = BMCLoss(0.2, 1.0, mode), BMCLoss(0.2, 1.0, mode, log_sigma=True)
        assert float(a(pred, target)) == pytest.approx(float(b(pred, target)), rel=1e-5)


def test_memory_bank_is_fifo_and_joins_the_monte_carlo_sample():
    bank = MemoryBank(5)
    x = torch.arange(4.0).view(4, 1, 1, 1)
    assert bank.sample(x) is x
    bank.push(x)
    bank.push(x + 10)
    assert bank.items.flatten().tolist() == [3.0, 10.0, 11.0, 12.0, 13.0]
    assert bank.sample(x).flatten().tolist() == [0.0, 1.0, 2.0, 3.0, 3.0, 10.0, 11.0, 12.0, 13.0]
    # a larger sample of far-away targets changes the loss; state survives a state_dict round trip
    loss = SRLoss("bdloss", bmc_mode="patch", bank=8, init_sigma=0.3)
    pred, target = torch.rand(4, 3, 4, 4), torch.rand(4, 3, 4, 4)
    before = float(loss(pred, target)["loss"])
    loss.remember(torch.rand(8, 3, 4, 4))
    assert float(loss(pred, target)["loss"]) != pytest.approx(before)
    again = SRLoss("bdloss", bmc_mode="patch", bank=8, init_sigma=0.3)
    again.load_state_dict(loss.state_dict())
    assert torch.equal(again.bmc.bank.items, loss.bmc.bank.items)
    with pytest.raises(ValueError, match="patch"):
        SRLoss("bdloss", bank=8)


def test_hes_delta_and_switch_reach_the_sampler(data_env, tmp_path):
    t = _trainer(tmp_path, "sampling.delta=0.6", "sampling.switch=0.4")
    assert t.sampler.delta == 0.6 and t.sampler.switch == 0.4
    assert not t.sampler.class_level(0.39) and t.sampler.class_level(0.4)
