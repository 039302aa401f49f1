"""The entry points the browser's Web Worker calls through Pyodide.

Strings in, strings out: JSON crosses the JavaScript/Python boundary, so no
proxies leak and errors come back as data instead of exceptions.
"""

from __future__ import annotations

import json

from . import assess_document, get_bank
from .errors import AssessmentError


def assess_json(document_json: str, lang: str, overlay: str | None = None) -> str:
    """Score `{"profile", "answers"}` given as JSON text; return {"ok": true, "result"} or {"ok": false, "error"}."""
    try:
        result = assess_document(json.loads(document_json), lang=lang, overlay=overlay)
    except (AssessmentError, ValueError, RecursionError) as error:
        return json.dumps({"ok": False, "error": str(error)}, ensure_ascii=False)
    return json.dumps({"ok": True, "result": result}, ensure_ascii=False)


def bank_version(overlay: str | None = None) -> str:
    return get_bank(overlay).version
