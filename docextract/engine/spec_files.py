"""Finding the YAML field specs shipped in the ``docextract_schemas`` package.

Installed, the top-level ``schemas/`` folder is the package ``docextract_schemas``; in a
source checkout that is not installed, the folder beside the ``docextract`` package is used.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from ..errors import ExtractionError

_CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__")


def schema_text(name: str) -> str:
    """The text of ``schemas/<name>`` (e.g. ``official_letter.fields.yaml``)."""
    # A package in a folder (the usual install) is read directly: importlib.resources
    # costs milliseconds to import; zipped or otherwise unusual installs still use it.
    try:
        spec = importlib.util.find_spec("docextract_schemas")
    except (ImportError, ValueError):
        spec = None
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        candidate = os.path.join(folder, name)
        if os.path.isfile(candidate):
            with open(candidate, encoding="utf-8") as fh:
                return fh.read()
    try:
        from importlib.resources import files

        resource = files("docextract_schemas").joinpath(name)
        if resource.is_file():
            return resource.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        pass
    local = Path(__file__).resolve().parents[2] / "schemas" / name
    try:
        return local.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExtractionError(f"field spec {name} not found (docextract_schemas or {local})") from exc


def load_yaml(text: str, origin: str) -> dict[str, Any]:
    """Parse a YAML mapping safely; any problem becomes an ExtractionError naming ``origin``."""
    import yaml  # ~20 ms to import; a CLI run with a cached built-in spec never needs it

    # libyaml's C loader, when PyYAML was built with it, parses the specs ~20x faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise ExtractionError(f"{origin}: invalid YAML: {str(exc).splitlines()[0]}") from exc
    if not isinstance(data, dict):
        raise ExtractionError(f"{origin}: the spec must be a mapping")
    return data


def load_builtin_spec(name: str) -> dict[str, Any]:
    """``load_yaml(schema_text(name), name)``, kept across runs while the text is unchanged.

    Like a ``.pyc`` file, the parsed mapping is stored (marshal) under ``__pycache__``
    with the SHA-256 of the YAML text it came from, and used only when that digest
    matches; not written when bytecode writing is off or the folder is read-only.
    """
    text = schema_text(name)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    path = os.path.join(_CACHE, f"{name}.{sys.implementation.cache_tag}.marshal")
    try:
        with open(path, "rb") as fh:
            stored, data = marshal.loads(fh.read())
        if stored == digest and isinstance(data, dict):
            return data
    except Exception:  # missing, stale or unreadable: parse the YAML
        pass
    data = load_yaml(text, name)
    if not sys.dont_write_bytecode:
        tmp = f"{path}.{os.getpid()}.tmp"
        try:
            payload = marshal.dumps((digest, data))  # ValueError for types marshal lacks
            os.makedirs(_CACHE, exist_ok=True)
            with open(tmp, "wb") as fh:
                fh.write(payload)
            os.replace(tmp, path)
        except Exception:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return data


__all__ = ["load_builtin_spec", "load_yaml", "schema_text"]
