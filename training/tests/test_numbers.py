"""The one rounding rule of both results pages, on the cases ``DecimalsTest`` checks in Java."""

import json
from pathlib import Path

from training.wbsr import numbers, results

VECTORS = Path(__file__).resolve().parents[2] / "testvectors" / "rounding.json"


def test_fixed_and_percent_follow_the_shared_vectors() -> None:
    v = json.loads(VECTORS.read_text())
    assert len(v["fixed"]) > 5 and len(v["percent"]) > 5
    for c in v["fixed"]:
        assert numbers.fixed(c["value"], c["decimals"]) == c["text"], c
    for c in v["percent"]:
        assert numbers.percent(c["ratio"], c["decimals"]) == c["text"], c


def test_signed_has_a_sign_and_no_negative_zero() -> None:
    assert numbers.signed(0.02, 3) == "+0.020"
    assert numbers.signed(-0.15, 3) == "-0.150"
    assert numbers.signed(-0.0004, 3) == "+0.000"
    assert numbers.fixed(float("nan"), 3) == "nan"


def test_training_results_round_like_the_java_report() -> None:
    """classsr-x4's Val-Classic FLOPs ratio 0.8595: 86.0 %, as ``Decimals.percent`` prints it."""
    tiny = Path(__file__).resolve().parents[2] / "src/test/resources/bundles/tiny-x2/manifest.json"
    m = json.loads(tiny.read_text())
    m["validation"]["val-classic"]["wbsr_flops_ratio"] = 0.8595
    m["validation"]["val-classic"]["wbsr_psnr_y"] = 28.1235
    text = results.render([m])
    assert "| 28.124 | 86.0% |" in text
