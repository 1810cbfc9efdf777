"""Registries build losses, samplers, networks and trainers from ``{type: ...}``; configs reject
unknown keys with a message that names them; old ``kind:`` configs keep loading."""

from pathlib import Path

import numpy as np
import pytest

from training.wbsr import classsr, train
from training.wbsr.config import ConfigError
from training.wbsr.losses import LOSSES, SRLoss, build_loss
from training.wbsr.nets import NETS, SlimmableSRResNet
from training.wbsr.registry import Registry, type_of
from training.wbsr.sampling import SAMPLERS, HESSampler, UniformSampler, build_sampler

pytest.importorskip("yaml")
CONFIGS = Path(__file__).resolve().parents[1] / "configs"


def test_type_or_kind_names_the_entry():
    assert type_of({"type": "hes"}) == "hes" and type_of({"kind": "hes"}) == "hes"
    with pytest.raises(ValueError, match="both"):
        type_of({"type": "a", "kind": "b"})
    with pytest.raises(ValueError, match="needs a 'type'"):
        type_of({"delta": 0.8}, "sampling")


def test_registries_build_and_know_their_keys():
    scores, th = np.linspace(0, 1, 100), list(np.linspace(0.1, 0.9, 9))
    assert isinstance(build_sampler({"type": "uniform"}, scores, th), UniformSampler)
    hes = build_sampler({"kind": "hes", "delta": 0.6}, scores, th)
    assert isinstance(hes, HESSampler) and hes.delta == 0.6 and hes.switch == 0.7
    assert SAMPLERS.entries["hes"].keys == {"delta", "switch"} and SAMPLERS.entries["uniform"].keys == set()
    loss = build_loss({"type": "bdloss+l1", "bd_weight": 2.0, "log_sigma": True})
    assert isinstance(loss, SRLoss) and loss.kind == "bdloss+l1" and loss.bmc.use_log
    assert "bank" in LOSSES.entries["l1"].keys and "kind" not in LOSSES.entries["l1"].keys
    assert NETS.entries["SlimmableSRResNet"].keys == {"widths", "depths", "upscale"}
    assert isinstance(NETS.build({"type": "SlimmableSRResNet", "widths": [4], "depths": [1]}), SlimmableSRResNet)
    with pytest.raises(ValueError, match="unknown loss type 'l2'; known: bdloss, bdloss\\+l1, l1"):
        build_loss({"type": "l2"})
    reg = Registry("thing")
    reg.add("a", lambda x=1: x)
    with pytest.raises(ValueError, match="twice"):
        reg.add("a", lambda x=1: x)


def test_trainers_are_registered_and_picked_by_the_config():
    assert train.trainer_class("wbsr") is train.Trainer and train.trainer_class("classsr") is classsr.ClassSRTrainer
    cfg = train.build_config(CONFIGS / "classsr-x2.yml", [])
    assert cfg["trainer"] == {"type": "classsr"} and cfg["train"]["branch_fraction"] == 0.75
    assert train.build_config(CONFIGS / "wbsr-x2.yml", [])["trainer"] == {"type": "wbsr"}
    with pytest.raises(ConfigError, match="train.branch_fraction"):  # a ClassSR key in a WBSR run
        train.build_config(CONFIGS / "wbsr-x2.yml", ["train.branch_fraction=0.5"])


@pytest.mark.parametrize(
    "override,message",
    [
        (
            "train.iteratons=5",
            "unknown config key train.iteratons; check the YAML and every --set (did you mean train.iteratons -> train.iterations?)",
        ),
        ("loss.bd_wieght=2", "loss.bd_wieght -> loss.bd_weight?"),
        ("sampling.delta=0.6", "unknown config key sampling.delta"),  # uniform sampling has no delta
        ("network.width=[4]", "network.width -> network.widths?"),
        ("trian.lr=1", "unknown config key trian"),
        ("loss.kind=l2", "unknown loss type 'l2'"),
    ],
)
def test_unknown_keys_are_rejected_with_their_name(override, message):
    with pytest.raises(ConfigError) as e:
        train.build_config(CONFIGS / "base-x2.yml", [override])
    assert str(CONFIGS / "base-x2.yml") in str(e.value) and message in str(e.value)


def test_main_prints_one_sentence_for_a_typo(tmp_path, capsys):
    assert train.main(["-c", str(CONFIGS / "base-x2.yml"), "--runs", str(tmp_path), "--set", "train.iteratons=5"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "train.iteratons" in err and not list(tmp_path.iterdir())


def test_old_kind_configs_load_unchanged():
    for path in sorted(CONFIGS.glob("*.yml")):
        cfg = train.build_config(path, [])
        raw = train.load_config(path)
        assert cfg["loss"] == raw["loss"] and cfg["sampling"] == raw["sampling"]  # sections not padded with other types' keys
        assert cfg["network"] == raw["network"]


def test_missing_name_is_reported(tmp_path):
    p = tmp_path / "c.json"
    p.write_text('{"scale": 2, "network": {"type": "SlimmableSRResNet"}}')
    with pytest.raises(ConfigError, match="no name"):
        train.build_config(p, [])
