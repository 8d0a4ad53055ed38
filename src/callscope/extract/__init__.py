"""Fact extractors and their registry."""
