"""Load a Terraform Registry docs page (Markdown) into the model, so a page can seed a spec.

Structure comes from markdown-it tokens (`markdown`, `sections`); only the wording of one
bullet ("(Required)", "Possible values are ...") is read with regexes (`wording`). Block
sections are resolved in document order (`blocks`), the property tree is built from them
(`properties`), the id template is guessed from the import example (`import_id`), and
`loader` assembles the resource, its product, the guesses and the diagnostics.

Everything the loader had to infer is returned as a `Guess` (spec path, message) so the
spec writer can mark it with a YAML comment for the human who finishes the spec.
"""

from .loader import load_docs_page, load_docs_text
from .report import DocsImport, Guess

__all__ = ["DocsImport", "Guess", "load_docs_page", "load_docs_text"]
