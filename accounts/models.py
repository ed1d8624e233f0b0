"""Who uses the platform: organisations, their training groups, and users who are a
nickname and a password. Profile fields are only those the training report
disaggregates by, and all of them are optional."""

import secrets

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from .shown_names import ANOTHER_ORGANISATION, hidden_from_viewer

# Roles only hand permissions out; what a user may do is checked in accounts/access.py.
TRAINERS_GROUP = "Trainers"
COORDINATORS_GROUP = "Coordinators"

# Join codes avoid letters that read like digits (O/0, I/1/L) on a small screen.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
# 31 symbols: 9 of them carry 44.6 bits, more than the 40 that make guessing hopeless
# behind the sign-up throttle. Dashes and spaces are ignored, so it can be written in
# groups of three: K7M-Q2R-VXD.
JOIN_CODE_LENGTH = 9
JOIN_CODE_MAX_LENGTH = 16
# The admin lets nobody choose a code (accounts/wagtail_hooks.py); one set any other way
# must at least not be a repeated pattern (AAAAAAAAA, ABCABCABC).
JOIN_CODE_MIN_DISTINCT_SYMBOLS = 5


def normalise_join_code(raw: str) -> str:
    """What the trainee typed, as stored: upper case, without spaces or dashes."""
    return "".join(ch for ch in raw.upper() if ch not in " -\t")


def join_code_is_strong(code: str) -> bool:
    code = normalise_join_code(code)
    return (
        JOIN_CODE_LENGTH <= len(code) <= JOIN_CODE_MAX_LENGTH
        and set(code) <= set(JOIN_CODE_ALPHABET)
        and len(set(code)) >= JOIN_CODE_MIN_DISTINCT_SYMBOLS
    )


def validate_join_code(value: str) -> None:
    """New and changed codes must be as hard to guess as the ones the site makes up."""
    if not join_code_is_strong(value):
        raise ValidationError(
            _(
                "Use 9 to 16 letters and digits, at least 5 of them different, without O, I, L, 0 "
                "or 1. Best keep the code the site made up."
            ),
            code="weak_join_code",
        )


def new_join_code() -> str:
    while True:
        code = "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
        if join_code_is_strong(code):  # almost always: a few random codes repeat symbols
            return code


# Nicknames that could pass for the site's staff or for an account deleted for privacy
# (elearn/privacy.py renames those to "deleted-…"): refused at sign-up, whatever the case.
RESERVED_NICKNAME_PREFIXES = (
    "deleted-",
    "admin",
    "root",
    "staff",
    "trainer",
    "coordinator",
    "support",
    "moderator",
    "system",
    "conecta",
    "адмін",
    "админ",
    "тренер",
    "координатор",
    "модератор",
    "підтримка",
    "поддержка",
)


def reserved_prefix(nickname: str) -> str | None:
    """The reserved beginning of `nickname`, if it has one."""
    folded = nickname.casefold()
    return next((prefix for prefix in RESERVED_NICKNAME_PREFIXES if folded.startswith(prefix)), None)


class AgeBand(models.TextChoices):
    UNDER_20 = "lt20", _("Under 20")
    FROM_20 = "20-24", _("20–24")
    FROM_25 = "25-29", _("25–29")
    FROM_30 = "30-39", _("30–39")
    FROM_40 = "40plus", _("40 or older")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    TRANS_WOMAN = "trans_woman", _("Trans woman")
    TRANS_MAN = "trans_man", _("Trans man")
    NON_BINARY = "non_binary", _("Non-binary")
    NOT_SAID = "not_said", _("Prefer not to say")


class WorkSetting(models.TextChoices):
    STREET = "street", _("Street")
    APARTMENT = "apartment", _("Apartment")
    SAUNA = "sauna", _("Sauna or massage parlour")
    VENUE = "venue", _("Club, bar or hotel")
    ONLINE = "online", _("Online")
    OTHER = "other", _("Other")


class Country(models.TextChoices):
    UKRAINE = "UA", _("Ukraine")
    RUSSIA = "RU", _("Russia")


# The optional questions a trainee may be asked: User fields, each switched on or off per
# organisation by an `asks_<name>` field.
OPTIONAL_QUESTIONS = ("age_band", "gender", "work_setting")


