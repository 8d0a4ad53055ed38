"""The Motley Fool layouts: the JSON export, and the fool.com transcript page as text or HTML.

``sniff`` and ``parse`` dispatch on the form: a JSON export (``doc.kind == "json"``), the
2025 page (a "CALL PARTICIPANTS" list of "Title — Name" and "Name:" speaker headings) and
the older page ("Prepared Remarks:" and "Questions and Answers:" headings, "Name -- Title"
speaker lines, a "Call participants:" list at the end), scraped as text or read as HTML.
"""

from __future__ import annotations

import re

from callscope.model.call import Call
from callscope.parse._motleyfool_json import looks_like_export, parse_export
from callscope.parse._motleyfool_web import parse_page
from callscope.parse._read import Document

__all__ = ["LAYOUT", "MotleyFoolLayout"]

# The publisher's own signature: its scraper header, its URL, its disclaimer.
_SIGNATURE = re.compile(
    r"Source:\s*motley_fool|fool\.com/earnings/call-transcripts|"
    r"produced for The Motley Fool|The Motley Fool has (?:no )?positions?|"
    r"^All earnings call transcripts$",
    re.IGNORECASE | re.MULTILINE,
)
# Words every branch of _SIGNATURE holds, lower-cased: a page with none of them is not signed.
# (A case-insensitive alternation has no literal prefix to scan for, so the regex alone tries
# every position of the text; these words hold no letter with a non-ASCII case partner, such
# as "s" and "ſ", so ``in`` on the lower-cased text finds every spelling the regex would.)
_SIGNATURE_WORDS = ("motley", "fool.com", "all earn")
_OLD_HEADINGS = re.compile(r"^Prepared Remarks:\s*$", re.MULTILINE)
_OLD_PARTICIPANTS = re.compile(r"^Call participants:\s*$", re.MULTILINE | re.IGNORECASE)
_SPEAKER_DASH = re.compile(r"^[A-Z][\w.'’\- ]{2,60}\s*--\s*\S", re.MULTILINE)


class MotleyFoolLayout:
    name = "motleyfool"
    max_score = 0.95  # the JSON export; a page scores at most 0.9

    def sniff(self, doc: Document) -> float:
        if doc.kind == "json":
            return 0.95 if looks_like_export(doc.data) else 0.0
        if doc.kind not in ("text", "html"):
            return 0.0
        head = doc.text[:400_000]
        lowered = head.lower()
        signed = any(word in lowered for word in _SIGNATURE_WORDS) and (
            _SIGNATURE.search(head) is not None
        )
        old_layout = (
            "Prepared Remarks:" in head  # the regex's literal, checked cheaply first
            and _OLD_HEADINGS.search(head) is not None
            and _OLD_PARTICIPANTS.search(head) is not None
            and _SPEAKER_DASH.search(head) is not None
        )
        if signed:
            return 0.9
        return 0.85 if old_layout else 0.0

    def parse(self, doc: Document) -> Call:
        if doc.kind == "json":
            return parse_export(doc)
        return parse_page(doc)


LAYOUT = MotleyFoolLayout()
