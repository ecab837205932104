"""Residents' words: search terms from Search Console exports (and later APIs) in one normalised table."""
