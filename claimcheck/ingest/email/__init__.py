"""E-mail (.eml) and mailboxes (.mbox): headers, body, signatures cut, quoted history split out.

MIME is parsed by the standard library's ``email`` package with ``policy.default`` (encoded-words,
quoted-printable, base64, multipart, charsets) rather than by hand. Headers are parsed from the
header block decoded as UTF-8, else Windows-1252, so undeclared 8-bit headers come out right.
An mbox is split on its "From " separator lines by this package (not ``mailbox.mbox``) so that each
message keeps its line offset in the file for source references.

The reply's own text is ``Document.text``; each quoted earlier message ("On <date>, X wrote:",
"-----Original Message-----", an Outlook From:/Sent:/To:/Subject: block, "> " lines) becomes its
own Document (part "quote1", ``quoted=True``) with the date and author of its attribution.

The modules: ``readers.py`` (the .eml, .emlx and .mbox files), ``message.py`` (one message into
documents), ``thread.py`` (the reply and its quoted messages), ``signature.py`` (signatures cut, a
signature's organization), ``addresses.py`` (people in headers), ``dates.py`` (header dates).
"""

from __future__ import annotations

from .readers import READERS, read_eml, read_emlx, read_mbox

__all__ = ["READERS", "read_eml", "read_emlx", "read_mbox"]
