"""Who a printed text is from: the organisation (from the sociale kaart) and the volunteer's
first name. Shared by the conversation summary and leaflets (``services.documents``) and the
privacy texts (``services.privacy``)."""

from __future__ import annotations

from huisbezoek.errors import InvalidInputError
from huisbezoek.printing import Organisation, ServiceDirectory
from huisbezoek.services import vault_settings
from huisbezoek.services.residents import unit_of_work
from huisbezoek.vault import Vault


class NoOrganisationError(InvalidInputError):
    message_nl = (
        "De gegevens van uw organisatie ontbreken in de sociale kaart. "
        "Vraag uw coördinator om een nieuwe sociale kaart."
    )


def organisation_of(directory: ServiceDirectory) -> Organisation:
    known = directory.organisation
    if known is None:
        raise NoOrganisationError("services directory has no organisation block")
    return Organisation(name=known.name, phone=known.phone)


def volunteer_first_name(vault: Vault) -> str:
    """The volunteer's first name for printed texts; a neutral word when none is set."""
    with unit_of_work(vault) as s:
        parts = vault_settings.volunteer_name(s).split()
    return parts[0] if parts else "uw vrijwilliger"
