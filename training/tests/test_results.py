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
