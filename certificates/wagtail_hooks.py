from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks

from accounts.access import SEE_CERTIFICATES, may
from common.admin_menu import MenuItemFor

from . import admin_views

certificate_admin_urls = (
    [
        path("", admin_views.certificate_list, name="list"),
        path("export.<str:fmt>", admin_views.certificate_export, name="export"),
        path("<int:pk>/revoke/", admin_views.certificate_revoke_view, name="revoke"),
    ],
    "certificates_admin",
)


@hooks.register("register_admin_urls")
def register_certificate_admin_urls():
    return [path("certificates/", include(certificate_admin_urls))]


@hooks.register("register_admin_menu_item")
def register_certificates_menu_item():
    return MenuItemFor(
        gettext_lazy("Certificates"),
        reverse("certificates_admin:list"),
        icon_name="doc-full",
        order=260,
        shown_to=lambda user: may(user, SEE_CERTIFICATES),
    )


@hooks.register("register_log_actions")
def register_revoke_log_action(actions):
    def message(log_entry):
        reason = (log_entry.data or {}).get("reason", "")
        return gettext_lazy("Revoked: %(reason)s") % {"reason": reason}

    actions.register_action("certificates.revoke", gettext_lazy("Revoke certificate"), message)
