# SPDX-License-Identifier: MIT
"""The report's own words: the `report.` strings of the one YAML system (`booster/i18n/ui.<lang>.yaml`).

Card texts come from the deck; only the report's headings and captions live there.
"""

from __future__ import annotations

from booster import i18n
from booster.translation.core import flat


def labels_for(lang: str) -> dict[str, str]:
    """The labels of `lang` ("fr-ca" uses "fr" when it has no file), completed by English for any missing
    key or any label whose placeholders do not match the English one."""
    base = (lang or i18n.SOURCE).lower().replace("_", "-")
    if i18n.file_of(base) is None:
        base = base.split("-")[0]
    source = flat(i18n.table(i18n.SOURCE).get("report", {}))
    own = flat(i18n.table(base).get("report", {})) if base != i18n.SOURCE else source
    return {
        k: own[k] if own.get(k) and i18n.placeholders(own[k]) == i18n.placeholders(v) else v for k, v in source.items()
    }
