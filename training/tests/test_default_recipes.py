"""The recipe study's anchor runs (v1 base-x2 and wbsr-x2) were started on the code of commit
aa0f24f; every later change must leave those configs' training bit-identical so the study's
variants stay comparable with them. The hashes below were computed on that commit (torch 1.13,
1 thread, this repository's synthetic data): four steps, the last one in HES's class-level phase."""

import hashlib
from pathlib import Path

import pytest
import torch

from training.wbsr import train

pytest.importorskip("yaml")
CONFIGS = Path(__file__).resolve().parents[1] / "configs"

EXPECTED = {
    "base-x2": "f5468a2a5e7b898ad7d5c9a15e97c05b42e8a54a9e618ead3f1f8c72ddcabd66",
    "wbsr-x2": "cc4f01c1339e11e410615f187d17c010de2cf078f8ab64e78e2f4b4af12da04a",
}


def weights_hash(trainer: train.Trainer) -> str:
    h = hashlib.sha256()
    for sd in (trainer.net.state_dict(), trainer.loss.state_dict()):
        for k, v in sd.items():
            h.update(k.encode())
            h.update(v.detach().cpu().contiguous().numpy().tobytes())
    return h.hexdigest()


def four_steps(name: str, run_dir: Path) -> train.Trainer:
    cfg = train.build_config(CONFIGS / f"{name}.yml", ["threads=1", "train.iterations=4", "data.batch=4"])
    trainer = train.Trainer(cfg, run_dir, False, log=lambda m: None)
    for _ in range(4):
        trainer.step()
    return trainer


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_default_recipe_is_bit_identical(data_env, tmp_path, name):
    if not torch.__version__.startswith("1.13"):
        pytest.skip("the hashes were recorded with torch 1.13")
    got = weights_hash(four_steps(name, tmp_path / name))
    assert got == EXPECTED[name]
