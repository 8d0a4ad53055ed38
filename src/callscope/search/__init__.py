"""Search over stored calls: full text (FTS5, BM25) and, with the extra, semantic."""
