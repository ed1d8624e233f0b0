"""When a certificate is issued: every module done and the final test passed; once."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from certificates.codes import normalize
from certificates.models import Certificate
from certificates.services import certificate_issue, certificate_revoke
from courses.models import CourseCompletion
from tests.certificates.conftest import finish_modules, take_final
from tests.factories import TraineeFactory


def test_no_certificate_until_every_module_is_done_and_the_final_test_passed(trainee, final_course):
    page, modules, final = final_course

    finish_modules(trainee, modules[:-1])
    take_final(trainee, final)
    assert not Certificate.objects.exists()  # a module is missing

    finish_modules(trainee, modules[-1:])  # the last module completes the course
    certificate = Certificate.objects.get()
    assert (certificate.user, certificate.course_key) == (trainee, page.translation_key)
    assert certificate.organisation == trainee.organisation
    assert certificate.training_group == trainee.training_group
    assert certificate.final_score == 100 and certificate.is_valid
    assert normalize(certificate.code) == certificate.code


def test_a_failed_final_test_earns_nothing_and_a_later_pass_does(trainee, final_course):
    _page, modules, final = final_course
    finish_modules(trainee, modules)

    take_final(trainee, final, right=False)
    assert not Certificate.objects.exists()

    take_final(trainee, final, right=True)
    assert Certificate.objects.get().final_score == 100


def test_issuing_again_returns_the_same_certificate(trainee, final_course):
    page, modules, final = final_course
    finish_modules(trainee, modules)
    take_final(trainee, final)

    first = Certificate.objects.get()
    again, created = certificate_issue(user=trainee, course=page, final_score=90)
    in_russian, created_ru = certificate_issue(
        user=trainee, course=page.get_translations().get(), final_score=90
    )

    assert again == first == in_russian and not created and not created_ru
    assert Certificate.objects.count() == 1


def test_a_course_without_a_final_test_gives_no_certificate(trainee, course):
    page, modules = course
    finish_modules(trainee, modules)

    assert CourseCompletion.objects.filter(user=trainee, course_key=page.translation_key).exists()
    assert not Certificate.objects.exists()


def test_revoking_keeps_the_certificate_and_says_why(trainee, coordinator, final_course):
    _page, modules, final = final_course
    finish_modules(trainee, modules)
    take_final(trainee, final)

    revoked = certificate_revoke(
        certificate=Certificate.objects.get(), reason="Помилка в даних", by=coordinator
    )

    assert not revoked.is_valid
    assert (revoked.revoked_reason, revoked.revoked_by) == ("Помилка в даних", coordinator)
    assert revoked.revoked_at is not None


@pytest.mark.slow  # real transactions racing
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_issued_exactly_once_under_concurrent_requests(home_pages, group):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL to race for real (run with DATABASE_URL=postgres://...)")
    from tests.builders import build_course, build_quiz

    page, modules = build_course(home_pages, modules=2, translate=False, slug="race")
    final = build_quiz(kind="final", pass_mark=75)
    page.final_test = final
    page.save_revision().publish()
    trainees = [TraineeFactory(training_group=group) for _ in range(10)]
    for trainee in trainees:
        finish_modules(trainee, modules)
        take_final(trainee, final)
    Certificate.objects.all().delete()  # the race below issues them

    go = threading.Event()

    def issue(trainee):
        try:
            go.wait()
            return certificate_issue(user=trainee, course=page, final_score=100)[0].pk
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=20) as pool:
        futures = [pool.submit(issue, trainee) for trainee in trainees for _ in range(4)]
        go.set()
        issued = [future.result() for future in futures]

    assert Certificate.objects.count() == len(trainees)
    assert len(set(issued)) == len(trainees)
