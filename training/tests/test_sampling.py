import numpy as np
import pytest

from training.wbsr.sampling import HESSampler, UniformSampler, class_probabilities


def test_equal_classes_follow_delta_power():
    p = class_probabilities([100] * 10, 0.8)
    assert p.sum() == pytest.approx(1.0)
    assert p[9] / p[0] == pytest.approx(0.8**-9)
    assert np.all(np.diff(p) > 0)


def test_paper_formula_unequal_counts():
    n = np.array([50, 30, 20])
    d = 0.9
    raw = np.sum(1 / n) / (n * d ** np.arange(1, 4))
    assert np.allclose(class_probabilities(n, d), raw / raw.sum())


def test_empty_class_gets_zero():
    p = class_probabilities([10, 0, 10], 0.8)
    assert p[1] == 0 and p.sum() == pytest.approx(1.0)


def test_hes_switches_from_uniform_to_class_level():
    rng = np.random.default_rng(0)
    scores = rng.random(10000)
    th = list(np.quantile(scores, np.arange(1, 10) / 10))
    s = HESSampler(scores, th, delta=0.5, switch=0.7)
    early = s.sample(4000, 0.1, np.random.default_rng(1))
    late = s.sample(4000, 0.9, np.random.default_rng(1))
    top = scores >= th[-1]
    assert abs(top[early].mean() - 0.1) < 0.03
    assert top[late].mean() > 0.4  # class 10 gets P = 2^10 / sum(2^k) ~ 0.5


def test_uniform_sampler_range():
    ids = UniformSampler(7).sample(100, 0.5, np.random.default_rng(0))
    assert ids.min() >= 0 and ids.max() < 7
