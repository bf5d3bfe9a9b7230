"""Loaders turn source documents (YAML specs, Markdown docs pages) into the model."""
