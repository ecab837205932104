"""Reports for communications reviewers: the self-contained HTML folder `reports/index.html` (with its pages beside
it), the workbook `reports/jargon.xlsx` and CSV files."""
