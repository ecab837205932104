"""Generate the residents' site: plain-language task pages in `content/`, built with mkdocs-material into `site/`."""
