"""The InduCult2.0 Atlas generator: YAML records become an eight-language static site."""
