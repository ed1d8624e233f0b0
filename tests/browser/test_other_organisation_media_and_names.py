"""In Chromium: a recording in a course limited to Salus plays for a Salus trainee, and its
address, typed by a Humanitarian Action trainee, is not found; a module that Humanitarian
Action's trainer has locked reads as locked by "staff of another organisation" in Salus's
trainer's page editor, and as locked by trainer-spb in Humanitarian Action's
coordinator's."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_authoring import admin_sign_in
from tests.browser.test_course_restrictions import MODULE, demo_trainee
from tests.browser.test_foundation import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LABEL = "персонал іншої організації"


@pytest.fixture
def salus_only_recording(demo):
    """The demo course limited to Salus, with a recording in its condoms module."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from accounts.models import Organisation
    from courses.models import CoursePage, ModulePage

    recording = Document(title="Розмова з клієнтом")
    recording.file.save("negotiation.mp3", ContentFile(b"ID3 a recorded conversation"), save=False)
    recording.save()
    module = ModulePage.objects.get(slug="condoms-and-negotiation", locale__language_code="uk")
    value = {"title": "Розмова з клієнтом", "file": recording, "transcript": "<p>Усе сказане.</p>"}
    module.body.append(("audio", value))
    module.save_revision().publish()
    course = CoursePage.objects.get(slug="peer-educator-basic-course", locale__language_code="uk")
    for version in course.get_translations(inclusive=True):
        version.organisations.set([Organisation.objects.get(slug="salus")])
        version.save_revision().publish()
    return recording.url


def test_a_salus_course_recording_plays_for_salus_and_is_not_found_for_humanitarian_action(
    visit, salus_only_recording
):
    salus = visit()
    sign_in(salus, "uk", nickname=demo_trainee("salus", "trainee-lviv"))
    salus.goto(MODULE.format(lang="uk"))
    expect(salus.locator(f'audio[src="{salus_only_recording}"]')).to_be_attached()
    assert salus.request.get(salus_only_recording).status == 200

    other = visit()
    sign_in(other, "uk", nickname=demo_trainee("humanitarian-action", "trainee-spb"))
    assert other.request.get(salus_only_recording).status == 404
    response = other.goto(salus_only_recording)
    assert response.status == 404
    expect(other.get_by_role("heading", level=1)).to_have_text("Сторінку не знайдено")


@pytest.fixture
def locked_by_spb(demo):
    """A shared module, locked by Humanitarian Action's trainer."""
    from django.utils import timezone
    from wagtail.models import Page

    from accounts.models import User
    from courses.models import ModulePage

    module = ModulePage.objects.get(slug="hiv", locale__language_code="uk")
    trainer = User.objects.get(nickname="trainer-spb")
    Page.objects.filter(pk=module.pk).update(locked=True, locked_by=trainer, locked_at=timezone.now())
    return f"/admin/pages/{module.pk}/edit/"


def test_salus_trainer_reads_who_locked_a_module_as_staff_of_another_organisation(visit, locked_by_spb):
    page = visit()
    admin_sign_in(page, "trainer-lviv")
    page.goto(locked_by_spb)

    expect(page.locator("main")).to_contain_text(LABEL)
    assert "trainer-spb" not in page.content()

    admin_sign_in(page, "coordinator-spb")
    page.goto(locked_by_spb)

    expect(page.locator("main")).to_contain_text("trainer-spb")
    assert LABEL not in page.content()
