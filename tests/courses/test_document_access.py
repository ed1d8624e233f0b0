"""Audio, video, captions and PDFs are Wagtail documents, served by Wagtail's document view
at /documents/<id>/<name>. One used in a course limited to an organisation is served only
to the people who may take that course (courses/media_access.py): its address, passed on
or guessed, opens nothing for anyone else."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document

from tests.builders import build_course
from tests.factories import TraineeFactory, TrainingGroupFactory, UserFactory

pytestmark = pytest.mark.django_db

RECORDING = b"ID3 a recorded conversation"


def limit_to(course, *organisations):
    for version in course.get_translations(inclusive=True):
        version.organisations.set(organisations)
        version.save_revision().publish()


def use_in(module, document):
    """An audio block with `document` in every language version of `module`, published."""
    for version in module.get_translations(inclusive=True):
        value = {"title": "Розмова", "file": document, "transcript": "<p>Усе сказане.</p>"}
        version.body.append(("audio", value))
        version.save_revision().publish()


def as_user(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def download(user, document):
    response = as_user(user).get(document.url)
    if response.status_code == 200:
        return b"".join(response.streaming_content)
    return response.status_code


@pytest.fixture
def recording(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = Document(title="Розмова")
    document.file.save("conversation.mp3", ContentFile(RECORDING), save=False)
    document.save()
    return document


@pytest.fixture
def outsider(other_organisation):
    """A trainee of another organisation (as Humanitarian Action's are for Salus's course)."""
    group = TrainingGroupFactory(organisation=other_organisation)
    return TraineeFactory(nickname="outsider", training_group=group)


@pytest.fixture
def limited_course_recording(course, organisation, recording):
    page, modules = course
    use_in(modules[1], recording)
    limit_to(page, organisation)
    return recording


def test_another_organisations_trainee_and_staff_cannot_download_it(limited_course_recording, outsider):
    outside_coordinator = UserFactory(nickname="outside-coordinator", organisation=outsider.organisation)

    assert download(outsider, limited_course_recording) == 404
    assert download(outside_coordinator, limited_course_recording) == 404


def test_someone_not_signed_in_is_asked_to_log_in_first(limited_course_recording):
    response = Client().get(limited_course_recording.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/uk/accounts/login/?next=%2Fdocuments%2F")


def test_the_organisations_trainee_trainer_and_admins_download_it(
    limited_course_recording, trainee, trainer, admin_user
):
    for person in (trainee, trainer, admin_user):
        assert download(person, limited_course_recording) == RECORDING, person


def test_a_document_also_used_in_an_open_course_stays_open(limited_course_recording, outsider, home_pages):
    _page, open_modules = build_course(home_pages, modules=1, translate=False, slug="open-course")
    use_in(open_modules[0], limited_course_recording)

    assert download(outsider, limited_course_recording) == RECORDING


def test_documents_of_courses_for_everyone_and_unused_ones_stay_open(course, recording, outsider):
    _page, modules = course
    unused = Document(title="Листівка")
    unused.file.save("leaflet.pdf", ContentFile(b"%PDF-1.4"), save=False)
    unused.save()
    use_in(modules[0], recording)

    assert download(outsider, recording) == RECORDING
    assert download(None, recording) == RECORDING
    assert download(None, unused) == b"%PDF-1.4"
