"""Coordinators keep their organisation's local help in the admin: every view of it is held
to their organisation (accounts/admin_scoping.py); administrators see all."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail_parler.handlers import ParlerSnippetAdminMixin

from accounts.access import scope_to_organisation
from accounts.admin_scoping import OrganisationScopedSnippetViewSet
from accounts.models import Organisation

from .local_help import LocalHelp


class LocalHelpViewSet(ParlerSnippetAdminMixin, OrganisationScopedSnippetViewSet):
    model = LocalHelp
    icon = "help"
    menu_label = _("Local help")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["__str__", "checked_by", "checked_on"]

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)

        class ScopedLocalHelpForm(form_class):
            """Offer only the organisation the editing user works for."""

            def __init__(self, *args, for_user=None, **kwargs):
                super().__init__(*args, for_user=for_user, **kwargs)
                if for_user is not None and "organisation" in self.fields:
                    self.fields["organisation"].queryset = scope_to_organisation(
                        for_user, Organisation.objects.all(), field="pk"
                    )

        return ScopedLocalHelpForm


register_snippet(LocalHelpViewSet)
