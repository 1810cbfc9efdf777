"""Registries: build a network, loss, sampler or trainer from a config section ``{type: Name, ...}``.

A section names its entry with ``type`` (older configs write ``kind``; both are read, not both at
once). Every registry also knows which keys each entry accepts (its factory's keyword parameters),
so a config can be checked for typos before anything is built (``config.check_keys``).
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any, Callable, Dict, FrozenSet, Generic, Mapping, Optional, Sequence, TypeVar

T = TypeVar("T")

__all__ = ["Registry", "type_of", "TYPE_KEYS"]

TYPE_KEYS = ("type", "kind")


def type_of(section: Mapping[str, Any], what: str = "section") -> str:
    """The entry name of a config section: its ``type`` (or, in older configs, ``kind``)."""
    given = [k for k in TYPE_KEYS if k in section]
    if not given:
        raise ValueError(f"the {what} config needs a 'type' (one of the registered names)")
    if len(given) > 1:
        raise ValueError(f"the {what} config gives both 'type' and 'kind'; keep 'type'")
    return str(section[given[0]])


@dataclass(frozen=True)
class Entry(Generic[T]):
    factory: Callable[..., T]
    keys: FrozenSet[str]  # config keys the factory accepts (besides type/kind)


def keyword_params(fn: Callable[..., Any], skip: Sequence[str] = ()) -> FrozenSet[str]:
    """Names of ``fn``'s parameters that a config may set (not ``self``, not ``skip``, not *args)."""
    params = inspect.signature(fn).parameters.values()
    kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    return frozenset(p.name for p in params if p.kind in kinds and p.name not in ("self", *skip))


class Registry(Generic[T]):
    """Named factories of one kind of thing (``what``: "network", "loss", ...).

    ``context``: the leading positional arguments every factory takes from the caller, not from
    the config (a sampler's patch scores and thresholds); they are not config keys."""

    def __init__(self, what: str, context: Sequence[str] = ()) -> None:
        self.what = what
        self.context = tuple(context)
        self.entries: Dict[str, Entry[T]] = {}

    def add(
        self, name: str, factory: Callable[..., T], signature_of: Optional[Callable[..., Any]] = None, skip: Sequence[str] = ()
    ) -> None:
        """Register ``factory`` under ``name``; its config keys are ``signature_of``'s (default:
        the factory's) keyword parameters minus ``skip`` and the context arguments."""
        if name in self.entries:
            raise ValueError(f"{self.what} type {name!r} registered twice")
        keys = keyword_params(signature_of or factory, (*self.context, *skip))
        self.entries[name] = Entry(factory, keys)

    def register(self, cls: Any) -> Any:
        """Class decorator: register ``cls`` under its class name."""
        self.add(cls.__name__, cls)
        return cls

    def names(self) -> list:
        return sorted(self.entries)

    def entry(self, section: Mapping[str, Any]) -> Entry[T]:
        name = type_of(section, self.what)
        if name not in self.entries:
            raise ValueError(f"unknown {self.what} type {name!r}; known: {', '.join(self.names())}")
        return self.entries[name]

    def build(self, section: Mapping[str, Any], *context: Any) -> T:
        """Build the entry ``section`` names, with the section's other keys as keyword arguments."""
        kwargs = {k: v for k, v in section.items() if k not in TYPE_KEYS}
        return self.entry(section).factory(*context, **kwargs)
