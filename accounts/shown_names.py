"""Whose nickname the person looking at a screen may read (docs/access.md).

Pages are shared by both organisations, so Wagtail's editor and reports show who locked,
edited, commented on, owns or reviewed a page, whichever organisation that person belongs
to. Staff must not learn the other organisation's people's nicknames that way. Wagtail
and wagtail-localize name people through `get_full_name()` or `str(user)`; the User
model asks here, and for a viewer who does not see every organisation, someone of
another organisation is shown as a neutral label instead (and without their avatar:
accounts/wagtail_hooks.py). Admins, and the person's colleagues, see the nickname.

"Who is looking" is the request being answered: `ViewerMiddleware` records it for the
length of the request (and of a streamed response, e.g. a CSV export). Outside a request
(management commands, the shell) names are shown as they are."""

from contextvars import ContextVar

from django.http import FileResponse
from django.utils.translation import gettext_lazy as _

ANOTHER_ORGANISATION = _("staff of another organisation")

_request = ContextVar("request_being_answered", default=None)


def hidden_from_viewer(person) -> bool:
    """Whether `person` (a user) belongs to an organisation the current viewer may not see."""
    request = _request.get()
    if request is None or getattr(person, "organisation_id", None) is None:
        return False  # outside a request; the system (no person); an admin of no organisation
    # Here, not at the top: accounts.access needs the User model loaded, and models.py needs this.
    from .access import sees_every_organisation

    viewer = getattr(request, "user", None)
    if viewer is None or not viewer.is_authenticated or viewer.pk == person.pk:
        return False
    return not sees_every_organisation(viewer) and person.organisation_id != viewer.organisation_id


def _streamed(request, content):
    token = _request.set(request)
    try:
        yield from content
    finally:
        _request.reset(token)


class ViewerMiddleware:
    """Record the request being answered, so that names shown in it follow its viewer.
    After AuthenticationMiddleware: `request.user` is read only when a name is shown."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _request.reset(token)
        # Files name no one, and wrapping them would lose the server's sendfile.
        if response.streaming and not response.is_async and not isinstance(response, FileResponse):
            response.streaming_content = _streamed(request, response.streaming_content)
        return response
