"""Where document types come from: built-in specs, a user's spec folders, entry points.

* Built-in types are the ``*.yaml`` specs shipped in the ``docextract_schemas`` package
  (the ``schemas/`` folder of a source checkout); the file name is the type name.
* A user's folders: ``DOCEXTRACT_SCHEMA_PATH`` (folders separated by ``os.pathsep``) and
  ``--schema-dir DIR`` of ``docextract classify``, ``types`` and ``schema``
  (:func:`docextract.registry.add_schema_dir`). Their specs load the same way
  and take part in ``--type auto``; a user type may not reuse a built-in name.
* Entry points (group ``docextract.extractors``) may name an Extractor class, a spec
  object, or the path of a spec file.

Every spec becomes an :class:`~.extractor.SpecExtractor` subclass registered under its type.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ExtractionError
from .extractor import SpecExtractor, extractor_class
from .positions import Positions
from .spec import SHARED_SPEC, compile_spec, load_spec, load_spec_text
from .spec_types import Spec

SPEC_SUFFIX = ".yaml"
_CLASSES: dict[str, type[SpecExtractor]] = {}


def builtin_folder() -> Path | None:
    """The folder of the built-in specs (installed package, else the source checkout's)."""
    import importlib.util

    try:
        found = importlib.util.find_spec("docextract_schemas")
    except (ImportError, ValueError):
        found = None
    for folder in (found.submodule_search_locations or []) if found is not None else []:
        if os.path.isdir(folder):
            return Path(folder)
    local = Path(__file__).resolve().parents[2] / "schemas"
    return local if local.is_dir() else None


def spec_files(folder: str | os.PathLike[str]) -> dict[str, str]:
    """Type name → spec path for the ``*.yaml`` files of ``folder`` (sorted by name)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        raise ExtractionError(f"cannot read spec folder {folder}: {exc.strerror or exc}") from exc
    return {name[:-len(SPEC_SUFFIX)]: os.path.join(folder, name) for name in names
            if name.endswith(SPEC_SUFFIX) and not name.startswith((".", "_"))}


def builtin_targets() -> dict[str, str]:
    """Registry targets (``spec:<path>``) of the built-in specs."""
    folder = builtin_folder()
    if folder is None:
        return {}
    return {name: f"spec:{path}" for name, path in spec_files(folder).items()}


def user_folders() -> list[str]:
    """The folders named by ``DOCEXTRACT_SCHEMA_PATH``."""
    raw = os.environ.get("DOCEXTRACT_SCHEMA_PATH", "")
    return [p for p in raw.split(os.pathsep) if p.strip()]


def _builtin_spec(path: str) -> Spec:
    """A built-in spec, through the spec-data cache (the YAML parsed once per version)."""
    from .spec_files import load_builtin_spec

    name = os.path.basename(path)
    data = load_builtin_spec(name)
    try:
        return compile_spec(data, path)
    except ExtractionError:
        with open(path, encoding="utf-8") as fh:   # parse again to report the line
            return load_spec_text(fh.read(), path)


def extractor_for_path(path: str, *, builtin: bool = False) -> type[SpecExtractor]:
    """The extractor class of the spec file at ``path`` (loaded once per process)."""
    key = os.path.abspath(path)
    cls = _CLASSES.get(key)
    if cls is None:
        spec = _builtin_spec(path) if builtin else load_spec(path)
        stem = os.path.basename(path)[:-len(SPEC_SUFFIX)] if path.endswith(SPEC_SUFFIX) else None
        if builtin and stem != spec.type:
            raise ExtractionError(f"{path}: a built-in spec's type must be its file name ({stem!r})")
        cls = _CLASSES[key] = extractor_class(spec)
    return cls


@lru_cache(maxsize=1)
def shared_positions() -> Positions:
    """The position words every document type shares (``schemas/_shared.yaml``), for code
    outside extraction (redaction tells positions from names with them)."""
    spec = compile_spec({"type": "shared", "fields": {"unused": {"labels": ["-"]}}}, SHARED_SPEC)
    return Positions(spec)


def as_extractor_class(plugin: Any, origin: str) -> Any:
    """An entry point's object as an extractor class: a class stays one; a spec object or
    the path of a spec file is compiled."""
    if isinstance(plugin, Spec):
        return extractor_class(plugin)
    if isinstance(plugin, (str, os.PathLike)):
        return extractor_for_path(os.fspath(plugin))
    return plugin


__all__ = ["SPEC_SUFFIX", "as_extractor_class", "builtin_folder",
           "builtin_targets", "extractor_for_path", "shared_positions", "spec_files", "user_folders"]
