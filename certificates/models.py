"""A certificate: a trainee finished a course (every module, the final test passed).

It keeps what was true when it was issued (organisation, group, score, language) and stays
verifiable by its code even if the trainee's account is deleted."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.languages import language_choices
from courses.models import CoursePage


class Certificate(models.Model):
    class Status(models.TextChoices):
        VALID = "valid", _("valid")
        REVOKED = "revoked", _("revoked")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("trainee"),
    )
    course_key = models.UUIDField(_("course"), db_index=True)  # the CoursePage translation_key
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        related_name="certificates",
        verbose_name=_("organisation"),
    )
    training_group = models.ForeignKey(
        "accounts.TrainingGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("training group"),
    )
    issued_at = models.DateTimeField(_("issued"), db_index=True)
    final_score = models.PositiveSmallIntegerField(_("final test score, %"))
    language = models.CharField(_("language"), max_length=8, choices=language_choices)
    code = models.CharField(_("verification code"), max_length=14, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.VALID)
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    # Printed instead of the nickname only if the trainee asked to keep it; shown on the
    # public verification page only if they also agreed to that.
    kept_name = models.CharField(_("name on the certificate"), max_length=80, blank=True)
    show_name = models.BooleanField(_("name shown on the verification page"), default=False)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        permissions = [("revoke_certificate", "Can revoke certificates")]
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="certificate_once_per_course"),
        ]

    def __str__(self):
        return self.code

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID

    def course_page(self, language_code):
        """The course in `language_code`, or in any language if it is not translated."""
        pages = CoursePage.objects.filter(translation_key=self.course_key)
        return pages.filter(locale__language_code=language_code).first() or pages.first()
