"""The entry points the browser's Web Worker calls through Pyodide.

Strings in, strings out: JSON crosses the JavaScript/Python boundary, so no
proxies leak and errors come back as data instead of exceptions.
"""

from __future__ import annotations

import json

from . import assess_document, get_bank
from .errors import AssessmentError


def assess_json(document_json: str, lang: str) -> str:
    """Score `{"profile", "answers"}` given as JSON text; return {"ok": true, "result"} or {"ok": false, "error"}.

    The bank is the one inside this package: the site's build merged its brand's overlay into it.
    """
    try:
        result = assess_document(json.loads(document_json), lang=lang)
    except (AssessmentError, ValueError, RecursionError) as error:
        return json.dumps({"ok": False, "error": str(error)}, ensure_ascii=False)
    return json.dumps({"ok": True, "result": result}, ensure_ascii=False)


def bank_version() -> str:
    return get_bank().version
