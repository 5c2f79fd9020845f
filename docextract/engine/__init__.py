"""The extraction engine: document types declared as specs, filled by shared finders.

* :mod:`.spec` — the YAML spec format and its compiler (errors name the file and line);
* :mod:`.extractor` — a spec compiled into an :class:`~.base.Extractor`;
* :mod:`.finders` — the shared finders a spec's fields name;
* :mod:`.lines`, :mod:`.items`, :mod:`.labels`, :mod:`.values`, :mod:`.masks` — the line
  view of a Document, body items, spacing-tolerant labels, value types, masked values;
* :mod:`.catalog` — where specs come from (built-in ``schemas/``, user folders, entry points).

Finding values never imports Pydantic; only building a record does.
"""
