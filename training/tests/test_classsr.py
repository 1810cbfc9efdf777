import json

import numpy as np
import torch

from training.wbsr import classsr, export, train
from training.wbsr.nets import ClassSRNet


def _cfg(**train_settings) -> dict:
    """A tiny ClassSR run: three 1-block branches, batch 4."""
    return train.merge(
        train.merge(train.DEFAULTS, classsr.CLASSSR_DEFAULTS),
        {
            "name": "c",
            "scale": 2,
            "seed": 0,
            "network": {"type": "ClassSRNet", "widths": [4, 6, 8], "depth": 1, "upscale": 2},
            "data": {"patch": 32, "stride": 16, "batch": 4},
            "train": {"subnets": "full", **train_settings},
        },
    )


def test_class_and_average_losses():
    one_hot = torch.tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    uniform = torch.full((3, 3), 1 / 3)
    assert float(classsr.class_loss(one_hot)) == -2.0  # the minimum
    assert float(classsr.class_loss(uniform)) == 0.0
    assert float(classsr.average_loss(one_hot)) == 0.0  # balanced over the batch
    # all on one branch: (|3 - 1| + 1 + 1) / ((B / K) (K + 1)) = 4 / 4, as in ClassSR's code
    assert float(classsr.average_loss(torch.tensor([[1.0, 0, 0]] * 3))) == 1.0


def test_mixed_output_is_the_softmax_mixture():
    net = ClassSRNet([4, 6], 1, 2)
    x = torch.rand(2, 3, 32, 32)
    out, p = net.mixed(x)
    ref = p[:, 0].view(-1, 1, 1, 1) * net(x, 4) + p[:, 1].view(-1, 1, 1, 1) * net(x, 6)
    torch.testing.assert_close(out, ref)


def test_train_both_stages_and_export(data_env, tmp_path):
    run = tmp_path / "c"
    classsr.ClassSRTrainer(_cfg(iterations=4, log_every=1, val_every=4), run, False, log=lambda m: None).run()
    log = (run / "log.csv").read_text().splitlines()
    assert log[0] == "iteration,wall_time_s,lr,loss,l1,class,average,sigma"
    assert log[1].split(",")[5] == "" and log[4].split(",")[5] != ""  # stage 1 then stage 2
    m = export.export_run(run, tmp_path / "b", parity_shape=(2, 3, 16, 16))
    assert m["kind"] == "classsr" and "arm" not in m
    assert m["classsr"]["classifier_file"] == "classifier.onnx" and (tmp_path / "b" / "classifier.onnx").exists()
    assert "classsr_psnr_y" in m["validation"]["val-photo"]
    par = json.loads((tmp_path / "b" / "parity.json").read_text())
    assert par["input"]["shape"] == [2, 3, 32, 32] and par["classifier_logits"]["shape"] == [2, 3]


def test_each_stage_anneals_on_its_own_schedule():
    tc = {"branch_fraction": 0.75, "lr": 1e-3, "min_lr": 1e-6}
    assert classsr.stage_lr(0, 400, tc) == (1, 1e-3)
    assert classsr.stage_lr(299, 400, tc)[0] == 1 and classsr.stage_lr(299, 400, tc)[1] < 1e-5
    assert classsr.stage_lr(300, 400, tc) == (2, 1e-3)  # the classifier starts at the full LR
    assert classsr.stage_lr(399, 400, tc)[1] < 2e-6


def _trainer(data_env, tmp_path, branch_lr_scale: float) -> classsr.ClassSRTrainer:
    cfg = _cfg(iterations=6, branch_fraction=0.5, branch_lr_scale=branch_lr_scale)
    return classsr.ClassSRTrainer(cfg, tmp_path / "c", False, log=lambda m: None)


def _params(module: torch.nn.Module) -> list:
    return [p.detach().clone() for p in module.parameters()]


def _changed(before: list, module: torch.nn.Module) -> bool:
    return any(not torch.equal(a, b) for a, b in zip(before, module.parameters()))


def test_stage_two_fixes_the_branches_and_trains_the_classifier(data_env, tmp_path):
    # The first classsr-x2 run trained its branches on the soft mixture and its widest branch
    # fell below bicubic on its own: stage 2 must leave the branches as stage 1 made them.
    t = _trainer(data_env, tmp_path, 0.0)
    cls0 = _params(t.net.classifier)
    for _ in range(3):
        t.step()
    assert not _changed(cls0, t.net.classifier)  # stage 1 leaves the classifier alone
    assert torch.load(tmp_path / "c" / "checkpoints" / "stage1.pt")["iteration"] == 3  # stage 2 can rerun alone
    branches, cls = _params(t.net.branches), _params(t.net.classifier)
    for _ in range(3):
        assert "class" in t.step()
    assert not _changed(branches, t.net.branches)
    assert _changed(cls, t.net.classifier)


def test_a_positive_branch_lr_scale_fine_tunes_the_branches_jointly(data_env, tmp_path):
    t = _trainer(data_env, tmp_path, 0.1)
    for _ in range(3):
        t.step()
    branches = _params(t.net.branches)
    t.step()
    assert _changed(branches, t.net.branches)
    assert [g["lr"] for g in t.opt.param_groups if g["name"] == "branches"][0] == 0.1 * [
        g["lr"] for g in t.opt.param_groups if g["name"] == "classifier"
    ][0]


def test_tercile_routing_sends_each_third_to_the_branch_trained_on_it():
    from training.wbsr.classsr_check import tercile_router
    from training.wbsr.evaluate import Tile

    cuts = classsr.tercile_cuts(np.arange(9, dtype=float))
    assert cuts == [8 / 3, 16 / 3]
    tiles = [Tile(0, 0, 32, 32, s, 0, 0.0) for s in (0.0, 2.0, 3.0, 5.0, 6.0, 8.0)]
    assert tercile_router(cuts)(np.zeros((32, 32, 3)), tiles) == [0, 0, 1, 1, 2, 2]


def test_both_stages_run_under_bf16_autocast(data_env, tmp_path):
    """v2's ``train.amp: bf16`` reaches the ClassSR trainer: the branches' and the classifier's
    convolutions run in bfloat16 in both stages, the losses stay float32 and finite."""
    t = classsr.ClassSRTrainer(_cfg(iterations=4, amp="bf16"), tmp_path / "c", False, log=lambda m: None)
    seen = {"branches": set(), "classifier": set()}
    for part in seen:
        for m in getattr(t.net, part).modules():
            if isinstance(m, torch.nn.Conv2d):
                m.register_forward_hook(lambda mod, inp, out, part=part: seen[part].add(out.dtype))
    sums = [t.step() for _ in range(4)]
    assert "class" not in sums[0] and "class" in sums[3]  # stage 1 then stage 2
    assert all(np.isfinite(v) for s in sums for v in s.values())
    assert seen == {"branches": {torch.bfloat16}, "classifier": {torch.bfloat16}}
