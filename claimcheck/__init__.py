"""claimcheck: find where public statements strain against the internal record."""

from __future__ import annotations

__version__ = "0.1.0"
SCHEMA_VERSION = 1
