"""Writes: issuing (once per trainee and course), keeping a printed name, revoking.

Only the learning pipeline (certificates/pipeline.py) issues certificates: it decides when
one is due."""

from django.db import connection, transaction
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
        certificate = Certificate(
            user=user,
            course_key=course.translation_key,
            organisation_id=user.organisation_id,
            training_group_id=user.training_group_id,
            issued_at=timezone.now(),
            final_score=final_score,
            language=language,
            code=new_code(),
        )
        if _insert_unless_taken(certificate):
            return certificate, True
        # Issued before (or, once in a lifetime, the code was taken).
        existing = Certificate.objects.filter(user=user, course_key=course.translation_key).first()
        if existing:
            return existing, False
    raise RuntimeError("could not find a free certificate code")


def _insert_unless_taken(certificate: Certificate) -> bool:
    """INSERT … ON CONFLICT DO NOTHING (PostgreSQL and SQLite alike): one statement where
    catching the unique constraint's error would need a savepoint and two more. True, with
    the primary key set, if the row went in."""
    fields = [field for field in Certificate._meta.concrete_fields if not field.primary_key]
    quote = connection.ops.quote_name
    # Only the model's own names go into the text; every value is a parameter.
    sql = "INSERT INTO {table} ({columns}) VALUES ({values}) ON CONFLICT DO NOTHING RETURNING {pk}".format(  # noqa: S608
        table=quote(Certificate._meta.db_table),
        columns=", ".join(quote(field.column) for field in fields),
        values=", ".join(["%s"] * len(fields)),
        pk=quote(Certificate._meta.pk.column),
    )
    params = [field.get_db_prep_save(field.pre_save(certificate, add=True), connection) for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return False
    certificate.pk = row[0]
    certificate._state.adding, certificate._state.db = False, connection.alias
    return True


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
