"""A coordinator in Chromium reads Wagtail's site history and a test's statistics: their own
organisation's revocation as a sentence, nothing of the other organisation, and small
counts hidden."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.log_actions import log

from accounts.models import User
from certificates.codes import new_code
from certificates.models import Certificate
from courses.models import CoursePage
from tests.browser.test_authoring import admin_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def revoked_elsewhere():
    """A certificate of Humanitarian Action, revoked by its coordinator."""
    spb = User.objects.get(nickname="coordinator-spb")
    trainee = User.objects.create_user("trainee-spb", "x", organisation=spb.organisation)
    certificate = Certificate.objects.create(
        user=trainee,
        course_key=CoursePage.objects.first().translation_key,
        organisation=spb.organisation,
        issued_at=timezone.now(),
        final_score=90,
        language="ru",
        code=new_code(),
        status=Certificate.Status.REVOKED,
    )
    log(instance=certificate, action="certificates.revoke", user=spb, data={"reason": "Ошибка"})
    return certificate.code


def test_a_coordinator_sees_only_their_organisation_in_site_history_and_statistics(visit, demo):
    theirs = revoked_elsewhere()
    ours = Certificate.objects.get(user__nickname="trainee-demo")
    final_test = CoursePage.objects.filter(locale__language_code="uk").first().final_test_id
    page = visit()
    admin_sign_in(page, "coordinator-lviv")

    page.goto(f"/admin/certificates/{ours.pk}/revoke/")
    page.locator("textarea[name=reason]").fill("Помилка в групі")
    page.locator("main form button[type=submit]").click()
    page.goto("/admin/reports/site-history/")

    expect(page.get_by_text("Сертифікат відкликано. Причина: Помилка в групі")).to_be_visible()
    content = page.content()
    assert ours.code in content
    assert theirs not in content and "coordinator-spb" not in content

    page.goto(f"/admin/tests/{final_test}/statistics/")

    expect(page.get_by_text("Лише учасниці та учасники організації «Салюс».", exact=False)).to_be_visible()
    expect(page.get_by_text("Враховано учасниць і учасників: <5.", exact=False)).to_be_visible()
    assert "правильно з 1" not in page.content()  # the demo trainee alone is not shown as 1
