"""Data-only package: JSON Schemas of docextract records and declarative field specs."""
