"""Plugin registries: built-ins from a table in code, third parties from entry points.

Both kinds are looked up the same way, loaded lazily, and checked for their declared
dependencies before use. ``DOCEXTRACT_PLUGINS=none`` turns third-party entry points off
(the test suite does this); ``all`` (the default) loads every installed plugin.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .errors import MissingDependency, PluginError

if TYPE_CHECKING:
    from .extractors.base import Extractor
    from .parsers.base import Parser

T = TypeVar("T")


@dataclass(frozen=True)
class Entry:
    """One registered plugin: its key, target ``module:attr`` and where it came from."""

    name: str
    target: str
    origin: str  # "builtin" or the distribution name


class Registry(Generic[T]):
    """Name → plugin class, filled from a built-in table and an entry point group."""

    def __init__(self, group: str, builtins: dict[str, str], kind: str) -> None:
        self.group = group
        self.kind = kind
        self._builtins = dict(builtins)
        self._entries: dict[str, Entry] | None = None
        self._loaded: dict[str, type[T]] = {}
        self._extra: dict[str, type[T]] = {}

    def _discover(self) -> dict[str, Entry]:
        if self._entries is not None:
            return self._entries
        entries = {n: Entry(n, t, "builtin") for n, t in self._builtins.items()}
        if self.group == "docextract.extractors":
            from .engine.catalog import spec_files, user_folders

            for folder in user_folders():
                for n, path in spec_files(folder).items():
                    entries.setdefault(n, Entry(n, f"spec:{path}", "schema-path"))
        if (os.environ.get("DOCEXTRACT_PLUGINS", "all").strip().lower() != "none"
                and _may_declare(self.group)):
            from importlib.metadata import entry_points

            allowed = os.environ.get("DOCEXTRACT_PLUGINS", "all").strip().lower()
            allow = None if allowed in ("", "all") else {a.strip() for a in allowed.split(",")}
            for ep in entry_points(group=self.group):
                dist = ep.dist.name if ep.dist is not None else "unknown"
                if dist.lower() == "docextract":
                    continue  # our own entry points duplicate the built-in table
                if allow is not None and dist.lower() not in allow and ep.name not in allow:
                    continue
                if ep.name in entries:
                    continue  # built-ins win; a plugin cannot silently replace one
                entries[ep.name] = Entry(ep.name, ep.value, dist)
        self._entries = entries
        return entries

    def register(self, name: str, plugin: type[T]) -> None:
        """Register a class at run time (tests, notebooks). Refuses duplicate names."""
        if name in self._discover() or name in self._extra:
            raise PluginError(f"{self.kind} {name!r} is already registered")
        self._extra[name] = plugin

    def unregister(self, name: str) -> None:
        self._extra.pop(name, None)

    def entry_target(self, name: str) -> str | None:
        """Where ``name`` comes from (``module:attr``, ``spec:<path>``), or ``None``."""
        if name in self._extra:
            c = self._extra[name]
            return f"{c.__module__}:{c.__qualname__}"
        entry = self._discover().get(name)
        return entry.target if entry is not None else None

    def names(self) -> list[str]:
        return list(self._discover()) + list(self._extra)

    def entries(self) -> list[Entry]:
        out = list(self._discover().values())
        out += [Entry(n, f"{c.__module__}:{c.__qualname__}", "runtime")
                for n, c in self._extra.items()]
        return out

    def get(self, name: str) -> type[T]:
        """Load a plugin class by name, checking its ``requires`` first."""
        if name in self._extra:
            return self._extra[name]
        if name in self._loaded:
            return self._loaded[name]
        # Built-ins resolve without scanning installed distributions (that scan costs
        # tens of milliseconds, and a one-file CLI run should not pay it).
        if name in self._builtins:
            entry: Entry | None = Entry(name, self._builtins[name], "builtin")
        else:
            entry = self._discover().get(name)
        if entry is None:
            known = ", ".join(sorted(self.names())) or "none"
            raise PluginError(f"no {self.kind} named {name!r} (known: {known})")
        if entry.target.startswith("spec:"):
            # a document type declared by a spec file (docextract.engine.catalog)
            from .engine.catalog import extractor_for_path

            spec_class: Any = extractor_for_path(entry.target[5:], builtin=entry.origin == "builtin")
            self._loaded[name] = spec_class
            return spec_class  # type: ignore[no-any-return]
        module_name, _, attr = entry.target.partition(":")
        try:
            module = importlib.import_module(module_name)
            plugin: Any = getattr(module, attr) if attr else module
            if self.group == "docextract.extractors":
                from .engine.catalog import as_extractor_class

                plugin = as_extractor_class(plugin, entry.target)
        except MissingDependency:
            raise
        except ImportError as exc:
            missing = getattr(exc, "name", None) or str(exc)
            if missing == module_name or module_name.startswith(f"{missing}."):
                raise PluginError(f"{self.kind} {name!r}: module {module_name!r} is not "
                                  "installed (broken installation?)") from exc
            raise MissingDependency(
                f"{self.kind} {name!r} needs the package {missing!r}: pip install {missing}"
            ) from exc
        except Exception as exc:
            raise PluginError(f"{self.kind} {name!r} ({entry.target}) failed to load: {exc}") from exc
        check_requirements(plugin, f"{self.kind} {name!r}")
        self._loaded[name] = plugin
        return plugin  # type: ignore[no-any-return]  # a class by contract, not checkable



def _may_declare(group: str) -> bool:
    """False only when no installed distribution but docextract can have ``group`` entry points.

    ``importlib.metadata`` costs tens of milliseconds to import and to read every
    distribution's metadata, which a one-file CLI run should not pay when there are no
    plugins. This looks at the same places it does (the ``*.dist-info`` and ``*.egg-info``
    folders of each ``sys.path`` directory) for an ``entry_points.txt`` naming the group;
    zipped paths, eggs and third-party metadata finders answer True (scan properly).
    """
    for finder in sys.meta_path:
        if hasattr(finder, "find_distributions") and finder is not importlib.machinery.PathFinder:
            return True
    for root in sys.path:
        try:
            children = os.listdir(root or ".")
        except NotADirectoryError:
            return True  # a zip file on the path
        except OSError:
            continue
        if os.path.basename(root).lower().endswith(".egg"):
            return True
        for child in children:
            low = child.lower()
            if not low.endswith((".dist-info", ".egg-info")):
                continue
            folder = os.path.join(root or ".", child)
            try:
                with open(os.path.join(folder, "entry_points.txt"), encoding="utf-8",
                          errors="replace") as fh:
                    declares = group in fh.read()
            except OSError:
                continue  # no entry points (or an egg-info file): nothing to load
            if declares and not _is_docextract(folder, low):
                return True
    return False


def _is_docextract(folder: str, low: str) -> bool:
    """Whether a metadata folder is docextract's own (its entry points mirror the built-ins)."""
    if low.rpartition(".")[0].partition("-")[0].replace("-", "_") != "docextract":
        return False
    for name in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    if line.lower().startswith("name:"):
                        return line.split(":", 1)[1].strip().lower() == "docextract"
                    if not line.strip():
                        break
        except OSError:
            continue
    return False


