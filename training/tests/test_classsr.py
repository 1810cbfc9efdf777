import json

import torch

from training.wbsr import classsr, export, train
from training.wbsr.nets import ClassSRNet


def test_class_and_average_losses():
    one_hot = torch.tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    uniform = torch.full((3, 3), 1 / 3)
    assert float(classsr.class_loss(one_hot)) == -2.0  # the minimum
    assert float(classsr.class_loss(uniform)) == 0.0
    assert float(classsr.average_loss(one_hot)) == 0.0  # balanced over the batch
    assert float(classsr.average_loss(torch.tensor([[1.0, 0, 0]] * 3))) == 4.0


def test_mixed_output_is_the_softmax_mixture():
    net = ClassSRNet([4, 6], 1, 2)
    x = torch.rand(2, 3, 32, 32)
    out, p = net.mixed(x)
    ref = p[:, 0].view(-1, 1, 1, 1) * net(x, 4) + p[:, 1].view(-1, 1, 1, 1) * net(x, 6)
    torch.testing.assert_close(out, ref)


def test_train_both_stages_and_export(data_env, tmp_path):
    cfg = train.merge(train.merge(train.DEFAULTS, classsr.CLASSSR_DEFAULTS), {
        "name": "c", "scale": 2, "seed": 0,
        "network": {"type": "ClassSRNet", "widths": [4, 6, 8], "depth": 1, "upscale": 2},
        "data": {"patch": 32, "stride": 16, "batch": 4},
        "train": {"iterations": 4, "log_every": 1, "val_every": 4, "subnets": "full"},
    })
    run = tmp_path / "c"
    classsr.ClassSRTrainer(cfg, run, False, log=lambda m: None).run()
    log = (run / "log.csv").read_text().splitlines()
    assert log[0] == "iteration,wall_time_s,lr,loss,l1,class,average,sigma"
    assert log[1].split(",")[5] == "" and log[4].split(",")[5] != ""  # stage 1 then stage 2
    m = export.export_run(run, tmp_path / "b", parity_shape=(2, 3, 16, 16))
    assert m["kind"] == "classsr" and "arm" not in m
    assert m["classsr"]["classifier_file"] == "classifier.onnx" and (tmp_path / "b" / "classifier.onnx").exists()
    assert "classsr_psnr_y" in m["validation"]["val-photo"]
    par = json.loads((tmp_path / "b" / "parity.json").read_text())
    assert par["input"]["shape"] == [2, 3, 32, 32] and par["classifier_logits"]["shape"] == [2, 3]
