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
