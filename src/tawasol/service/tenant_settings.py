"""The admin console's settings of a tenant: escalation thresholds, the bot's answer thresholds, retention.

Each value an admin may change is declared here with its range; what is shown is the value in force (the
tenant's, else the default the pipeline uses). A change is validated whole before anything is stored, merged
into the tenant's settings (other keys of each section are kept) and audited with the values before and after.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from tawasol.bot import BotSettings
from tawasol.domain.errors import InvalidInput
from tawasol.privacy import RetentionPolicy
from tawasol.routing import EscalationPolicy
from tawasol.service import audit
from tawasol.service.admin import admin_tenant
from tawasol.service.principals import UserPrincipal
from tawasol.store.uow import UnitOfWork

# section -> key -> (type, lowest, highest, may be None)
EDITABLE: dict[str, dict[str, tuple[type, float, float, bool]]] = {
    "escalation": {
        "human_request": (float, 0, 1, False),
        "negative_intensity": (float, 0, 1, False),
        "negative_turns": (int, 1, 10, False),
        "negative_frustration": (float, 0, 1, False),
        "anger": (float, 0, 1, False),
        "churn_threat": (float, 0, 1, False),
        "low_confidence": (float, 0, 1, False),
        "max_out_of_scope": (int, 1, 10, False),
        "loop_turns": (int, 1, 10, False),
        "sensitive_confidence": (float, 0, 1, False),
    },
    "bot": {
        "threshold": (float, 0, 1, False),
        "intent_confidence": (float, 0, 1, False),
        "max_misses": (int, 1, 10, False),
    },
    "retention": {"raw_text_days": (int, 0, 3650, True), "redacted_days": (int, 0, 3650, True)},
}


def _in_force(settings: dict[str, Any]) -> dict[str, dict[str, Any]]:
    policies: dict[str, Any] = {
        "escalation": EscalationPolicy.from_settings(settings),
        "bot": BotSettings.from_tenant(settings),
        "retention": RetentionPolicy.from_settings(settings),
    }
    out: dict[str, dict[str, Any]] = {}
    for section, keys in EDITABLE.items():
        names = {f.name for f in fields(policies[section])}
        out[section] = {k: getattr(policies[section], k) for k in keys if k in names}
    return out


def read(uow: UnitOfWork, who: UserPrincipal, tenant_slug: str) -> dict[str, dict[str, Any]]:
    with uow:
        return _in_force(admin_tenant(uow, who, tenant_slug).settings or {})


def update(
    uow: UnitOfWork, who: UserPrincipal, tenant_slug: str, changes: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    checked = {
        section: {key: _checked(section, key, value) for key, value in (values or {}).items()}
        for section, values in changes.items()
        if _section(section)
    }
    with uow:
        tenant = admin_tenant(uow, who, tenant_slug)
        settings = dict(tenant.settings or {})
        before = _in_force(settings)
        for section, values in checked.items():
            settings[section] = {**(settings.get(section) or {}), **values}
        tenant.settings = settings  # a new dict: the JSON column sees the change
        after = _in_force(settings)
        changed = {
            s: {k: [before[s][k], after[s][k]] for k in checked.get(s, {}) if before[s][k] != after[s][k]}
            for s in checked
        }
        audit.append(
            uow,
            who.user.email,
            "admin.settings.update",
            f"tenant:{tenant.slug}",
            {s: v for s, v in changed.items() if v},
            tenant_id=tenant.id,
        )
        uow.commit()
        return after


def _section(section: str) -> bool:
    if section not in EDITABLE:
        raise InvalidInput(section, f"expected one of {sorted(EDITABLE)}")
    return True


def _checked(section: str, key: str, value: Any) -> Any:
    spec = EDITABLE[section].get(key)
    if spec is None:
        raise InvalidInput(f"{section}.{key}", f"expected one of {sorted(EDITABLE[section])}")
    kind, low, high, nullable = spec
    if value is None and nullable:
        return None
    number_ok = (
        isinstance(value, (int, float)) and not isinstance(value, bool) and (kind is float or float(value).is_integer())
    )
    if not number_ok or not low <= value <= high:
        what = "a whole number" if kind is int else "a number"
        raise InvalidInput(f"{section}.{key}", f"expected {what} from {low:g} to {high:g}, got {value!r}")
    return kind(value)
