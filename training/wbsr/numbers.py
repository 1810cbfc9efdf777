"""The one rounding rule of both results pages (``training/RESULTS.md`` here, ``docs/RESULTS.md`` in
``dev.wbsr.report.Decimals``): a number is rounded half-up (away from zero) from its shortest decimal
form, the digits a reader sees in a manifest, so a ratio of 0.8595 is 86.0 % on both pages.

Python's own ``f"{x:.1f}"`` rounds the binary value half-even (``0.125`` -> ``0.12``) while Java's
``String.format`` rounds the decimal form half-up (``0.13``): the pages would disagree on ties.
``testvectors/rounding.json`` holds the cases both sides are tested against.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal


def _quantize(d: Decimal, decimals: int) -> str:
    q = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if q == 0:
        q = abs(q)  # no "-0.000"
    return format(q, "f")


def fixed(x: float, decimals: int) -> str:
    """``x`` with ``decimals`` places by the rule: ``fixed(0.125, 2) == "0.13"``."""
    if not math.isfinite(x):
        return repr(float(x))
    return _quantize(Decimal(repr(float(x))), decimals)


def signed(x: float, decimals: int) -> str:
    """``fixed`` with a sign always: ``+0.020``, ``-0.150``, ``+0.000``."""
    text = fixed(x, decimals)
    return text if text.startswith(("-", "n", "i")) else "+" + text


def percent(ratio: float, decimals: int = 1) -> str:
    """A ratio as a percentage, shifted in decimal before rounding: ``percent(0.8595) == "86.0"``."""
    if not math.isfinite(ratio):
        return repr(float(ratio))
    return _quantize(Decimal(repr(float(ratio))).scaleb(2), decimals)
