"""Build the site: generate every file, then MkDocs with the atlas plugin, search and policy."""
