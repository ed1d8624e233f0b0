"""An organisation's local help: the hotlines, legal aid, clinics and testing, PrEP and PEP
places it has vetted. Its coordinators keep it up to date (in the admin, scoped to their
organisation); a module shows it where a "Local help" block stands, in the reader's
language, for the reader's organisation."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields
from wagtail.fields import RichTextField

from accounts.models import Organisation

HELP_FEATURES = ["h3", "bold", "italic", "ul", "link"]


class LocalHelp(TranslatableModel):
    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="local_help", verbose_name=_("organisation")
    )
    translations = TranslatedFields(
        text=RichTextField(
            _("local help"),
            features=HELP_FEATURES,
            help_text=_(
                "Hotlines, legal aid, clinics, and testing, PrEP and PEP places the organisation checked."
            ),
        ),
    )
    checked_by = models.CharField(_("checked by"), max_length=120)
    checked_on = models.DateField(_("checked on"))

    class Meta:
        app_label = "courses"
        verbose_name = _("local help")
        verbose_name_plural = _("local help")

    def __str__(self):
        return str(self.organisation)
