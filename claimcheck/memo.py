"""Values derived from a record, remembered from one scan to the next of a long-lived process.

``claimcheck watch`` keeps every unchanged file's documents and statements as the same Python
objects from one scan to the next (:class:`claimcheck.execute.Resident`), so what a step derives
from one record alone (its JSON line, its words, its normalized text) can be looked up by the
record's identity instead of computed again. Records are immutable, so a value found for the same
object is the value a fresh computation would give. A plain scan passes no memo and computes.
"""

from __future__ import annotations

from typing import Any, Callable, Hashable, TypeVar

T = TypeVar("T")


class Memo:
    """``get(kind, obj, make)``: ``make(obj)``, remembered for that very object (by ``id``, the
    object kept alive so that its id cannot be reused). ``next_round()`` ends a scan: what the
    scan did not ask for is forgotten, so memory follows the folder as it is now. ``get_key``
    is the same for a hashable key (a text) instead of an object."""

    def __init__(self) -> None:
        self._now: dict[tuple[str, int], tuple[Any, Any]] = {}
        self._prev: dict[tuple[str, int], tuple[Any, Any]] = {}
        self._keys_now: dict[tuple[str, Hashable], Any] = {}
        self._keys_prev: dict[tuple[str, Hashable], Any] = {}
        self.hits = 0
        self.misses = 0

    def get(self, kind: str, obj: Any, make: Callable[[Any], T]) -> T:
        k = (kind, id(obj))
        hit = self._now.get(k) or self._prev.get(k)
        if hit is not None and hit[0] is obj:
            self._now[k] = hit
            self.hits += 1
            return hit[1]  # type: ignore[no-any-return]
        value = make(obj)
        self._now[k] = (obj, value)
        self.misses += 1
        return value

    def get_key(self, kind: str, key: Hashable, make: Callable[[Any], T]) -> T:
        k = (kind, key)
        if k in self._keys_now:
            return self._keys_now[k]  # type: ignore[no-any-return]
        value = self._keys_prev[k] if k in self._keys_prev else make(key)
        self._keys_now[k] = value
        return value

    def next_round(self) -> None:
        self._prev, self._now = self._now, {}
        self._keys_prev, self._keys_now = self._keys_now, {}
        self.hits = self.misses = 0


def memoized(memo: Memo | None, kind: str, make: Callable[[Any], T]) -> Callable[[Any], T]:
    """``make`` itself without a memo; else ``make`` looked up in ``memo`` by object identity."""
    if memo is None:
        return make
    return lambda obj: memo.get(kind, obj, make)
