"""Wagtail hooks for two-factor authentication, imported by accounts/wagtail_hooks.py."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from common.admin_menu import MenuItemFor

from ..access import RESET_SECOND_FACTOR, may
from . import views
from .policy import asks_for_code, second_factor_required, uses_admin

two_factor_urls = (
    [
        path("", views.status, name="status"),
        path("verify/", views.verify, name="verify"),
        path("set-up/", views.setup, name="setup"),
        path("backup-codes/", views.backup_codes, name="backup_codes"),
        path("staff/", views.staff, name="staff"),
        path("staff/<int:pk>/remove/", views.staff_remove, name="staff_remove"),
    ],
    "two_factor",
)


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("two-factor/", include(two_factor_urls))]


@hooks.register("register_admin_menu_item")
def register_staff_menu_item():
    return MenuItemFor(
        _("Two-factor authentication"),
        reverse("two_factor:staff"),
        icon_name="key",
        order=260,  # after Trainees
        shown_to=lambda user: may(user, RESET_SECOND_FACTOR),
    )


@hooks.register("register_account_menu_item")
def register_own_status_item(request):
    return {
        "url": reverse("two_factor:status"),
        "label": _("Two-factor authentication"),
        "help_text": _("A code from an app on your phone each time you sign in."),
    }


class SecondFactorOfferPanel(Component):
    """On the dashboard of staff who may, but need not, use a second step and do not yet."""

    name = "two_factor_offer"
    template_name = "accounts/two_factor/offer_panel.html"
    order = 50  # first: it is short and about the user's own safety


@hooks.register("construct_homepage_panels")
def offer_second_factor(request, panels):
    user = request.user
    if uses_admin(user) and not second_factor_required(user) and not asks_for_code(user):
        panels.append(SecondFactorOfferPanel())
