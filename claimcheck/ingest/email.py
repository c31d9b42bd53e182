"""email reader (being written)."""

from __future__ import annotations

READERS: dict = {}
