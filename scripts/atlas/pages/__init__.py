"""Render: the Markdown pages of every record and overview, in every language."""
