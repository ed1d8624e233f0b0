"""Writes: issuing (once per trainee and course), keeping a printed name, revoking."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language

from .codes import new_code
from .models import Certificate
from .selectors import course_eligibility


def certificate_issue(*, user, course) -> tuple[Certificate | None, bool]:
    """The trainee's certificate for `course` (a CoursePage in any language), issued now if
    they have just become eligible. Returns (certificate or None, issued now). Safe under
    concurrent calls: the unique constraint lets one insert win, the others read it."""
    existing = Certificate.objects.filter(user=user, course_key=course.translation_key).first()
    if existing:
        return existing, False
    eligibility = course_eligibility(user=user, course=course)
    if not eligibility.eligible:
        return None, False
    language = get_language() if get_language() in ("uk", "ru") else course.locale.language_code
    for _attempt in range(3):  # a repeated random code is all but impossible; retry anyway
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    user=user,
                    course_key=course.translation_key,
                    organisation_id=user.organisation_id,
                    training_group_id=user.training_group_id,
                    issued_at=timezone.now(),
                    final_score=eligibility.final_score,
                    language=language,
                    code=new_code(),
                )
            return certificate, True
        except IntegrityError:
            existing = Certificate.objects.filter(user=user, course_key=course.translation_key).first()
            if existing:
                return existing, False
    raise RuntimeError("could not find a free certificate code")


def certificates_issue_for(*, user, module=None, quiz=None) -> list[Certificate]:
    """After a module was completed or a test passed: issue what has just become due."""
    from courses.models import CoursePage

    if module is not None:
        courses = [module.get_parent().specific]
    else:
        courses = list(CoursePage.objects.filter(final_test=quiz))
    issued = []
    for course in courses:
        certificate, created = certificate_issue(user=user, course=course)
        if created:
            issued.append(certificate)
    return issued


def certificate_keep_name(*, certificate: Certificate, name: str, show: bool) -> None:
    Certificate.objects.filter(pk=certificate.pk).update(kept_name=name, show_name=show and bool(name))
    certificate.refresh_from_db()


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str, by) -> Certificate:
    from wagtail.log_actions import log

    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if not certificate.is_valid:
        return certificate
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_reason, certificate.revoked_by, certificate.revoked_at = reason, by, timezone.now()
    certificate.save()
    log(instance=certificate, action="certificates.revoke", user=by, data={"reason": reason})
    return certificate
