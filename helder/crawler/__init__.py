"""The crawl stage: a Scrapy spider that stores each page's main text in `data/crawl.sqlite`."""

# Documents whose text Helder reads (kept here, light to import, for the spider and the crawl summary).
DOCUMENT_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
