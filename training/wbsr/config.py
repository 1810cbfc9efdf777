"""Experiment configs: one YAML (or JSON) file per experiment, with ``--set a.b=value`` overrides."""

from __future__ import annotations

import copy
import json
from pathlib import Path
import difflib
from typing import Any, Collection, Dict, Iterable, List, Mapping, Sequence

from .registry import TYPE_KEYS, Registry

__all__ = ["ConfigError", "load_config", "apply_overrides", "dump_config", "merge", "merge_config", "check_keys"]


class ConfigError(ValueError):
    """A config names a key or type that does not exist."""


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


def merge(base: Dict[str, Any], over: Dict[str, Any]) -> Dict[str, Any]:
    """Recursive dict merge (``over`` wins)."""
    out = dict(base)
    for k, v in over.items():
        out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def merge_config(defaults: Dict[str, Any], cfg: Dict[str, Any], replaced: Collection[str]) -> Dict[str, Any]:
    """``merge(defaults, cfg)``, except that a section in ``replaced`` (one that names a registry
    type) replaces the default section whole: its keys belong to the type it names."""
    out = merge(defaults, {k: v for k, v in cfg.items() if k not in replaced})
    out.update({k: copy.deepcopy(v) for k, v in cfg.items() if k in replaced})
    return out


def check_keys(
    cfg: Mapping[str, Any], defaults: Mapping[str, Any], sections: Mapping[str, Registry], required: Sequence[str], source: str
) -> None:
    """Raise ``ConfigError`` for any key that neither ``defaults`` nor, in a registry section,
    the named type knows (a typo in the YAML or in ``--set`` would otherwise be silently ignored)."""
    missing = [k for k in required if k not in cfg]
    if missing:
        raise ConfigError(f"{source}: the config has no {', '.join(missing)}; add {'them' if len(missing) > 1 else 'it'} to the YAML")
    unknown: List[str] = []
    hints: List[str] = []

    def flag(key: str, known: Collection[str], prefix: str = "") -> None:
        unknown.append(prefix + key)
        close = difflib.get_close_matches(key, list(known), n=1)
        if close:
            hints.append(f"{prefix + key} -> {prefix + close[0]}?")

    top = set(defaults) | set(sections) | set(required)
    for key, value in cfg.items():
        if key in sections:
            try:
                allowed = set(sections[key].entry(value).keys) | set(TYPE_KEYS)
            except ValueError as e:
                raise ConfigError(f"{source}: {e}") from None
            for sub in value:
                if sub not in allowed:
                    flag(sub, allowed, key + ".")
        elif key not in top:
            flag(key, top)
        elif isinstance(defaults.get(key), dict):
            if not isinstance(value, dict):
                raise ConfigError(f"{source}: '{key}' must be a mapping of keys to values, got {value!r}")
            for sub in value:
                if sub not in defaults[key]:
                    flag(sub, defaults[key], key + ".")
    if unknown:
        msg = f"{source}: unknown config key{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; check the YAML and every --set"
        raise ConfigError(msg + (f" (did you mean {'; '.join(hints)})" if hints else ""))
