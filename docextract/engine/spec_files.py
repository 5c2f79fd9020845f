"""Finding the YAML field specs shipped in the ``docextract_schemas`` package.

Installed, the top-level ``schemas/`` folder is the package ``docextract_schemas``; in a
source checkout that is not installed, the folder beside the ``docextract`` package is used.
The built-in specs, once parsed, are kept in the user's cache directory
(:func:`load_builtin_spec`; ``DOCEXTRACT_CACHE=off`` turns that off).
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

def schema_text(name: str) -> str:
    """The text of ``schemas/<name>`` (e.g. ``official_letter.yaml``)."""
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
    import yaml  # 10-20 ms to import; a CLI run with a cached built-in spec never needs it

    # libyaml's C loader, when PyYAML was built with it, parses the specs ~20x faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise ExtractionError(f"{origin}: invalid YAML: {str(exc).splitlines()[0]}") from exc
    if not isinstance(data, dict):
        raise ExtractionError(f"{origin}: the spec must be a mapping")
    return data


CACHE_SETTING = "DOCEXTRACT_CACHE"
"""Environment variable: ``off`` turns the spec cache off; a folder path moves it there;
unset (or ``on``) keeps it in the user cache directory (``platformdirs``)."""

_OFF = {"off", "0", "no", "false", "none"}


def cache_folder() -> Path | None:
    """Where parsed built-in specs are kept, or ``None`` when ``DOCEXTRACT_CACHE=off``.

    Never the installed package's folder (which may be read-only, or shared by users):
    the user's cache directory, e.g. ``~/.cache/docextract`` on Linux.
    """
    setting = os.environ.get(CACHE_SETTING, "").strip()
    if setting.lower() in _OFF:
        return None
    if setting and setting.lower() != "on":
        return Path(setting)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("docextract", appauthor=False))


def load_builtin_spec(name: str) -> dict[str, Any]:
    """``load_yaml(schema_text(name), name)``, kept across runs while the text is unchanged.

    Importing PyYAML costs a one-file CLI run more than the extraction, so the parsed
    mapping is stored (``marshal`` of plain data) in :func:`cache_folder` under the
    SHA-256 of the YAML text it came from, and used only when that digest matches. A
    cache that cannot be read or written is silently not used.
    """
    text = schema_text(name)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    folder = cache_folder()
    if folder is None:
        return load_yaml(text, name)
    # marshal's format belongs to the interpreter version: the cache tag is in the name
    path = folder / f"{name}.{digest[:16]}.{sys.implementation.cache_tag}.marshal"
    try:
        stored, data = marshal.loads(path.read_bytes())
        if stored == digest and isinstance(data, dict):
            return data
    except Exception:  # missing, stale or unreadable: parse the YAML
        pass
    data = load_yaml(text, name)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        payload = marshal.dumps((digest, data))  # ValueError for types marshal lacks
        folder.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(payload)
        os.replace(tmp, path)  # atomic: concurrent runs never see half a file
    except Exception:
        try:
            tmp.unlink()
        except OSError:
            pass
    return data


__all__ = ["CACHE_SETTING", "cache_folder", "load_builtin_spec", "load_yaml", "schema_text"]
