"""Values derived from a record, remembered from one scan to the next of a long-lived process.

``claimcheck watch`` keeps every unchanged file's documents and statements as the same Python
objects from one scan to the next (:class:`claimcheck.runtime.resident.Resident`), so what a step derives
from one record alone (its JSON line, its words) can be looked up by the record's identity
instead of computed again. Records are immutable, so a value found for the same
object is the value a fresh computation would give. A plain scan passes no memo and computes.
"""

from __future__ import annotations

from typing import Any, Callable, TypeVar

T = TypeVar("T")


class Memo:
    """``get(kind, obj, make)``: ``make(obj)``, remembered for that very object (by ``id``, the
    object kept alive so that its id cannot be reused). ``next_round()`` ends a scan: what the
    scan did not ask for is forgotten, so memory follows the folder as it is now."""

    def __init__(self) -> None:
        self._now: dict[str, dict[int, tuple[Any, Any]]] = {}
        self._prev: dict[str, dict[int, tuple[Any, Any]]] = {}

    def get(self, kind: str, obj: Any, make: Callable[[Any], T]) -> T:
        return self.lookup(kind, make)(obj)

    def lookup(self, kind: str, make: Callable[[Any], T]) -> Callable[[Any], T]:
        """``get`` for one kind as a function of the object (the tables found once, for a loop)."""
        now = self._now.setdefault(kind, {})
        prev = self._prev.get(kind, {})

        def find(obj: Any) -> T:
            k = id(obj)
            hit = now.get(k) or prev.get(k)
            if hit is not None and hit[0] is obj:
                now[k] = hit
                return hit[1]  # type: ignore[no-any-return]
            value = make(obj)
            now[k] = (obj, value)
            return value
        return find

    def next_round(self) -> None:
        self._prev, self._now = self._now, {}


def memoized(memo: Memo | None, kind: str, make: Callable[[Any], T]) -> Callable[[Any], T]:
    """``make`` itself without a memo; else ``make`` looked up in ``memo`` by object identity."""
    return make if memo is None else memo.lookup(kind, make)
