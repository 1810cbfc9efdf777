"""The recipe-study summary: evaluates finished runs once (cached), groups seeds, writes the table."""

import json

import pytest

from training.wbsr import data, evaluate, study, train

from .test_recipe_variants import ROOT, TINY

pytest.importorskip("yaml")


def test_variant_of_drops_the_seed_suffix():
    assert study.variant_of("wbsr1-s0") == "wbsr1" and study.variant_of("bd2-s13") == "bd2"
    assert study.variant_of("base") == "base" and study.variant_of("s1-x") == "s1-x"


def test_stat_text():
    assert study.Stat.of([1.0, 3.0]).text(2) == "2.00 ± 1.41"
    assert study.Stat.of([0.5]).text(1, 100.0) == "50.0"


def test_study_summary(data_env, tmp_path, monkeypatch):
    monkeypatch.setattr(data, "CALIBRATION", ("img1",))
    runs = tmp_path / "study"
    for name, seed in (("base-s0", 0), ("base-s1", 1), ("hes-s0", 0)):
        cfg = train.build_config(ROOT / "training/configs/base-x2.yml", [f"name={name}", f"seed={seed}", *TINY, "train.iterations=2"])
        train.Trainer(cfg, runs / name, False, log=lambda m: None).run()
    (runs / "unfinished").mkdir()
    assert study.main(["--runs", str(runs)]) == 0
    md = (runs / "SUMMARY.md").read_text()
    for s in ("val-photo", "val-classic", "calib"):
        assert f"## {s}" in md
    base_row = next(ln for ln in md.splitlines() if ln.startswith("| base |"))
    assert base_row.split("|")[2].strip() == "2" and "±" in base_row
    js = json.loads((runs / "summary.json").read_text())
    assert js["variants"]["base"]["runs"] == ["base-s0", "base-s1"]
    assert set(js["runs"]) == {"base-s0", "base-s1", "hes-s0"}
    r = js["runs"]["hes-s0"]["val-photo"]
    assert len(r["subnet_psnr_y"]) == 4 and r["supernet_psnr_y"] == r["subnet_psnr_y"][-1]
    mean = js["variants"]["base"]["val-photo"]["supernet"]["mean"]
    assert mean == pytest.approx(
        (js["runs"]["base-s0"]["val-photo"]["supernet_psnr_y"] + js["runs"]["base-s1"]["val-photo"]["supernet_psnr_y"]) / 2
    )

    # the second call reads the caches; a retrained run is evaluated again
    def boom(*a, **k):
        raise AssertionError("evaluated again")

    monkeypatch.setattr(study, "evaluate_bundle_net", boom)
    assert study.main(["--runs", str(runs)]) == 0
    (runs / "hes-s0" / "study_eval.json").write_text(json.dumps({"checkpoint": "stale", "results": {}}))
    with pytest.raises(AssertionError, match="evaluated again"):
        study.main(["--runs", str(runs)])


def test_pareto_routing_uses_only_front_members_chosen_on_calibration():
    # subnet 1 is dearer and worse than subnet 0 on the calibration split: never routed to
    ctx = study.RouteContext(flops=[1.0, 2.0, 3.0, 4.0], calib_psnr_y=[30.0, 29.0, 31.0, 32.0])
    router = study.pareto_routing(ctx)
    tiles = [evaluate.Tile(0, 0, 1, 1, 0.0, k, 0.0) for k in range(1, 9)]
    choice = router(None, tiles)
    assert set(choice) <= {0, 2, 3} and choice[-1] == 3 and choice == sorted(choice)
    with pytest.raises(ValueError, match="calibration"):
        study.pareto_routing(study.RouteContext(flops=[1.0, 2.0]))


def test_study_summary_pareto_evaluates_calibration_first(data_env, tmp_path, monkeypatch):
    monkeypatch.setattr(data, "CALIBRATION", ("img1",))
    runs = tmp_path / "study"
    cfg = train.build_config(ROOT / "training/configs/base-x2.yml", ["name=base-s0", "seed=0", *TINY, "train.iterations=2"])
    train.Trainer(cfg, runs / "base-s0", False, log=lambda m: None).run()
    assert study.main(["--runs", str(runs), "--routing", "pareto", "--sets", "val-photo"]) == 0
    cache = json.loads((runs / "base-s0" / study.CACHE_FILE).read_text())
    assert set(cache["results"]) == {"paper/calib", "pareto/val-photo"}
    assert "Routing rule: `pareto`" in (runs / "SUMMARY.md").read_text()
