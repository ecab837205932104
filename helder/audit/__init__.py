"""The audit stage: jargon, readability, and residents' words against the crawled pages.

All results are pandas tables stored as Parquet in `data/audit/`; the report and page generation read them.
"""
