"""The docs-page loader's public API; the loader itself is the `docs` package beside this."""

from .docs import DocsImport, Guess, load_docs_page, load_docs_text

__all__ = ["DocsImport", "Guess", "load_docs_page", "load_docs_text"]
