import json
from pathlib import Path

import numpy as np
import pytest

from training.wbsr import complexity
from training.wbsr.vectors import image_from_json

VECTORS = json.loads((Path(__file__).resolve().parents[2] / "testvectors" / "complexity.json").read_text())


def test_flat_patch_scores_zero():
    assert complexity.score(np.full((32, 32, 3), 99, np.uint8)) == 0.0
    assert complexity.edge_score(np.full((32, 32, 3), 99, np.uint8)) == 0.0


def test_horizontal_ramp_has_only_gx():
    xx = np.tile(np.arange(32, dtype=np.float64) * 2, (32, 1))
    patch = np.repeat(xx[..., None], 3, axis=2)
    v = complexity.gradient_vector(patch)
    assert v[0] == pytest.approx(16.0)  # Sobel of slope 2: (1 + 2 + 1) * 2 * 2
    assert v[1] == pytest.approx(0.0, abs=1e-9)
    assert v[2] == pytest.approx(0.0, abs=1e-9) and v[3] == pytest.approx(0.0, abs=1e-9)


def test_batch_equals_single():
    rng = np.random.default_rng(0)
    p = rng.integers(0, 256, (5, 32, 32, 3))
    assert np.allclose(complexity.scores(p), [complexity.score(x) for x in p])


def test_thresholds_and_classes_split_evenly():
    s = np.random.default_rng(1).random(1000)
    th = complexity.thresholds_from_scores(s, 10)
    assert len(th) == 9 and th == sorted(th)
    counts = np.bincount(complexity.classify(s, th), minlength=11)[1:]
    assert counts.tolist() == [100] * 10


def test_route_is_ceil_k_m_over_k():
    assert complexity.route(np.arange(1, 11), 9).tolist() == [1, 2, 3, 4, 5, 6, 7, 8, 9, 9]
    assert complexity.route(np.arange(1, 11), 3).tolist() == [1, 1, 1, 2, 2, 2, 3, 3, 3, 3]


@pytest.mark.parametrize("case", VECTORS["patches"], ids=lambda c: c["name"])
def test_matches_shared_vectors(case):
    patch = image_from_json(case["image"])
    assert np.allclose(complexity.gradient_vector(patch), case["vector"], rtol=0, atol=1e-9)
    assert complexity.score(patch) == pytest.approx(case["score"], abs=1e-9)
    k = int(complexity.classify(complexity.score(patch), VECTORS["thresholds"]))
    assert k == case["class"]
    assert int(complexity.route(k, VECTORS["num_subnets"])) == case["subnet"]
    assert complexity.edge_score(patch) == pytest.approx(case["edge_score"], abs=1e-9)


def test_class_route_and_threshold_cases():
    for c in VECTORS["class_cases"]:
        assert int(complexity.classify(c["score"], VECTORS["thresholds"])) == c["class"]
    for c in VECTORS["route_cases"]:
        assert int(complexity.route(c["class"], c["num_subnets"])) == c["subnet"]
    tc = VECTORS["threshold_case"]
    assert complexity.thresholds_from_scores(tc["scores"]) == tc["thresholds"]


def test_patch_grid_covers_image_once():
    cover = np.zeros((70, 45), int)
    for y, x, h, w in complexity.patch_grid(70, 45, 32):
        cover[y : y + h, x : x + w] += 1
    assert (cover == 1).all()
    assert complexity.num_tiles(70, 45) == len(list(complexity.patch_grid(70, 45)))
