"""brand.yml read safely: size-limited, UTF-8, no anchors or aliases, and a YAML error in one short line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from assessment.bank.files import NotRegularFile, read_limited

from .errors import BrandError, shown

MAX_BRAND_BYTES = 256 * 1024


class _NoAliases(yaml.SafeLoader):  # type: ignore[misc]
    """yaml.safe_load without anchors and aliases: a brand file never needs them, and they allow
    'billion laughs' (a few lines that expand to gigabytes)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.MarkedYAMLError(
                problem="anchors and aliases (& and *) are not allowed", problem_mark=event.start_mark
            )
        return super().compose_node(parent, index)


def _yaml_problem(error: yaml.YAMLError) -> str:
    """A YAML error in one short line: where, and what (never the file's text around it)."""
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        mark = error.problem_mark
        what = error.problem or error.context or "invalid"
        text = f"line {mark.line + 1}, column {mark.column + 1}: {what}"
    else:
        text = (str(error).splitlines() or ["invalid"])[0]
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 120 else text[:117] + "..."


def read_yaml(path: Path) -> dict[str, Any]:
    """brand.yml as a mapping, or one line saying why not (size-limited, UTF-8, no aliases)."""
    file = shown(path)
    try:
        raw = read_limited(path, MAX_BRAND_BYTES)
    except FileNotFoundError:
        raise BrandError(file, None, "not found (a brand folder needs a brand.yml)") from None
    except NotRegularFile as exc:
        raise BrandError(file, None, str(exc)) from None
    except OSError as exc:
        raise BrandError(file, None, f"cannot be read ({exc.strerror})") from None
    if len(raw) > MAX_BRAND_BYTES:
        raise BrandError(file, None, f"is too large (more than {MAX_BRAND_BYTES // 1024} KB)")
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_NoAliases)  # a SafeLoader, without aliases
    except UnicodeDecodeError:
        raise BrandError(file, None, "is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        raise BrandError(file, None, f"is not valid YAML: {_yaml_problem(exc)}") from None
    except RecursionError:
        raise BrandError(file, None, "is not valid YAML: nested too deeply") from None
    if not isinstance(data, dict):
        raise BrandError(file, None, "must be a mapping of fields")
    return data
