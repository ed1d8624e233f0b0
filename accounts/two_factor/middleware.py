from functools import cache
from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from .policy import asks_for_code, second_factor_required, uses_admin

# What staff may open before the second step: the steps themselves, signing in and out,
# and what those pages load.
OPEN_BEFORE_SECOND_FACTOR = {
    "two_factor:verify",
    "two_factor:setup",
    "two_factor:backup_codes",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
}
# Outside the admin, a staff member's own password is guarded too: the password alone
# must not be enough to change it.
GUARDED_OUTSIDE_ADMIN = {"accounts:password_change"}


@cache
def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


class SecondFactorMiddleware:
    """Staff who have not passed the second step in this session reach nothing in the
    admin: those with an authenticator are asked for a code, those who must have one and
    do not are sent to set it up. Other staff and trainees pass. Nothing is looked up
    outside the admin and the password page, so trainees' learning pages cost no query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name in OPEN_BEFORE_SECOND_FACTOR:
            return None
        in_admin = request.path_info.startswith(admin_prefix())
        if not in_admin and match.view_name not in GUARDED_OUTSIDE_ADMIN:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified() or not uses_admin(user):
            return None
        if asks_for_code(user):
            step = "two_factor:verify"
        elif second_factor_required(user):
            step = "two_factor:setup"
        else:
            return None
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
