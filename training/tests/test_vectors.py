import json
from pathlib import Path

from training.wbsr import vectors

DIR = Path(__file__).resolve().parents[2] / "testvectors"


def test_committed_vectors_are_reproduced_exactly():
    for fname, obj in vectors.build_all().items():
        assert json.loads((DIR / fname).read_text()) == json.loads(json.dumps(obj)), fname
