"""Class -> subnet routing rules (method note section 6; issue 11), the Python twin of Java's
``dev.wbsr.pipeline.ParetoFront`` / ``BudgetRouting``, locked together by ``testvectors/routing.json``.

* **Front.** ``pareto_front(cost, quality)``: the subnets no other subnet beats in both cost and
  quality, sorted by cost. Routing on the front sends class k to front member ``ceil(k M' / K)``
  (M' = front size) instead of to the k-th slice of all M subnets sorted by cost, so no class lands
  on a subnet that is dearer and worse than another one ("literal" order keeps all M).
* **Level rule** (the slider's rule so far): class k gets member ``min(M', ceil(L k))``; a budget
  B takes the largest L whose cost stays within B times the costliest member.
* **Eq. 16** as the paper writes it: class k gets ``argmin_m |alpha k C_m / K - C_t|``. Only the
  ratio ``tau = C_t / alpha`` matters (dividing by alpha does not move the argmin), so the family
  has one parameter; a budget B takes the largest tau whose cost stays within B. Note the paper's
  form sends *easier* classes to *dearer* subnets at a given tau (k C_m grows with k).

Costs are any per-subnet vector (FLOPs today; a measured time later), indexed like the subnets.
"""

from __future__ import annotations

from typing import List, Sequence

__all__ = [
    "pareto_front",
    "paper_table",
    "level_table",
    "level_budget_table",
    "eq16_table",
    "eq16_taus",
    "eq16_budget_table",
    "table_cost",
]


def pareto_front(cost: Sequence[float], quality: Sequence[float]) -> List[int]:
    """Indices of the subnets on the cost-vs-quality Pareto front, cheapest first.

    A subnet stays if every cheaper-or-equal one is strictly worse; among equal costs the better
    one stays (the lower index on an exact tie). The costliest subnet stays only if it is the best.
    """
    if len(cost) != len(quality) or not cost:
        raise ValueError(f"need one quality per cost, got {len(cost)} costs and {len(quality)} qualities")
    order = sorted(range(len(cost)), key=lambda i: (cost[i], -quality[i], i))
    front: List[int] = []
    for i in order:
        if not front or quality[i] > quality[front[-1]]:
            front.append(i)  # equal costs come best first, so a later one of the same cost is never kept
    return front


def paper_table(num_classes: int, members: int) -> List[int]:
    """Eq. 15: class k -> member ``ceil(k M / K) - 1`` (0-based into the front)."""
    return [(k * members + num_classes - 1) // num_classes - 1 for k in range(1, num_classes + 1)]


def level_table(j: int, q: int, num_classes: int, members: int) -> List[int]:
    """The level rule at L = j / q: class k -> ``min(M, ceil(j k / q)) - 1``."""
    return [min(members, (j * k + q - 1) // q) - 1 for k in range(1, num_classes + 1)]


def table_cost(table: Sequence[int], weights: Sequence[float], costs: Sequence[float]) -> float:
    return float(sum(w * costs[m] for w, m in zip(weights, table)))


def level_budget_table(weights: Sequence[float], costs: Sequence[float], budget: float) -> List[int]:
    """The most generous level table whose cost is within ``budget`` x the costliest member."""
    k, n = len(weights), len(costs)
    target = budget * sum(weights) * costs[-1]
    levels = sorted(((j, q) for j in range(1, n + 1) for q in range(1, k + 1)), key=_Ratio)
    best = level_table(1, k, k, n)
    for j, q in levels:
        t = level_table(j, q, k, n)
        if table_cost(t, weights, costs) <= target * (1 + 1e-12):
            best = t
    return best


class _Ratio:
    """Sort key comparing j1 / q1 with j2 / q2 exactly, stable like Java's List.sort."""

    def __init__(self, jq):
        self.j, self.q = jq

    def __lt__(self, other):
        return self.j * other.q < other.j * self.q


def eq16_table(num_classes: int, costs: Sequence[float], tau: float) -> List[int]:
    """Eq. 16 with ``tau = C_t / alpha``: class k -> ``argmin_m |k C_m / K - tau|``, ties cheaper."""
    out = []
    for k in range(1, num_classes + 1):
        best, best_d = 0, abs(k * costs[0] / num_classes - tau)
        for m in range(1, len(costs)):
            d = abs(k * costs[m] / num_classes - tau)
            if d < best_d:
                best, best_d = m, d
        out.append(best)
    return out


def eq16_taus(num_classes: int, costs: Sequence[float]) -> List[float]:
    """One tau inside every interval on which Eq. 16's table is constant, ascending.

    The table changes where tau crosses a midpoint ``k (C_m + C_m+1) / (2 K)``; the candidates are
    the midpoints between consecutive distinct crossings, plus one below the first and one above
    the last (every class on its cheapest resp. costliest member).
    """
    cuts = sorted({k * (costs[m] + costs[m + 1]) / (2.0 * num_classes) for k in range(1, num_classes + 1) for m in range(len(costs) - 1)})
    if not cuts:
        return [0.0]
    taus = [cuts[0] / 2.0]
    taus += [(a + b) / 2.0 for a, b in zip(cuts, cuts[1:])]
    taus.append(cuts[-1] * 2.0)
    return taus


def eq16_budget_table(weights: Sequence[float], costs: Sequence[float], budget: float) -> List[int]:
    """Eq. 16 at the largest candidate tau whose cost is within ``budget`` x the costliest member.

    Each class's argmin is non-decreasing in tau, so the cost is too and the choice is monotone in
    the budget; below every candidate the cheapest table is returned.
    """
    k = len(weights)
    target = budget * sum(weights) * costs[-1]
    taus = eq16_taus(k, costs)
    best = eq16_table(k, costs, taus[0])
    for tau in taus:
        t = eq16_table(k, costs, tau)
        if table_cost(t, weights, costs) <= target * (1 + 1e-12):
            best = t
    return best
