"""Routing rules of issue 11: the Pareto front, Eq. 15 on it, Eq. 16 as written, both budget rules,
and the calibration split the front is measured on."""

import json
from pathlib import Path

import numpy as np
import pytest

from training.wbsr import data, routing

MODELS = Path(__file__).resolve().parents[2] / "models"


def test_front_drops_subnets_that_are_dearer_and_worse():
    # base-x2 on Val-Photo (issue 11): w32-d2 (0.235 G, 43.83) is dearer and worse than w16-d8 (0.118 G, 43.96)
    cost = [0.061, 0.080, 0.118, 0.134, 0.177, 0.235, 0.261, 0.311, 0.462]
    psnr = [43.88, 43.96, 44.03, 43.90, 44.03, 43.83, 44.14, 44.11, 44.28]
    front = routing.pareto_front(cost, psnr)
    assert front == [0, 1, 2, 6, 8]
    assert 5 not in front and 4 not in front  # w24-d4 only ties w16-d8 at a higher cost


def test_front_is_sorted_by_cost_and_not_by_index():
    assert routing.pareto_front([3.0, 1.0, 2.0], [3.0, 1.0, 2.0]) == [1, 2, 0]


def test_front_ties_keep_the_cheaper_or_the_first():
    assert routing.pareto_front([1.0, 1.0, 2.0], [5.0, 5.0, 4.0]) == [0]
    assert routing.pareto_front([1.0, 1.0], [4.0, 5.0]) == [1]


def test_front_property_on_random_sets():
    rng = np.random.default_rng(0)
    for _ in range(200):
        n = int(rng.integers(1, 12))
        c, q = rng.uniform(0, 1, n).round(2).tolist(), rng.uniform(0, 1, n).round(2).tolist()
        front = routing.pareto_front(c, q)
        for i in range(n):
            dominated = any((c[j] <= c[i] and q[j] > q[i]) or (c[j] < c[i] and q[j] >= q[i]) for j in range(n))
            assert (i in front) == (not dominated and all(not (c[j] == c[i] and q[j] == q[i] and j < i) for j in range(n)))
        assert [c[i] for i in front] == sorted(c[i] for i in front)


def test_paper_table_is_eq15_on_the_front():
    assert routing.paper_table(10, 9) == [0, 1, 2, 3, 4, 5, 6, 7, 8, 8]
    assert routing.paper_table(10, 5) == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]


def test_eq16_is_the_argmin_of_the_paper():
    costs = [1.0, 2.0, 4.0]
    for tau in np.linspace(0, 5, 51):
        t = routing.eq16_table(4, costs, tau)
        for k in range(1, 5):
            d = [abs(k * c / 4 - tau) for c in costs]
            assert d[t[k - 1]] == min(d) and t[k - 1] == d.index(min(d))


def test_eq16_sends_easier_classes_to_dearer_subnets():
    t = routing.eq16_table(10, [0.1, 0.2, 0.4, 0.8], 0.2)
    assert t[0] > t[-1] and t == sorted(t, reverse=True)


@pytest.mark.parametrize("rule", [routing.level_budget_table, routing.eq16_budget_table])
def test_budget_rules_are_monotone_and_within_budget(rule):
    rng = np.random.default_rng(1)
    for _ in range(30):
        n = int(rng.integers(1, 10))
        costs = np.sort(rng.uniform(0.05, 1, n)).tolist()
        w = rng.uniform(0, 10, 10).tolist()
        prev = None
        for b in np.linspace(0.02, 1, 50):
            t = rule(w, costs, b)
            if prev is not None:
                assert all(x >= y for x, y in zip(t, prev))
            if routing.table_cost(t, w, costs) > b * sum(w) * costs[-1] * (1 + 1e-9):
                assert t == rule(w, costs, 1e-9)  # nothing fits: the cheapest table
            prev = t
        assert rule(w, costs, 1.0) == [n - 1] * 10


def test_shipped_wbsr_bundles_record_their_front():
    for mf in sorted(MODELS.glob("*/manifest.json")):
        m = json.loads(mf.read_text())
        if m["format_version"] < 2:
            continue
        r = m["routing"]
        cost = [s["flops_per_patch"] for s in m["subnets"]]
        assert r["front"] == routing.pareto_front(cost, r["calibration"]["psnr_y"]), mf
        assert r["calibration"]["set"] == data.CALIB_SET
        assert set(r["calibration"]["images"]) <= set(data.CALIBRATION)
