"""The crawl stage: a Scrapy spider that stores each page's main text in `data/crawl.sqlite`."""
