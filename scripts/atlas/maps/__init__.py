"""Folium maps of the atlas: documents, their elements, their data and their place on pages."""
