"""The services directory as the coordinator reads it: names and contact details by id, for
referral letters, the queue and the report (the volunteers pick services by these ids)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from huisbezoek.printing.content import Service, load_directory


@lru_cache(maxsize=1)
def _services() -> dict[str, Service]:
    try:
        directory = load_directory()
    except Exception:
        return {}
    return {service.id: service for service in directory.services}


def find_service(service_id: str | None) -> Service | None:
    return _services().get(service_id) if service_id else None


def service_name(service_id: str) -> str:
    """The service's name, or its id when the directory does not know it."""
    found = find_service(service_id)
    return found.name if found else service_id


def names() -> Callable[[str], str]:
    return service_name
