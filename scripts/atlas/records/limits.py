"""How large and how deep a record file may be: far beyond any real record, far below harm.

The numbers are stated for partners in regions/README.md; the tests check that they agree.
"""

# A record file, in bytes. The largest real record (a region with eight long descriptions) is
# about 27 KB.
FILE_BYTES = 256 * 1024

# One text (any single value), in characters. The longest real text is about 3,000.
TEXT_CHARACTERS = 20_000

# Mappings and lists inside one another. The deepest record is four levels (taxonomy: themes,
# a term, its label, one language); the slack lets the schema give its own, clearer message.
NESTING = 6
