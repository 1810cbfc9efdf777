"""The speed A/B tool runs every variant round-robin; bf16 autocast and channels_last train."""

import pytest

from training.wbsr import speed

from .test_recipe_variants import ROOT

pytest.importorskip("yaml")


def test_round_robin_timing_and_grad_check(data_env):
    tiny = ("network.widths=[4,6]", "network.depths=[1,2]", "data.batch=4", "threads=1")
    variants = [
        speed.Variant.parse(f"fp32:{' '.join(tiny)}"),
        speed.Variant.parse(f"bf16:{' '.join(tiny)} train.amp=bf16"),
        speed.Variant.parse(f"cl:{' '.join(tiny)} train.channels_last=true"),
    ]
    res = speed.measure(ROOT / "training/configs/wbsr-x2.yml", variants, rounds=2, steps=1, grad_check=True)
    assert [t["variant"] for t in res["timings"]] == ["fp32", "bf16", "cl"]
    assert all(len(w) == 2 and min(w) > 0 for w in res["walls"].values())
    g = res["grad_check"]
    assert g["fp32"]["cosine"] == pytest.approx(1.0)
    # channels_last computes the same gradient up to float32 summation order; bf16 only roughly
    assert g["cl"]["cosine"] > 0.999 and 0.9 < g["bf16"]["cosine"] < 1.0
    assert "| bf16 |" in speed.format_table(res)


def test_variant_parse():
    assert speed.Variant.parse("a:x=1 y=2") == speed.Variant("a", ("x=1", "y=2"))
    assert speed.Variant.parse("plain") == speed.Variant("plain", ())
