from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.log_actions import LogFormatter

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


class RevokeCertificateLog(LogFormatter):
    """How a revocation reads in the site history: a sentence with the coordinator's reason."""

    label = gettext_lazy("Revoke certificate")

    def format_message(self, log_entry):
        reason = (log_entry.data or {}).get("reason", "").strip()
        if not reason:
            return _("Certificate revoked.")
        return _("Certificate revoked. Reason: %(reason)s") % {"reason": reason}


@hooks.register("register_log_actions")
def register_revoke_log_action(actions):
    actions.register_action("certificates.revoke")(RevokeCertificateLog)
