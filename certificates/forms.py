from django import forms
from django.utils.translation import gettext_lazy as _

from common.languages import language_choices
from common.pdf_fonts import font_has

from .names import NameRefused, clean_name


class DownloadForm(forms.Form):
    name = forms.CharField(
        label=_("Name to print (optional)"),
        required=False,
        max_length=1000,  # clean_name refuses long names with a clearer message
        help_text=_(
            "Leave it empty to print your nickname. Printed on this PDF only, unless you tick the box below."
        ),
    )
    keep_name = forms.BooleanField(label=_("Keep this name on my certificate"), required=False)
    show_name = forms.BooleanField(
        label=_("Show this name to people who check the certificate's code"), required=False
    )
    language = forms.ChoiceField(label=_("Language of the certificate"), choices=language_choices)

    def clean_name(self):
        try:
            return clean_name(self.cleaned_data["name"], font_has)
        except NameRefused as refused:
            raise forms.ValidationError(refused.message) from None


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Certificate code"), max_length=40, help_text=_("For example: 7K3M-Q9TX-2D4F")
    )
