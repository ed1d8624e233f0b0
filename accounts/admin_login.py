"""The Wagtail admin's log-in form, in whole translated sentences.

Wagtail's own form labels the password field from its name ("Password", left in English)
and glues "Enter your" to the username field's name, which reads wrongly in Russian
("ваше псевдоним"). Field names stay `username` and `password`: django-axes reads them."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class StaffLoginForm(LoginForm):
    error_messages = {
        **LoginForm.error_messages,
        "invalid_login": _("This nickname and password do not match. Check both and try again."),
        "inactive": _("This account is switched off. Ask an administrator."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        username, password = self.fields["username"], self.fields["password"]
        username.label = _("Nickname")
        username.widget.attrs.update(placeholder=_("Enter your nickname"), autocapitalize="none")
        username.widget.attrs["autocomplete"] = "username"
        password.label = _("Password")
        password.widget.attrs["autocomplete"] = "current-password"

    def get_invalid_login_error(self):
        return forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login")
