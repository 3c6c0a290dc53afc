"""Modules imported on first use.

PyYAML is needed only to locate an error or to read a file yaml-rs refuses;
importing it on every run cost about a tenth of a second of a national
``planner gap``, as much as a third of its analyses (issue 13)."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

__all__ = ["lazy_import"]


def lazy_import(name: str) -> ModuleType:
    """``name``'s module, executed when one of its attributes is first read
    (:class:`importlib.util.LazyLoader`); the module itself if loaded."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
