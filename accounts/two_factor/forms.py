"""Typing a code: from the authenticator app (6 digits) or a backup code. django-otp checks
it and counts wrong tries per device: after each one the next try waits twice as long
(1, 2, 4, 8... seconds), which makes guessing a 6-digit code hopeless."""

import math

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.models import Device, VerifyNotAllowed
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

WRONG_CODE = _(
    "This code is not right. Type the code your app shows now; check that the phone's time is correct."
)
WRONG_BACKUP_CODE = _("This code is not right, or it was used already. Each backup code works once.")
APP_CODE_DIGITS = _("The code from the app has 6 digits.")


def normalised(raw: str) -> str:
    """What was typed, as stored: no spaces or dashes, lower case (backup codes)."""
    return "".join(ch for ch in raw.lower() if ch not in " -\t")


def throttled(device: Device) -> forms.ValidationError | None:
    """The refusal while `device` waits after wrong codes, saying how long."""
    allowed, extra = device.verify_is_allowed()
    if allowed:
        return None
    seconds = 1
    if extra.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS and extra.get("locked_until"):
        seconds = max(1, math.ceil((extra["locked_until"] - timezone.now()).total_seconds()))
    return forms.ValidationError(
        ngettext(
            "Too many wrong codes. Wait %(seconds)d second and try again.",
            "Too many wrong codes. Wait %(seconds)d seconds and try again.",
            seconds,
        )
        % {"seconds": seconds},
        code="throttled",
    )


def check_code(device: Device, code: str, wrong) -> Device:
    """`device` if `code` is right for it; else a ValidationError (a wrong try is counted)."""
    with transaction.atomic():
        # Locked, so that tries at the same moment are all counted and a code works once.
        device = type(device).objects.select_for_update().get(pk=device.pk)
        refusal = throttled(device)
        if refusal is None and device.verify_token(code):
            return device
    raise refusal or forms.ValidationError(wrong, code="wrong_code")


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 32)
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={
                    "autocomplete": "one-time-code",
                    "autocapitalize": "none",
                    "spellcheck": "false",
                    "autofocus": "",
                }
            ),
        )
        super().__init__(**kwargs)


class SecondFactorForm(forms.Form):
    """Signing in: the app's code, or one of the backup codes."""

    code = CodeField(
        label=_("Code"),
        help_text=_("The 6 digits your authenticator app shows now. Lost your phone? Type a backup code."),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None
        self.used_backup_code = False

    def clean_code(self):
        code = normalised(self.cleaned_data["code"])
        if code.isdigit():
            if len(code) != 6:
                raise forms.ValidationError(APP_CODE_DIGITS, code="digits")
            device, wrong = TOTPDevice.objects.filter(user=self.user, confirmed=True).first(), WRONG_CODE
        else:
            device, wrong = (
                StaticDevice.objects.filter(user=self.user, confirmed=True).first(),
                WRONG_BACKUP_CODE,
            )
            self.used_backup_code = True
        if device is None:
            raise forms.ValidationError(wrong, code="wrong_code")
        self.device = check_code(device, code, wrong)
        return code


class SetUpForm(forms.Form):
    """Setting up: the first code the app shows, which proves it has the secret."""

    code = CodeField(
        label=_("Code from the app"),
        help_text=_("After scanning, the app shows 6 digits. Type them here."),
    )

    def __init__(self, device: TOTPDevice, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = normalised(self.cleaned_data["code"])
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError(APP_CODE_DIGITS, code="digits")
        self.device = check_code(self.device, code, WRONG_CODE)
        return code
