"""Experiment configs: one YAML (or JSON) file per experiment, with ``--set a.b=value`` overrides."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Dict, Iterable

__all__ = ["load_config", "apply_overrides", "dump_config"]


def _parse_value(text: str) -> Any:
    try:
        import yaml

        return yaml.safe_load(text)
    except ImportError:
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return text


def load_config(path: Path) -> Dict[str, Any]:
    """Read a ``.yml``/``.yaml`` (needs python3-yaml) or ``.json`` config."""
    text = Path(path).read_text()
    if str(path).endswith((".yml", ".yaml")):
        import yaml

        return yaml.safe_load(text)
    return json.loads(text)


def apply_overrides(cfg: Dict[str, Any], overrides: Iterable[str]) -> Dict[str, Any]:
    """Return a copy of ``cfg`` with ``"a.b=value"`` overrides applied (value parsed as YAML)."""
    out = copy.deepcopy(cfg)
    for item in overrides:
        key, sep, value = item.partition("=")
        if not sep:
            raise ValueError(f"override {item!r} is not key=value")
        node = out
        parts = key.split(".")
        for p in parts[:-1]:
            node = node.setdefault(p, {})
        node[parts[-1]] = _parse_value(value)
    return out


def dump_config(cfg: Dict[str, Any], path: Path) -> None:
    """Write ``cfg`` as YAML if available, else JSON."""
    try:
        import yaml

        Path(path).write_text(yaml.safe_dump(cfg, sort_keys=False))
    except ImportError:
        Path(path).with_suffix(".json").write_text(json.dumps(cfg, indent=1))
