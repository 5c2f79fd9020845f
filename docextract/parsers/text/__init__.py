"""Format-neutral text helpers the parsers share.

* :mod:`.numerals` counters drawn in the number styles of automatic numbering
  ("1.", "가.", "①", "Ⅳ", "이십삼");
* :mod:`.glyphs` the symbol-font bullets word processors store as private-use code points.
"""
