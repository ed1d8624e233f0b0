"""The admin's two-factor pages: the code after the password, setting up an authenticator,
backup codes shown once, your own status, and staff recovery (switching someone's off).

All are admin URLs (Wagtail checks admin access first); middleware.py lets the first three
open before the second step."""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from ..access import RESET_SECOND_FACTOR, refusals_to_admin_home, require
from .forms import SecondFactorForm, SetUpForm
from .policy import asks_for_code, authenticator, second_factor_required
from .selectors import backup_codes_left, staff_visible_to
from .services import (
    authenticator_confirm,
    authenticator_start,
    backup_codes_replace,
    second_factor_remove,
)

# Backup codes wait here between the set-up and the page that shows them, which takes them
# out: shown once, never stored in clear anywhere else.
BACKUP_CODES_KEY = "two_factor_backup_codes"


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _passed(request, device) -> None:
    """This session passed the second step with `device`; a new session key, as at log-in."""
    request.session.cycle_key()
    otp_login(request, device)


def _secret_text(device) -> str:
    """The secret in groups of four, for typing into an app instead of scanning."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _qr_svg(device) -> str:
    # Drawn here as inline SVG: no image service, nothing leaves the server.
    # A viewBox and no fixed size, so that the page's style sets the size.
    return segno.make(device.config_url, error="m").svg_inline(
        border=2, dark="#000", light="#fff", omitsize=True
    )


@require_http_methods(["GET", "POST"])
def verify(request):
    """The code after the password, for staff who have a second step."""
    user = request.user
    if user.is_verified() or not asks_for_code(user):
        return redirect("two_factor:status")
    form = SecondFactorForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        _passed(request, form.device)
        if form.used_backup_code:
            left = backup_codes_left(user)
            messages.warning(
                request,
                ngettext(
                    "You signed in with a backup code. %(count)d backup code is left.",
                    "You signed in with a backup code. %(count)d backup codes are left.",
                    left,
                )
                % {"count": left},
            )
        return redirect(_next_url(request))
    return TemplateResponse(
        request, "accounts/two_factor/verify.html", {"form": form, "next": _next_url(request)}
    )


@require_http_methods(["GET", "POST"])
def setup(request):
    """Scan (or type) the secret into an authenticator app, then prove it with a code."""
    user = request.user
    if asks_for_code(user) and not user.is_verified():
        return redirect(f"{reverse('two_factor:verify')}?{urlencode({'next': _next_url(request)})}")
    # A new phone replaces the old one only for someone who passed the second step now.
    replacing = "replace" in request.GET and user.is_verified()
    if authenticator(user) is not None and not replacing:
        messages.info(request, _("Two-factor authentication is already on for your account."))
        return redirect("two_factor:status")
    device = authenticator_start(user=user)
    form = SetUpForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = authenticator_confirm(device=form.device)
        _passed(request, form.device)
        request.session[BACKUP_CODES_KEY] = {"codes": codes, "next": _next_url(request)}
        return redirect("two_factor:backup_codes")
    context = {
        "form": form,
        "next": _next_url(request),
        "required": second_factor_required(user),
        "qr_svg": mark_safe(_qr_svg(device)),  # noqa: S308 - segno's own markup of our URL
        "secret": _secret_text(device),
    }
    return TemplateResponse(request, "accounts/two_factor/setup.html", context)


def backup_codes(request):
    """The new backup codes, once: a reload shows them no more."""
    pending = request.session.pop(BACKUP_CODES_KEY, None)
    if not pending:
        return redirect("two_factor:status")
    return TemplateResponse(
        request, "accounts/two_factor/backup_codes.html", {"codes": pending["codes"], "next": pending["next"]}
    )


@require_http_methods(["GET", "POST"])
def status(request):
    """Your own second step: on or off, backup codes left, new backup codes."""
    user = request.user
    device = authenticator(user)
    if request.method == "POST" and device is not None:
        codes = backup_codes_replace(user=user)
        request.session[BACKUP_CODES_KEY] = {"codes": codes, "next": reverse("two_factor:status")}
        return redirect("two_factor:backup_codes")
    context = {
        "is_on": device is not None,
        "required": second_factor_required(user),
        "codes_left": backup_codes_left(user) if device else 0,
    }
    return TemplateResponse(request, "accounts/two_factor/status.html", context)


@refusals_to_admin_home
def staff(request):
    require(request.user, RESET_SECOND_FACTOR)
    people = list(staff_visible_to(request.user))
    for person in people:
        person.must_have_second_factor = second_factor_required(person)
    return TemplateResponse(request, "accounts/two_factor/staff.html", {"people": people})


@refusals_to_admin_home
@require_http_methods(["GET", "POST"])
def staff_remove(request, pk):
    """Switch off a staff member's second step after they lost their phone. Not your own:
    another administrator or coordinator does that, after checking who is asking."""
    require(request.user, RESET_SECOND_FACTOR)
    person = get_object_or_404(staff_visible_to(request.user).exclude(pk=request.user.pk), pk=pk)
    if request.method == "POST":
        second_factor_remove(user=person)
        if second_factor_required(person):
            done = _(
                "Two-factor authentication is off for %(nickname)s. "
                "They set it up again at their next sign-in."
            )
        else:
            done = _("Two-factor authentication is off for %(nickname)s.")
        messages.success(request, done % {"nickname": person.nickname})
        return redirect("two_factor:staff")
    return TemplateResponse(
        request,
        "accounts/two_factor/staff_remove.html",
        {"person": person, "required": second_factor_required(person)},
    )
