"""Following a company across calls: how a call differs from the company's previous one."""

from __future__ import annotations

from callscope.track.compare import Comparison, compare, comparison_to_dict

__all__ = ["Comparison", "compare", "comparison_to_dict"]