class Organisation(TranslatableModel):
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        city=models.CharField(_("city"), max_length=100),
    )
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    slug = models.SlugField(_("slug"), unique=True)
    # Which optional questions the organisation's trainees are asked (the training report
    # disaggregates by them). An organisation may decide it must not ask one: in some
    # countries a stored gender identity is a risk of its own. Switched off, the answers
    # already given are erased (accounts.services.organisation_questions_set).
    asks_age_band = models.BooleanField(_("ask trainees their age"), default=True)
    asks_gender = models.BooleanField(_("ask trainees their gender"), default=True)
    asks_work_setting = models.BooleanField(_("ask trainees where they mostly work"), default=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        # Checked by accounts/access.py; given to roles by accounts/migrations.
        permissions = [
            ("view_reports", "Can see the organisation's reports and exports"),
            ("choose_questions", "Can choose which optional questions the organisation's trainees are asked"),
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def asked_questions(self) -> list[str]:
        """The names of the User fields this organisation asks about, in form order."""
        return [name for name in OPTIONAL_QUESTIONS if getattr(self, f"asks_{name}")]


class TrainingGroup(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="groups", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=100)
    trainer = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="groups_trained",
        verbose_name=_("trainer"),
    )
    join_code = models.CharField(
        _("join code"),
        max_length=JOIN_CODE_MAX_LENGTH,
        unique=True,
        default=new_join_code,
        validators=[validate_join_code],
        help_text=_(
            "Trainees type this code to join the group; case, spaces and dashes do not matter. "
            "The site makes up one that is hard to guess."
        ),
    )
    is_open = models.BooleanField(_("open for new trainees"), default=True)
    expires_at = models.DateTimeField(_("code expires at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("training group")
        verbose_name_plural = _("training groups")
        ordering = ["organisation_id", "name"]
        permissions = [("lead_traininggroup", "Can be chosen as a training group's trainer")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.join_code = normalise_join_code(self.join_code)
        super().save(*args, **kwargs)

    def clean(self):
        # After the field validators (which normalise for themselves), before the
        # uniqueness check: "abc-def-ghj" and "ABCDEFGHJ" are one code.
        self.join_code = normalise_join_code(self.join_code)

    def is_expired(self, now=None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, nickname):
        # Nicknames are unique regardless of case, so log-in ignores case too.
        return self.get(nickname__iexact=nickname)

    def create_user(self, nickname, password=None, **extra_fields):
        if not nickname:
            raise ValueError("A user needs a nickname.")
        user = self.model(nickname=nickname, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, nickname, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self.create_user(nickname, password, **extra_fields)


nickname_validator = RegexValidator(
    r"^[\w.-]{3,30}$",
    _("Use 3 to 30 letters, digits, dots, dashes or underscores, without spaces."),
)


class User(AbstractBaseUser, PermissionsMixin):
    nickname = models.CharField(
        _("nickname"),
        max_length=30,
        unique=True,
        validators=[nickname_validator],
        help_text=_("Not your real name. Other trainees and your trainer see it."),
    )
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("organisation"),
    )
    training_group = models.ForeignKey(
        TrainingGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trainees",
        verbose_name=_("training group"),
    )
    age_band = models.CharField(_("age"), max_length=8, choices=AgeBand.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=16, choices=Gender.choices, blank=True)
    work_setting = models.CharField(
        _("where you mostly work"), max_length=16, choices=WorkSetting.choices, blank=True
    )
    # When staff last set this person's password, until they are told at their next log-in.
    password_set_by_staff_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "nickname"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        permissions = [
            ("view_trainees", "Can see the organisation's trainees"),
            ("reset_trainee_password", "Can set a new password for the organisation's trainees"),
            ("reset_second_factor", "Can switch off two-factor authentication of the organisation's staff"),
        ]
        constraints = [
            models.UniqueConstraint(Lower("nickname"), name="accounts_user_nickname_ci_unique"),
        ]

    def __str__(self):
        return str(ANOTHER_ORGANISATION) if hidden_from_viewer(self) else self.nickname

    def get_full_name(self) -> str:
        """What Wagtail and wagtail-localize show as this person's name: the nickname, or
        a neutral label for another organisation's staff (accounts/shown_names.py)."""
        return str(self)

    @property
    def email(self) -> str:
        """No one has an email here. Wagtail reads `user.email` to send workflow notices;
        an empty one makes it skip the mail (reviewers see their tasks on the dashboard)."""
        return ""
