from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext_lazy as _

from .models import (
    OPTIONAL_QUESTIONS,
    AgeBand,
    Gender,
    TrainingGroup,
    User,
    WorkSetting,
    nickname_validator,
    normalise_join_code,
    reserved_prefix,
)
from .services import trainee_own_password_set

SKIP = [("", _("Skip this question"))]


class NoLabelSuffix:
    """Labels read "Password", not "Password:" (screen readers say the colon too)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


# One answer for every code that does not let someone in (unknown, closed, expired): which
# it is would tell a guesser they found a real group.
WRONG_CODE = _(
    "This group code does not work. It may be mistyped, or the group may be closed. "
    "Check the code with your trainer."
)
NICKNAME_TAKEN = _("This nickname is taken. Please choose another one.")


class SignUpForm(NoLabelSuffix, forms.Form):
    """Until the group code is right, the form says nothing but that: not whether the
    nickname is taken (a nickname is often a handle someone works under, and an account
    here says what they do), nor anything else about the nickname or the passwords.

    The optional questions are not here: which of them are asked is the organisation's
    choice, known only once the code is right, so they come on the next step (ProfileForm)."""

    join_code = forms.CharField(
        label=_("Group code"),
        max_length=32,
        help_text=_("Your trainer gives you this code."),
        error_messages={"max_length": WRONG_CODE},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    nickname = forms.CharField(
        label=_("Nickname"),
        max_length=30,
        validators=[nickname_validator],
        help_text=_("Not your real name. Other trainees and your trainer see it."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=_("At least 8 characters. Not only digits, not a common word."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_join_code(self) -> TrainingGroup:
        code = normalise_join_code(self.cleaned_data["join_code"])
        group = TrainingGroup.objects.select_related("organisation").filter(join_code=code).first()
        if group is None or not group.is_open or group.is_expired():
            raise forms.ValidationError(WRONG_CODE, code="wrong_code")
        return group

    @property
    def group(self) -> TrainingGroup | None:
        """The group whose code was typed, once the form is validated and the code works."""
        group = getattr(self, "cleaned_data", {}).get("join_code")
        return group if isinstance(group, TrainingGroup) else None

    def clean(self):
        cleaned = super().clean()
        if self.group is None:
            for name in list(self._errors):  # only the code's own error
                if name != "join_code":
                    del self._errors[name]
            return cleaned
        nickname = cleaned.get("nickname")
        if nickname:
            prefix = reserved_prefix(nickname)
            if prefix is not None:
                self.add_error(
                    "nickname",
                    forms.ValidationError(
                        _(
                            "A nickname may not begin with “%(prefix)s”: such names are kept "
                            "for the site's staff and its own use. Please choose another one."
                        ),
                        code="reserved",
                        params={"prefix": prefix},
                    ),
                )
            elif User.objects.filter(nickname__iexact=nickname).exists():
                self.add_error("nickname", forms.ValidationError(NICKNAME_TAKEN, code="taken"))
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords are different. Type them again."))
        elif password1:
            candidate = User(nickname=cleaned.get("nickname", ""))
            try:
                password_validation.validate_password(password1, user=candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class NicknameLoginForm(NoLabelSuffix, AuthenticationForm):
    error_messages = {
        "invalid_login": _("This nickname and password do not match. Check both and try again."),
        "inactive": _("This account is switched off. Ask your trainer."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Nickname")
        self.fields["password"].label = _("Password")


class TraineePasswordChangeForm(NoLabelSuffix, PasswordChangeForm):
    def save(self, commit=True):
        trainee_own_password_set(user=self.user, password=self.cleaned_data["new_password1"])
        return self.user


class DeleteAccountForm(NoLabelSuffix, forms.Form):
    """Deleting asks for the password, so a phone left signed in cannot be used for it."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


def optional_question_fields() -> dict[str, forms.Field]:
    return {
        "age_band": forms.ChoiceField(label=_("Age"), choices=SKIP + AgeBand.choices, required=False),
        "gender": forms.ChoiceField(label=_("Gender"), choices=SKIP + Gender.choices, required=False),
        "work_setting": forms.ChoiceField(
            label=_("Where you mostly work"), choices=SKIP + WorkSetting.choices, required=False
        ),
    }


def asked_questions(user) -> list[str]:
    """The optional questions a trainee's organisation asks (staff are asked none)."""
    if not user.training_group_id or not user.organisation_id:
        return []
    return user.organisation.asked_questions()


class ProfileForm(NoLabelSuffix, forms.Form):
    """The optional questions, only those the trainee's organisation asks, each skippable."""

    def __init__(self, user, *args, **kwargs):
        kwargs.setdefault("initial", {name: getattr(user, name) for name in OPTIONAL_QUESTIONS})
        super().__init__(*args, **kwargs)
        fields = optional_question_fields()
        for name in asked_questions(user):
            self.fields[name] = fields[name]


QUESTION_LABELS = {
    "age_band": _("Age"),
    "gender": _("Gender"),
    "work_setting": _("Where they mostly work"),
}


class OrganisationQuestionsForm(forms.Form):
    """Which optional questions an organisation asks (the admin's "Questions for trainees")."""

    asked = forms.MultipleChoiceField(
        label=_("Questions your trainees are asked"),
        choices=[(name, QUESTION_LABELS[name]) for name in OPTIONAL_QUESTIONS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