def check_requirements(plugin: Any, label: str) -> None:
    """Raise ``MissingDependency`` naming the pip command when a required module is absent."""
    requires: dict[str, str] = getattr(plugin, "requires", {}) or {}
    missing = [req for mod, req in requires.items() if importlib.util.find_spec(mod) is None]
    if missing:
        raise MissingDependency(f"{label} needs {', '.join(missing)}: pip install "
                                + " ".join(f'"{m}"' for m in missing))


_REGISTRIES: dict[str, Registry[Any]] = {}


def _registry(group: str, builtins_attr: str, kind: str) -> Registry[Any]:
    """The process-wide registry for one entry point group, created on first use."""
    reg = _REGISTRIES.get(group)
    if reg is None:
        module = importlib.import_module(f"docextract.{kind}s")
        reg = _REGISTRIES[group] = Registry(group, getattr(module, builtins_attr), kind)
    return reg


def parsers() -> Registry[Parser]:
    """The process-wide parser registry (format name → Parser class)."""
    return _registry("docextract.parsers", "BUILTIN_PARSERS", "parser")


def extractors() -> Registry[Extractor]:
    """The process-wide extractor registry (record type → Extractor class)."""
    return _registry("docextract.extractors", "BUILTIN_EXTRACTORS", "extractor")


def add_schema_dir(folder: str | os.PathLike[str]) -> list[str]:
    """Register every spec in ``folder`` (``--schema-dir``) as an extractor; returns the type
    names added. A spec's type must be its file name, and may not take a registered name."""
    from .engine.catalog import extractor_for_path, spec_files
    from .errors import ExtractionError

    reg = extractors()
    added = []
    for name, path in spec_files(folder).items():
        cls = extractor_for_path(path)
        if cls.spec.type != name:
            raise ExtractionError(f"{path}: the spec's type {cls.spec.type!r} must match its file name")
        if name in reg.names():
            if reg.entry_target(name) == f"spec:{path}" or reg.get(name) is cls:
                continue
            raise ExtractionError(f"{path}: type {name!r} is already defined "
                                  f"({reg.entry_target(name)})")
        reg.register(name, cls)
        added.append(name)
    return added


def parser_for_format(fmt: str) -> type[Parser]:
    """The parser class that reads ``fmt``: a built-in of that name, else any plugin listing it."""
    from .parsers import BUILTIN_PARSERS

    reg = parsers()
    if fmt in BUILTIN_PARSERS or fmt in reg.names():
        cls = reg.get(fmt)
        if fmt in getattr(cls, "formats", (fmt,)):
            return cls
    for name in reg.names():
        if name == fmt:
            continue
        try:
            cls = reg.get(name)
        except (MissingDependency, PluginError):
            continue
        if fmt in getattr(cls, "formats", ()):
            return cls
    from .errors import UnsupportedFormat

    raise UnsupportedFormat(f"no parser is registered for format {fmt!r}")
