"""Whose country's law and help a reader sees: their organisation's country, not the page
language (Russian speakers live in Ukraine too). A reader without an organisation (not
signed in, or an administrator) picks a country, remembered for the visit."""

from accounts.models import Country

SESSION_KEY = "reader_country"


def reader_organisation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    if user.organisation_id:
        return user.organisation
    if user.training_group_id:
        return user.training_group.organisation
    return None


def reader_country(request) -> str | None:
    if request is None:
        return None
    organisation = reader_organisation(request)
    if organisation is not None:
        return organisation.country
    chosen = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    return chosen if chosen in Country.values else None


def reader_country_set(request, country: str) -> bool:
    """Remember the country an anonymous reader picked; False for one the site does not know."""
    if country not in Country.values:
        return False
    request.session[SESSION_KEY] = country
    return True
