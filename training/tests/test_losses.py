import math

import pytest
import torch
import torch.nn.functional as F

from training.wbsr.losses import BMCLoss, SRLoss, bmc_loss, bmc_pixel_loss, l1_loss


def _direct_bmc(pred, target, var):
    """-log N(y_i; yhat_i, var) + log mean_j N(y_j; yhat_i, var), times 2 var (Balanced MSE, BMC)."""
    b = pred.shape[0]
    p, t = pred.reshape(b, -1).double(), target.reshape(b, -1).double()
    d = p.shape[1]
    total = 0.0
    for i in range(b):
        e = [-float(((p[i] - t[j]) ** 2).sum()) / d / (2 * var) for j in range(b)]
        m = max(e)
        total += -(e[i] - (m + math.log(sum(math.exp(x - m) for x in e))))
    return total / b * 2 * var


def test_bmc_matches_direct_formula():
    torch.manual_seed(0)
    pred, target = torch.rand(5, 3, 4, 4), torch.rand(5, 3, 4, 4)
    for var in (0.01, 0.1):
        got = float(bmc_loss(pred, target, torch.tensor(var)))
        assert got == pytest.approx(_direct_bmc(pred, target, var), rel=1e-5)


def test_bmc_pixel_matches_direct_formula():
    torch.manual_seed(1)
    pred, target = torch.rand(4, 3, 2, 3), torch.rand(4, 3, 2, 3)
    var = 0.05
    expected = []
    for h in range(2):
        for w in range(3):
            expected.append(_direct_bmc(pred[:, :, h, w], target[:, :, h, w], var))
    got = float(bmc_pixel_loss(pred, target, torch.tensor(var)))
    assert got == pytest.approx(sum(expected) / len(expected), rel=1e-5)


@pytest.mark.parametrize("mode", ["pixel", "patch"])
def test_sigma_receives_gradient(mode):
    torch.manual_seed(0)
    loss = BMCLoss(init_sigma=0.3, mode=mode)
    pred = torch.rand(6, 3, 8, 8, requires_grad=True)
    loss(pred, torch.rand(6, 3, 8, 8)).backward()
    assert loss.noise_sigma.grad is not None and loss.noise_sigma.grad.abs() > 0
    assert pred.grad.abs().sum() > 0


def test_srloss_kinds():
    pred, target = torch.rand(4, 3, 8, 8), torch.rand(4, 3, 8, 8)
    assert set(SRLoss("l1")(pred, target)) == {"l1", "loss"}
    assert set(SRLoss("bdloss")(pred, target)) == {"bmc", "loss"}
    out = SRLoss("bdloss+l1", bd_weight=2.0)(pred, target)
    assert float(out["loss"]) == pytest.approx(float(out["l1"] + out["bmc"]))
    with pytest.raises(ValueError):
        SRLoss("l2")
    with pytest.raises(ValueError):
        l1_loss(pred, target, reduction="max")
    assert float(l1_loss(pred, target)) == pytest.approx(float(F.l1_loss(pred, target)))
