"""The review loop: reviewers' decisions on jargon terms and candidates, stored with who/when and applied."""
