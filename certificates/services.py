"""Writes: issuing (once per trainee and course), keeping a printed name, revoking.

Only the learning pipeline (certificates/pipeline.py) issues certificates: it decides when
one is due."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.log_actions import log

from common.languages import is_configured

from .codes import new_code
from .models import Certificate


def certificate_issue(*, user, course, final_score: int | None) -> tuple[Certificate, bool]:
    """The trainee's certificate for `course` (a CoursePage in any language), issued now
    unless they already have one. Returns (certificate, issued now). Safe under concurrent
    calls: the unique constraint lets one insert win, the others read it."""
    language = get_language() if is_configured(get_language()) else course.locale.language_code
    for _attempt in range(3):  # a repeated random code is all but impossible; retry anyway
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    user=user,
                    course_key=course.translation_key,
                    organisation_id=user.organisation_id,
                    training_group_id=user.training_group_id,
                    issued_at=timezone.now(),
                    final_score=final_score,
                    language=language,
                    code=new_code(),
                )
            return certificate, True
        except IntegrityError:  # issued before (or, once in a lifetime, the code was taken)
            existing = Certificate.objects.filter(user=user, course_key=course.translation_key).first()
            if existing:
                return existing, False
    raise RuntimeError("could not find a free certificate code")


def certificate_keep_name(*, certificate: Certificate, name: str, show: bool) -> None:
    Certificate.objects.filter(pk=certificate.pk).update(kept_name=name, show_name=show and bool(name))
    certificate.refresh_from_db()


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str, by) -> Certificate:
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if not certificate.is_valid:
        return certificate
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_reason, certificate.revoked_by, certificate.revoked_at = reason, by, timezone.now()
    certificate.save()
    log(instance=certificate, action="certificates.revoke", user=by, data={"reason": reason})
    return certificate
