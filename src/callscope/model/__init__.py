"""Typed values shared by every stage: call structure, facts and source spans."""
