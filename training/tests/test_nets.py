import torch

from training.wbsr.nets import ClassSRClassifier, SlimmableSRResNet, SRResNet, build_net, count_params, receptive_field


def test_shapes():
    for s in (2, 4):
        assert SRResNet(8, 2, s)(torch.rand(2, 3, 16, 12)).shape == (2, 3, 16 * s, 12 * s)
    assert ClassSRClassifier()(torch.rand(5, 3, 32, 32)).shape == (5, 3)


def test_subnets_sorted_by_cost_and_complete():
    net = SlimmableSRResNet([4, 6, 8], [1, 2, 3], 2)
    cfgs = net.subnet_configs()
    assert len(cfgs) == 9 and cfgs[0] == (4, 1) and cfgs[-1] == (8, 3)


def test_extracted_subnet_equals_sliced_supernet():
    torch.manual_seed(0)
    for scale in (2, 4):
        net = SlimmableSRResNet([4, 6, 8], [1, 2, 3], scale)
        for p in net.parameters():  # make every weight matter
            p.data.normal_(0, 0.1)
        x = torch.rand(2, 3, 11, 9)
        for w, d in net.subnet_configs():
            sub = net.extract(w, d)
            assert count_params(sub) < count_params(net) or (w, d) == (8, 3)
            torch.testing.assert_close(sub(x), net(x, w, d), rtol=0, atol=1e-6)


def test_build_net_from_config():
    net = build_net({"type": "SlimmableSRResNet", "widths": [4, 8], "depths": [1, 2], "upscale": 4})
    assert isinstance(net, SlimmableSRResNet) and net.upscale == 4


def test_receptive_field_bounds_what_an_output_pixel_sees():
    torch.manual_seed(0)
    net = SRResNet(4, 2, 2)
    for p in net.parameters():
        p.data.normal_(0, 0.3)
    r = receptive_field(2, 2)
    x = torch.rand(1, 3, 31, 31)
    y0 = net(x)
    x2 = x.clone()
    x2[:, :, :, 15 + r + 1 :] = 0  # change only pixels farther than r to the right of column 15
    y1 = net(x2)
    assert torch.equal(y0[..., 30:32], y1[..., 30:32])  # HR columns of LR column 15
