"""Reports for communications reviewers: `reports/jargon.html` (self-contained) and `reports/jargon.xlsx`."""
