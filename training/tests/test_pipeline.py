"""End to end on synthetic data: train a tiny supernet a few steps, resume, evaluate, export a bundle."""

import base64
import json

import numpy as np
import onnx
import pytest
import torch

from training.wbsr import export, train
from training.wbsr.evaluate import arm_route, evaluate_run
from training.wbsr.nets import SRResNet

CFG = {
    "name": "t",
    "scale": 2,
    "seed": 0,
    "network": {"type": "SlimmableSRResNet", "widths": [4, 6], "depths": [1, 2], "upscale": 2},
    "data": {"patch": 32, "stride": 16, "batch": 4},
    "sampling": {"kind": "hes", "delta": 0.8, "switch": 0.5},
    "loss": {"kind": "bdloss+l1", "bd_weight": 20.0},
    "train": {"iterations": 6, "log_every": 2, "val_every": 3, "checkpoint_every_s": 0},
    "val": {"set": "val-photo"},
}


def _train(tmp_path, iterations, resume, scale=2, stop_at=None):
    cfg = train.merge(train.DEFAULTS, json.loads(json.dumps(CFG)))
    cfg["train"]["iterations"] = iterations
    cfg["scale"] = cfg["network"]["upscale"] = scale
    cfg["name"] = f"t{scale}"
    run = tmp_path / cfg["name"]
    train.Trainer(cfg, run, resume, log=lambda m: None).run(stop_at)
    return run


def test_train_resume_is_deterministic(data_env, tmp_path):
    a = _train(tmp_path / "a", 6, False)
    b = _train(tmp_path / "b", 6, False, stop_at=3)
    assert not (b / "final.pt").exists()
    b = _train(tmp_path / "b", 6, True)
    sa, sb = torch.load(a / "final.pt"), torch.load(b / "final.pt")
    for k in sa["net"]:
        torch.testing.assert_close(sa["net"][k], sb["net"][k], rtol=0, atol=1e-6)
    log = (a / "log.csv").read_text().splitlines()
    assert log[0].startswith("iteration") and len(log) == 4
    its = [int(x.split(",")[0]) for x in (b / "log.csv").read_text().splitlines()[1:]]
    assert its == sorted(set(its))  # resuming does not duplicate rows
    val = (a / "val.csv").read_text().splitlines()
    assert len(val) == 3 and val[0].count(",") == 2 + 3  # 4 subnets


@pytest.mark.parametrize("scale", [2, 4])
def test_export_bundle(data_env, tmp_path, scale):
    run = _train(tmp_path, 4, False, scale)
    out = tmp_path / "bundle"
    m = export.export_run(run, out, parity_shape=(2, 3, 12, 10), test_fixture=True)
    assert m["format"] == "wbsr-bundle" and m["format_version"] == 2 and m["scale"] == scale
    flops = [s["flops_per_patch"] for s in m["subnets"]]
    assert flops == sorted(flops) and m["supernet"] == len(flops) - 1
    assert len(m["complexity"]["thresholds"]) == 9
    assert len(m["arm"]["bin_edges"]) == 31 and len(m["arm"]["psnr_y"]) == 30
    assert set(m["validation"]) == {"val-photo", "val-classic"}
    for s in m["subnets"]:
        model = onnx.load(str(out / s["file"]))
        assert model.opset_import[0].version >= 13
        assert [i.name for i in model.graph.input] == ["lr"] and [o.name for o in model.graph.output] == ["sr"]
    par = json.loads((out / "parity.json").read_text())
    x = np.frombuffer(base64.b64decode(par["input"]["data_b64"]), "<f4").reshape(par["input"]["shape"])
    assert x.shape == (2, 3, 12, 10)
    assert len(par["outputs"]) == len(m["subnets"])
    # the parity outputs are what the plain subnet computes
    last = m["subnets"][-1]
    net = SRResNet(last["width"], last["depth"], scale)
    st = torch.load(run / "final.pt")["net"]
    net.load_state_dict({k: v for k, v in st.items()})
    y = np.frombuffer(base64.b64decode(par["outputs"][-1]["data_b64"]), "<f4").reshape(par["outputs"][-1]["shape"])
    np.testing.assert_allclose(net.eval()(torch.from_numpy(x.copy())).detach().numpy(), y, atol=1e-6)
    assert "TEST FIXTURE" in (out / "MODEL_CARD.md").read_text()


def test_evaluate_run_and_arm_route(data_env, tmp_path):
    run = _train(tmp_path, 2, False)
    res = evaluate_run(run, ssim=False)
    vp = res["sets"]["val-photo"]
    assert len(vp["subnets"]) == 4 and 0 < vp["wbsr_flops_ratio"] <= 1.0
    table = res["arm_table"]
    flops = res["flops"]
    assert arm_route(0.0, table, flops, 0.0) == 0  # no quality weight: the cheapest
    assert len(res["sets"]["val-classic"]["arm"]) == 7


def _train_v2(run, scale, init_from=None):
    """The v2 shape at tiny size: 2 widths x 3 depths (6 subnets), bf16 autocast, x4 from the x2 weights."""
    cfg = train.merge(train.DEFAULTS, json.loads(json.dumps(CFG)))
    cfg["network"].update({"widths": [4, 8], "depths": [1, 2, 3], "upscale": scale})
    cfg["scale"], cfg["name"] = scale, f"v2t{scale}"
    cfg["train"].update({"iterations": 2, "val_every": 2, "amp": "bf16", "init_from": init_from})
    train.Trainer(cfg, run, False, log=lambda m: None).run(None)
    return run


def test_v2_shape_trains_exports_and_starts_x4_from_x2(data_env, tmp_path):
    x2 = _train_v2(tmp_path / "x2", 2)
    x4 = _train_v2(tmp_path / "x4", 4, init_from=str(x2 / "final.pt"))
    s2, s4 = torch.load(x2 / "final.pt")["net"], torch.load(x4 / "final.pt")["net"]
    assert s2.keys() <= s4.keys() and len(s4) > len(s2)  # x4 has a second upsampling conv
    assert (x4 / "val.csv").read_text().splitlines()[0].count(",") == 1 + 6
    for run, scale in ((x2, 2), (x4, 4)):
        out = tmp_path / f"bundle{scale}"
        m = export.export_run(run, out, parity_shape=(1, 3, 10, 12), test_fixture=True)
        names = [s["name"] for s in m["subnets"]]
        assert len(names) == 6 and {s["width"] for s in m["subnets"]} == {4, 8} and m["supernet"] == names.index("w8-d3")
        assert m["scale"] == scale
        card = (out / "MODEL_CARD.md").read_text()
        assert all(n in card for n in names)
        par = json.loads((out / "parity.json").read_text())
        x = np.frombuffer(base64.b64decode(par["input"]["data_b64"]), "<f4").reshape(par["input"]["shape"])
        assert len(par["outputs"]) == 6
        top, o = m["subnets"][m["supernet"]], par["outputs"][m["supernet"]]  # the full-width net loads the checkpoint as is
        net = SRResNet(top["width"], top["depth"], scale)
        net.load_state_dict(torch.load(run / "final.pt")["net"])
        y = np.frombuffer(base64.b64decode(o["data_b64"]), "<f4").reshape(o["shape"])
        np.testing.assert_allclose(net.eval()(torch.from_numpy(x.copy())).detach().numpy(), y, atol=1e-5)
