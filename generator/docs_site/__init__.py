"""`mmgen docs build`: the provider's docs pages as a static HTML site.

The pipeline renders the Markdown pages in memory (`pipeline.generate`); this package
turns them into HTML (`markdown_html`), lays pages out (`layout`), builds the client-side
search index (`search_index`) and writes the site through `sync` (`build`). The site's
CSS and JavaScript are plain committed files under `templates/docs-site/assets/`.
"""
