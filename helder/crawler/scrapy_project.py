"""The Scrapy project settings module, for running Helder's spider outside `helder crawl` (Scrapyd, `scrapy crawl`).

`helder crawl` builds its settings from helder.toml; a Scrapyd job gets these defaults, the spider arguments
(`store`, `start_urls`, ...) and any `setting=NAME=VALUE` overrides sent with the job.
"""

from helder.crawler.settings import BASE_SETTINGS

globals().update(BASE_SETTINGS)
SPIDER_MODULES = ["helder.crawler.spider"]
NEWSPIDER_MODULE = "helder.crawler.spider"
