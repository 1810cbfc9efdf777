"""``train.init_from``: an x4 supernet starts from an x2 run's weights where names and shapes match."""

from pathlib import Path

import pytest
import torch

from training.wbsr.nets import SlimmableSRResNet
from training.wbsr.train import init_from_checkpoint


def _checkpoint(tmp_path: Path, net: torch.nn.Module) -> Path:
    path = tmp_path / "final.pt"
    torch.save({"net": net.state_dict()}, path)
    return path


def test_x4_body_comes_from_the_x2_run_and_the_second_upsampler_keeps_its_init(tmp_path: Path) -> None:
    torch.manual_seed(0)
    x2 = SlimmableSRResNet(widths=(8, 16), depths=(1, 2), upscale=2)
    torch.manual_seed(1)
    x4 = SlimmableSRResNet(widths=(8, 16), depths=(1, 2), upscale=4)
    second_up = x4.upconvs[1].weight.detach().clone()

    copied, kept = init_from_checkpoint(x4, _checkpoint(tmp_path, x2), torch.device("cpu"))

    src = x2.state_dict()
    for name, value in x4.state_dict().items():
        if name in src:
            assert torch.equal(value, src[name]), name
    assert torch.equal(x4.upconvs[1].weight, second_up)
    assert kept == ["upconvs.1.bias", "upconvs.1.weight"]
    assert copied == len(src)


def test_a_checkpoint_of_other_widths_is_refused(tmp_path: Path) -> None:
    other = SlimmableSRResNet(widths=(4, 12), depths=(1, 2), upscale=2)
    net = SlimmableSRResNet(widths=(8, 16), depths=(1, 2), upscale=2)
    with pytest.raises(ValueError, match="does not match"):
        init_from_checkpoint(net, _checkpoint(tmp_path, other), torch.device("cpu"))
