import pytest

from training.wbsr.flops import classifier_flops, count_flops, srresnet_flops
from training.wbsr.nets import SRResNet


@pytest.mark.parametrize("width,gflops", [(64, 5.19), (52, 3.44), (36, 1.66)])
def test_srresnet_x4_reproduces_paper_flops(width, gflops):
    assert round(srresnet_flops(width, 16, 4) / 1e9, 2) == gflops


@pytest.mark.parametrize("width,depth,scale", [(8, 2, 2), (12, 3, 4), (64, 16, 4)])
def test_hook_counter_agrees_with_formula(width, depth, scale):
    assert count_flops(SRResNet(width, depth, scale)) == pytest.approx(srresnet_flops(width, depth, scale))


def test_classifier_flops_small():
    assert 0 < classifier_flops() < 0.01e9
