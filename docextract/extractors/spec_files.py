"""Finding the YAML field specs shipped in the ``docextract_schemas`` package.

Installed, the top-level ``schemas/`` folder is the package ``docextract_schemas``; in a
source checkout that is not installed, the folder beside the ``docextract`` package is used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import ExtractionError


def schema_text(name: str) -> str:
    """The text of ``schemas/<name>`` (e.g. ``official_letter.fields.yaml``)."""
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
    # libyaml's C loader, when PyYAML was built with it, parses the specs ~20x faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise ExtractionError(f"{origin}: invalid YAML: {str(exc).splitlines()[0]}") from exc
    if not isinstance(data, dict):
        raise ExtractionError(f"{origin}: the spec must be a mapping")
    return data


__all__ = ["load_yaml", "schema_text"]
