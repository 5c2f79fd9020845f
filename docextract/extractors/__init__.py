"""Extractors turn a Document into a typed record (official letter, press release, ...)."""
