"""Extraction: from Russian news text to dated, sourced facts (offline, models from packages)."""
