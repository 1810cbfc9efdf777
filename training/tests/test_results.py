import json
from pathlib import Path

from training.wbsr import results

TINY = Path(__file__).resolve().parents[2] / "src" / "test" / "resources" / "bundles" / "tiny-x2" / "manifest.json"


def test_render_has_a_row_and_a_section_per_bundle():
    m = json.loads(TINY.read_text())
    text = results.render([m])
    assert "| tiny-x2 | x2 |" in text and "## tiny-x2" in text
    assert m["provenance"]["command"] in text


def test_fixture_bundles_are_not_results(tmp_path):
    (tmp_path / "tiny").mkdir()
    (tmp_path / "tiny" / "manifest.json").write_text(TINY.read_text())
    assert results._load(tmp_path) == []


def test_ablation_states_each_change_against_base():
    base = json.loads(TINY.read_text())

    def variant(name: str, photo: float, classic: float) -> dict:
        m = json.loads(json.dumps(base))
        m["name"] = name
        m["validation"]["val-photo"]["supernet_psnr_y"] = photo
        m["validation"]["val-classic"]["supernet_psnr_y"] = classic
        return m

    lines = results._ablation([variant("base-x2", 44.0, 32.0), variant("bd-x2", 43.85, 32.02)])
    assert "- +BDLoss: -0.150 dB / +0.020 dB" in lines
    assert not any(line.startswith("- +HES:") for line in lines)  # not trained: no line


def _variant(name: str, commit: str) -> dict:
    m = json.loads(TINY.read_text())
    m["test_fixture"], m["name"] = False, name
    m["provenance"]["git_commit"] = commit
    return m


def test_v1_rows_stay_once_v2_replaces_the_bundle(tmp_path):
    models, archive = tmp_path / "models", tmp_path / "v1"
    (models / "wbsr-x2").mkdir(parents=True)
    archive.mkdir()
    (archive / "wbsr-x2.json").write_text(json.dumps(_variant("wbsr-x2", "v1commit")))
    (archive / "base-x2.json").write_text(json.dumps(_variant("base-x2", "v1base")))
    (models / "wbsr-x2" / "manifest.json").write_text(json.dumps(_variant("wbsr-x2", "v1commit")))
    current = results._load(models)
    assert [m["name"] for m in results._archived(archive, current)] == ["base-x2"]  # still shipped: shown once
    (models / "wbsr-x2" / "manifest.json").write_text(json.dumps(_variant("wbsr-x2", "v2commit")))
    current = results._load(models)
    v1 = results._archived(archive, current)
    assert sorted(m["name"] for m in v1) == ["base-x2", "wbsr-x2"]
    text = results.render(current, v1)
    assert "## wbsr-x2\n" in text and "## wbsr-x2 (v1)\n" in text and "## Summary (v1)" in text
    assert text.index("## wbsr-x2\n") < text.index("# v1 bundles")


def test_v2_runs_show_their_last_validation_row(tmp_path):
    head = "iteration,wall_time_s,w16-d2,w16-d4,w16-d8,w32-d2,w32-d4,w32-d8\n"
    for name, rows, done in (("wbsr-x2", ["2000,3600.0,43.1,43.2,43.3,43.2,43.3,43.45"], False), ("base-x2", [], False)):
        run = tmp_path / name
        run.mkdir()
        (run / "config.yml").write_text("train: {iterations: 24000}\n")
        (run / "val.csv").write_text(head + "".join(r + "\n" for r in rows))
    fin = tmp_path / "hes-x2"
    fin.mkdir()
    (fin / "val.csv").write_text(head + "2000,7200,1,2,3,4,5,6\n24000,36000.0,43.5,43.6,43.7,43.6,43.8,44.05\n")
    (fin / "final.pt").write_bytes(b"")
    lines = results._runs(tmp_path)
    assert "| hes-x2 | finished | 24000 / ? | 10.00 | 6 | 44.050 | 43.500 |" in lines
    assert "| wbsr-x2 | training | 2000 / 24000 | 1.00 | 6 | 43.450 | 43.100 |" in lines
    assert not any("base-x2" in x for x in lines)  # no validation row yet
    assert results._runs(tmp_path / "none") == []
    assert "## Models v2 runs" in results.render([], [], lines)
