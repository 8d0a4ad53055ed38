"""The curated public surface: ``__all__`` complete, sorted and importable."""

from __future__ import annotations

import callscope


def test_all_is_sorted_and_unique() -> None:
    assert list(callscope.__all__) == sorted(set(callscope.__all__))


def test_all_names_resolve() -> None:
    for name in callscope.__all__:
        assert getattr(callscope, name) is not None, name


def test_every_public_class_or_function_is_listed() -> None:
    public = {
        name
        for name, value in vars(callscope).items()
        if not name.startswith("_") and (isinstance(value, type) or callable(value))
    }
    assert public <= set(callscope.__all__)


def test_errors_share_one_root() -> None:
    for name in ("InputError", "UnknownLayout", "ParseError", "StoreError", "NotFound"):
        assert issubclass(getattr(callscope, name), callscope.CallscopeError)
